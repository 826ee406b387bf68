package org.certfree.proofs.consent;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** On what the window put an agent authorisation on file. Stable API values. */
@Schema(description = "HOLDER_PRESENT 持证人本人到场授权 / holder present; SIGNED_FORM 持证人签字的授权委托书 / signed power of attorney; NOTARISED_FORM 经公证的授权委托书 / notarised power of attorney")
public enum AuthorisationBasis {
    /** The holder came to the window with the agent and signed the form there (本人到场当面授权). */
    HOLDER_PRESENT("持证人本人到场授权"),
    /** The agent brought a power of attorney the holder signed (授权委托书). */
    SIGNED_FORM("持证人签字的授权委托书"),
    /** The agent brought a notarised power of attorney (经公证的授权委托书). */
    NOTARISED_FORM("经公证的授权委托书");

    private final String chinese;

    AuthorisationBasis(String chinese) {
        this.chinese = chinese;
    }

    /** The label the holder reads. */
    public String chinese() {
        return chinese;
    }
}
