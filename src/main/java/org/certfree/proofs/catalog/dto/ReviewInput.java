package org.certfree.proofs.catalog.dto;

import jakarta.validation.constraints.Size;
import org.certfree.proofs.common.error.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of submit, withdraw, approve and reject; {@code reason} is required to reject. */
@Schema(name = "ReviewInput", description = "提交、撤回、审核的请求体 / body of a workflow step")
public record ReviewInput(
        @Schema(description = "审核意见；驳回时必填 / comment; the reason, required to reject")
        @Size(max = 500, message = Messages.MATTER_REVIEW_COMMENT_TOO_LONG)
        String reason,
        @Schema(description = "读取到的版本号（可用 If-Match 代替）/ lock version read")
        Integer version) {
}
