package org.certfree.proofs.ofd;

/** A check of an uploaded OFD failed: which one, and the Chinese text for the client. */
public final class OfdRefused extends Exception {

    private final OfdRefusal refusal;
    private final String detail;

    OfdRefused(OfdRefusal refusal, Object... args) {
        super(refusal.message(args));
        this.refusal = refusal;
        this.detail = args.length == 0 ? "" : String.valueOf(args[args.length - 1]);
    }

    /** The last argument of the message (what exactly failed), or empty. */
    String detail() {
        return detail;
    }

    public OfdRefusal refusal() {
        return refusal;
    }
}
