package org.certfree.proofs.publication.dto;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.publication.EntryAction;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Puts an approved version into a draft batch. Without {@code matterVersion} the matter's latest
 * approved version is taken; without {@code action} it is derived (REMOVE for an approved removal
 * request, AMEND when the matter is on its list, else ADD) — when given it must agree.
 */
@Schema(name = "EntryInput", description = "批次条目 / batch entry")
public record EntryInput(
        @Schema(description = "事项编码 / matter code")
        @NotBlank(message = Messages.MATTER_CODE_REQUIRED) @Size(max = 48, message = Messages.BATCH_ENTRY_MATTER_TOO_LONG)
        String matterCode,
        @Schema(description = "审核通过的版本号（可空，取最新通过的版本）/ approved version number")
        @Min(value = 1, message = Messages.BATCH_ENTRY_VERSION_MIN)
        Integer matterVersion,
        @Schema(description = "ADD 新增 / AMEND 修改 / REMOVE 移出（可空，自动判断）")
        EntryAction action) {
}
