package org.certfree.proofs.commitment.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.consent.dto.AssistanceInput;
import org.certfree.proofs.proof.dto.SubjectInput;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A pledge on a notify-and-commit matter, as the applicant (or the window for them) makes it. */
@Schema(name = "PledgeInput", description = "作出告知承诺 / make a pledge")
public record PledgeInput(
        @Schema(description = "告知承诺清单上的证明事项编码 / the matter on the notify-and-commit list", examples = "BZSCJGJ-N001")
        @NotBlank(message = Messages.PLEDGE_MATTER_REQUIRED) @Size(max = 48, message = Messages.PLEDGE_MATTER_REQUIRED)
        String matterCode,
        @Schema(description = "承诺人阅读的格式文本哈希（GET /api/v1/commitment-templates/{matterCode} 的 hash）；不是现行版本则拒绝"
                + " / the hash of the template the applicant read (the template endpoint's hash); refused unless current",
                examples = "3b0f6c2f0a3e5a1f7e5b4f0d1c9a8b7e6f5d4c3b2a19081726354453627180a9")
        @NotBlank(message = Messages.PLEDGE_TEMPLATE_HASH_INVALID) @Pattern(regexp = "[0-9a-f]{64}", message = Messages.PLEDGE_TEMPLATE_HASH_INVALID)
        String templateHash,
        @Schema(description = "承诺人阅读的承诺书全文的哈希（格式文本接口的 textHash）；不是现行全文则拒绝"
                + " / the hash of the pledge text the applicant read (the template endpoint's textHash); refused unless current",
                examples = "6626c22626b12a5592eb2173bb303910512fcd04ef0b740a2af3d5d6d54b5a65")
        @NotBlank(message = Messages.PLEDGE_TEXT_HASH_INVALID) @Pattern(regexp = "[0-9a-f]{64}", message = Messages.PLEDGE_TEXT_HASH_INVALID)
        String textHash,
        @Schema(description = "接受承诺的用证单位编码 / the using unit the pledge is made to", examples = "BZZWFW")
        @NotBlank(message = Messages.PLEDGE_UNIT_REQUIRED) @Size(max = 32, message = Messages.PLEDGE_UNIT_REQUIRED)
        String usingUnit,
        @Schema(description = "办理事项 / the service matter the pledge is for", examples = "个体工商户设立登记")
        @NotBlank(message = Messages.PLEDGE_SERVICE_MATTER_REQUIRED) @Size(max = 200, message = Messages.PLEDGE_SERVICE_MATTER_TOO_LONG)
        String serviceMatter,
        @Schema(description = "承诺人（个人或企业）；群众本人承诺时须为本人 / who pledges; a citizen pledges only as themselves")
        @NotNull(message = Messages.PLEDGE_PLEDGER_REQUIRED) @Valid
        SubjectInput pledger,
        @Schema(description = "对格式文本填报项的填报内容（字段名 → 内容，每项最长 500 字）/ answers to the template's fields")
        @Size(max = 20, message = Messages.PLEDGE_FIELDS_TOO_MANY)
        Map<String, String> answers,
        @Schema(description = "承诺人已阅读格式文本并愿意承担不实承诺的法律后果，须为 true / the applicant accepts the liability; must be true")
        @NotNull(message = Messages.PLEDGE_ACCEPT_REQUIRED)
        Boolean accept,
        @Schema(description = "窗口代为录入（本人到场）时的身份核验记录；群众自行承诺时不填 / the window's identity check when a clerk takes the pledge down")
        @Valid
        AssistanceInput assistance) {
}
