package org.certfree.proofs.proof;

/** Who a proof is about (持证主体). */
public enum SubjectKind {
    /** A natural person, identified by resident ID (GB 11643). */
    PERSON,
    /** An enterprise or organisation, identified by its USCC (GB 32100). */
    ENTERPRISE
}
