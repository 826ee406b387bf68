package org.certfree.proofs.supervision.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A catalogue version: the change an upheld dispute leads to in the next batch. */
@Schema(name = "ChangeRef", description = "目录变更：事项编码和版本号 / a matter version in the catalogue")
public record ChangeRef(String matterCode, Integer version) {
}
