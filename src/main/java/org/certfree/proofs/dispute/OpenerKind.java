package org.certfree.proofs.dispute;

/** Who opened a dispute: the holder (持证主体) of the document, or a using unit (用证单位) that relies on it. */
public enum OpenerKind {
    /** The citizen or enterprise the document is about. */
    HOLDER,
    /** A VERIFIER of any department with the using-unit role. */
    USING_UNIT
}
