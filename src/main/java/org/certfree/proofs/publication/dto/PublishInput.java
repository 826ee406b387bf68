package org.certfree.proofs.publication.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of publishing a batch: the lock version read (optional; If-Match works too). */
@Schema(name = "PublishInput", description = "发布批次 / publish a batch")
public record PublishInput(
        @Schema(description = "读取到的版本号 / lock version read")
        Integer version) {
}
