package org.certfree.proofs.consent;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an agent authorisation covers. Stable API values. */
@Schema(description = "REQUESTS 申请开具证明 / filing proof requests; CONSENTS 授权用证单位调取证明 / granting consents")
public enum AgentScope {
    /** Filing proof requests (开具申请) in the holder's name. */
    REQUESTS("申请开具证明"),
    /** Granting consents (调取授权) to using units in the holder's name. */
    CONSENTS("授权用证单位调取证明");

    private final String chinese;

    AgentScope(String chinese) {
        this.chinese = chinese;
    }

    /** The label the holder reads. */
    public String chinese() {
        return chinese;
    }
}
