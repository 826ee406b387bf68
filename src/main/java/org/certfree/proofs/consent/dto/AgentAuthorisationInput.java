package org.certfree.proofs.consent.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.Set;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.consent.AgentRelationship;
import org.certfree.proofs.consent.AgentScope;
import org.certfree.proofs.consent.AuthorisationBasis;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A holder's authorisation of an agent, as a window clerk puts it on file from the signed form. */
@Schema(name = "AgentAuthorisationInput")
public record AgentAuthorisationInput(
        @Schema(description = "持证人（委托人）/ the holder") @NotNull(message = Messages.AGENT_HOLDER_REQUIRED) @Valid PersonInput holder,
        @Schema(description = "代理人（受托人，本人以群众身份登录办理）/ the agent, who acts with their own citizen login")
        @NotNull(message = Messages.AGENT_AGENT_REQUIRED) @Valid PersonInput agent,
        @Schema(description = "代理人与持证人的关系 / the agent's relationship to the holder")
        @NotNull(message = Messages.AGENT_RELATIONSHIP_REQUIRED) AgentRelationship relationship,
        @Schema(description = "授权依据：HOLDER_PRESENT 持证人到场，SIGNED_FORM 签字的授权委托书，NOTARISED_FORM 经公证的授权委托书"
                + " / holder present, signed power of attorney, or notarised power of attorney")
        @NotNull(message = Messages.AGENT_BASIS_REQUIRED) AuthorisationBasis basis,
        @Schema(description = "授权范围：REQUESTS 申请开具证明，CONSENTS 授权用证单位调取 / what it covers")
        @NotEmpty(message = Messages.AGENT_COVERS_REQUIRED) Set<@NotNull(message = Messages.AGENT_COVERS_REQUIRED) AgentScope> covers,
        @Schema(description = "授权截止时间 / valid until") @NotNull(message = Messages.AGENT_VALID_UNTIL_REQUIRED)
        @Future(message = Messages.AGENT_VALID_UNTIL_PAST) Instant validUntil,
        @Schema(description = "窗口如何核验到场人员的身份，以及已签字授权书扫描件的 SHA-256 / identity check and the signed form's hash")
        @NotNull(message = Messages.ASSIST_REQUIRED) @Valid AssistanceInput assistance) {
}
