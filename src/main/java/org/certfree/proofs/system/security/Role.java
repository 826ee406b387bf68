package org.certfree.proofs.system.security;

/** The roles a bearer token may carry (its {@code groups} claim); DESIGN.md, security model. */
public enum Role {
    /** Prefecture administrator: departments, units, the 用证 list. */
    ADMIN,
    /** Justice bureau reviewer (司法局): reviews list entries, publishes batches. */
    REVIEWER,
    /** Drafts proof-matter entries for the lists, for its own department. */
    LIST_EDITOR,
    /** Issues and revokes proofs of its own department (开具单位). */
    ISSUER,
    /** Service window of a using unit (用证单位): verifies proofs citizens present. */
    VERIFIER,
    /** A citizen or enterprise (持证主体), identified by resident ID or USCC. */
    CITIZEN;

    /** Constants for {@code @RolesAllowed}. */
    public static final class Names {
        public static final String ADMIN = "ADMIN";
        public static final String REVIEWER = "REVIEWER";
        public static final String LIST_EDITOR = "LIST_EDITOR";
        public static final String ISSUER = "ISSUER";
        public static final String VERIFIER = "VERIFIER";
        public static final String CITIZEN = "CITIZEN";

        private Names() {
        }
    }
}
