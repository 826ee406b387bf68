package org.certfree.proofs.commitment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.certfree.proofs.commitment.dto.PledgeView;
import org.certfree.proofs.proof.ProofRendering;

/** The QR code and the printable form of a pledge document (the full pledge text, the answers, number, code, QR). */
@ApplicationScoped
class PledgeRendering {

    @Inject
    ProofRendering proofs;

    byte[] qrPng(PledgeView p) {
        return proofs.qrPng(p.document());
    }

    byte[] pdf(PledgeView p) {
        return proofs.pdf(p.document());
    }
}
