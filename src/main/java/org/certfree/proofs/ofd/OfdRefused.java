package org.certfree.proofs.ofd;

/** A check of an uploaded OFD failed: which one, and the Chinese text for the client. */
public final class OfdRefused extends Exception {

    private final OfdRefusal refusal;

    OfdRefused(OfdRefusal refusal, Object... args) {
        super(refusal.message(args));
        this.refusal = refusal;
    }

    public OfdRefusal refusal() {
        return refusal;
    }
}
