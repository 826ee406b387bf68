package org.certfree.proofs.consent.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;
import org.certfree.proofs.consent.AssistedKind;
import org.certfree.proofs.consent.IdentityCheck;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * That a proof request or consent was filed in the holder's name (代办), by whom and on what evidence.
 *
 * @param kind             WINDOW (a clerk, the holder present) or AGENT (an authorised agent)
 * @param by               the clerk's staff id (WINDOW); an agent is named by their authorisation
 * @param unit             the clerk's unit (WINDOW)
 * @param identityCheck    how identity was checked (for AGENT: when the authorisation was put on file)
 * @param evidenceSha256   SHA-256 of the scanned signed form (for AGENT: the authorisation's)
 * @param authorisationId  the agent authorisation acted under (AGENT)
 */
@Schema(name = "AssistanceView", description = "代办记录 / who acted in the holder's name, and on what evidence")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssistanceView(AssistedKind kind, String by, String unit, IdentityCheck identityCheck, String evidenceSha256,
        UUID authorisationId) {
}
