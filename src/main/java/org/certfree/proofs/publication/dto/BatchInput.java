package org.certfree.proofs.publication.dto;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.certfree.proofs.common.error.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of creating a batch; the number defaults to the next free "YYYY年第N批" of the current year. */
@Schema(name = "BatchInput", description = "新建发布批次 / a new publication batch")
public record BatchInput(
        @Schema(description = "批次编号（可空，自动编号）/ batch number, generated when absent", examples = "2024年第1批")
        @Pattern(regexp = "^[0-9]{4}年第[1-9][0-9]{0,3}批$", message = Messages.BATCH_NUMBER_FORMAT)
        String number,
        @Schema(description = "标题 / title", examples = "巴音郭楞蒙古自治州证明事项清单（2024年第1批）")
        @Size(max = 200, message = Messages.BATCH_TITLE_TOO_LONG)
        String title) {
}
