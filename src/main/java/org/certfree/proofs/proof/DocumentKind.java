package org.certfree.proofs.proof;

/** What a signed document of the proof table is (V36): a department's proof, or an applicant's pledge it signs. */
public enum DocumentKind {
    /** An electronic proof (电子证明) a department issues about a person or enterprise. */
    PROOF,
    /** A pledge document (告知承诺书): the applicant's written pledge on a notify-and-commit matter, signed by its department. */
    PLEDGE
}
