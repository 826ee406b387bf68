package org.certfree.proofs.consent.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.certfree.proofs.consent.AgentRelationship;
import org.certfree.proofs.consent.AgentScope;
import org.certfree.proofs.consent.AuthorisationBasis;
import org.certfree.proofs.consent.IdentityCheck;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An agent authorisation as the API shows it: holder and agent masked (the service keeps only their
 * blind indexes and masked copies), the evidence as its hash.
 */
@Schema(name = "AgentAuthorisationView")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentAuthorisationView(
        UUID id,
        @Schema(description = "持证人姓名（脱敏）/ holder's name, masked") String holderName,
        @Schema(description = "持证人身份号码（脱敏）/ holder's resident ID, masked") String holderId,
        @Schema(description = "代理人姓名（脱敏）/ agent's name, masked") String agentName,
        @Schema(description = "代理人身份号码（脱敏）/ agent's resident ID, masked") String agentId,
        AgentRelationship relationship,
        AuthorisationBasis basis,
        List<AgentScope> covers,
        IdentityCheck identityCheck,
        String evidenceSha256,
        @Schema(description = "登记的窗口工作人员 / the clerk who put it on file") String filedBy,
        @Schema(description = "登记窗口所属单位 / the clerk's unit") String filedUnit,
        Instant filedAt,
        Instant validUntil,
        Instant revokedAt,
        @Schema(description = "在窗口代为撤销的单位；持证人本人撤销时为空 / the unit whose window revoked it for the holder; absent when the holder did")
        String revokedUnit,
        boolean active) {
}
