package org.certfree.proofs.consent;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who acted in a holder's name (代办). Stable API values. */
@Schema(description = "WINDOW 窗口工作人员代办 / a window clerk, the holder present; AGENT 授权代理人代办 / an authorised agent")
public enum AssistedKind {
    /** A service-window clerk of a using unit, the holder present in person (窗口帮办). */
    WINDOW("窗口工作人员代办"),
    /** An agent the holder authorised at a window, acting with their own login (授权代理人代办). */
    AGENT("授权代理人代办");

    private final String chinese;

    AssistedKind(String chinese) {
        this.chinese = chinese;
    }

    /** The label the holder reads. */
    public String chinese() {
        return chinese;
    }
}
