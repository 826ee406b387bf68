package org.certfree.proofs.catalog.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.certfree.proofs.catalog.CheckMethod;
import org.certfree.proofs.common.error.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Fields of a matter on the notify-and-commit list. */
@Schema(name = "NotifyCommitFields", description = "告知承诺证明事项的内容 / notify-and-commit fields")
public record NotifyCommitFields(
        @Schema(description = "告知承诺书格式文本 / commitment template")
        @NotNull(message = Messages.MATTER_COMMITMENT_REQUIRED) @Valid
        CommitmentTemplate commitment,
        @Schema(description = "核查方式 / how the pledge is checked")
        @NotNull(message = Messages.MATTER_CHECK_METHOD_REQUIRED)
        CheckMethod checkMethod,
        @Schema(description = "承诺后多少个工作日内核查（1–365）/ checked within N working days", examples = "30")
        @NotNull(message = Messages.MATTER_CHECK_WITHIN_REQUIRED)
        @Min(value = 1, message = Messages.MATTER_CHECK_WITHIN_RANGE) @Max(value = 365, message = Messages.MATTER_CHECK_WITHIN_RANGE)
        Integer checkWithinDays,
        @Schema(description = "核查说明 / check description")
        @Size(max = 500, message = Messages.MATTER_CHECK_DESCRIPTION_TOO_LONG)
        String checkDescription,
        @Schema(description = "承诺人须填报的内容（最多20项）/ the fields the applicant answers (at most 20)")
        @Size(max = 20, message = Messages.PLEDGE_FIELDS_TOO_MANY)
        List<@Valid @NotNull(message = Messages.PLEDGE_FIELD_NAME_INVALID) PledgeField> fields,
        @Schema(description = "抽查比例（%，1–100）；不填则每份承诺都核查 / share of pledges drawn for checking; absent: every pledge",
                examples = "20")
        @Min(value = 1, message = Messages.PLEDGE_SAMPLE_RATIO_RANGE) @Max(value = 100, message = Messages.PLEDGE_SAMPLE_RATIO_RANGE)
        Integer sampleRatioPercent,
        @Schema(description = "协查部门编码（核查方式为部门协查时必填）/ the department asked to assist (checkMethod ASSISTED)",
                examples = "BZZJJ")
        @Size(max = 32, message = Messages.NOTIFY_ASSISTING_DEPARTMENT_TOO_LONG)
        String assistingDepartment) {

    /** The constructor of the fields before pledges existed: every pledge checked by the matter's department. */
    public NotifyCommitFields(CommitmentTemplate commitment, CheckMethod checkMethod, Integer checkWithinDays,
            String checkDescription) {
        this(commitment, checkMethod, checkWithinDays, checkDescription, null, null, null);
    }

    /** The fields, never null. */
    public List<PledgeField> fieldsOrEmpty() {
        return fields == null ? List.of() : fields;
    }
}
