package org.certfree.proofs.copy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.consent.ConsentService;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.keys.JwsOutcome;
import org.certfree.proofs.keys.JwsVerification;
import org.certfree.proofs.keys.JwsVerifier;
import org.certfree.proofs.ofd.CopyMark;
import org.certfree.proofs.ofd.DepartmentSeals;
import org.certfree.proofs.ofd.OfdSealSigner;
import org.certfree.proofs.ofd.OfdWork;
import org.certfree.proofs.ofd.ProofOfdBuilder;
import org.certfree.proofs.proof.ProofLookup;
import org.certfree.proofs.proof.ProofRecordRow;
import org.certfree.proofs.proof.ProofRendering;
import org.certfree.proofs.proof.ProofStatus;
import org.certfree.proofs.proof.SdJwts;
import org.certfree.proofs.proof.SignedProof;
import org.certfree.proofs.proof.SubjectKind;
import org.certfree.proofs.proof.render.ProofDocument;
import org.certfree.proofs.system.access.AccessKind;
import org.certfree.proofs.system.access.HolderAccess;
import org.certfree.proofs.system.access.HolderAccessLog;
import org.certfree.proofs.system.crypto.HolderIndex;
import org.certfree.proofs.system.crypto.PersonalDataProtector;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;

/**
 * A purpose-bound copy as OFD (加注件版式文件): the proof as the copy discloses it — read from the signed record,
 * its signature and every disclosure checked — with the unit, purpose and expiry printed and as a watermark, the
 * copy's token in the metadata, sealed by the issuing department like its proofs. For the holder, and for the unit
 * that made the copy under the holder's consent (its download is in the holder's access log). A withdrawn or expired
 * copy, or a copy of a proof no longer valid, gets none. The page prints no verification code: a copy is checked by
 * its token, at its unit.
 */
@ApplicationScoped
public class CopyOfds {

    private static final String NOT_DISCLOSED = "（未披露）";

    @Inject
    CopyService copies;

    @Inject
    ProofLookup proofs;

    @Inject
    DepartmentService departments;

    @Inject
    DepartmentSeals seals;

    @Inject
    ProofOfdBuilder builder;

    @Inject
    ConsentService consents;

    @Inject
    OfdWork work;

    @Inject
    JwsVerifier signatures;

    @Inject
    CopyTokens tokens;

    @Inject
    HolderIndex holders;

    @Inject
    PersonalDataProtector protector;

    @Inject
    HolderAccessLog accessLog;

    @Inject
    ProofRendering rendering;

    @Inject
    Clock clock;

    /** The OFD of a copy, and the proof number it names. */
    public record Ofd(UUID id, String number, byte[] bytes) {
    }

    private record Prepared(ProofDocument document, CopyMark mark, OfdSealSigner.SealIdentity identity) {
    }

    public Ofd ofd(UUID id, Caller caller) {
        Instant now = clock.instant();
        Prepared p = QuarkusTransaction.joiningExisting().call(() -> prepare(id, caller, now));
        byte[] sealed = work.run(() -> OfdSealSigner.seal(builder.buildCopy(p.document(), p.mark()), p.identity(), now));
        return new Ofd(id, p.document().proofNumber(), sealed);
    }

    private Prepared prepare(UUID id, Caller caller, Instant now) {
        ProofCopy c = copies.find(id).filter(found -> mayRead(found, caller))
                .orElseThrow(() -> ApiException.notFound(Messages.COPY_NOT_FOUND.formatted(id)));
        if (c.withdrawnAt != null) {
            throw ApiException.conflict(Messages.COPY_OFD_WITHDRAWN.formatted(c.withdrawnAt));
        }
        if (!now.isBefore(c.expiresAt)) {
            throw ApiException.conflict(Messages.COPY_OFD_EXPIRED.formatted(c.expiresAt));
        }
        ProofRecordRow row = proofs.record(c.proofNumber).orElseThrow(
                () -> ApiException.notFound(Messages.COPY_NOT_FOUND.formatted(id)));
        SignedProof whole = proofs.signed(row); // signature checked, every disclosure decrypted and checked
        if (whole.statusAt(row.status(), now) != ProofStatus.VALID || row.suspendedAt() != null) {
            throw ApiException.conflict(Messages.COPY_OFD_PROOF_NOT_VALID);
        }
        // what the page binds comes from the copy's signed token, checked against the row and the proof it names
        String token = protector.decrypt(c.tokenEnc, CopyService.TOKEN);
        CopyTokens.Claims signed = signedClaims(c, token);
        SignedProof shown = whole.only(c.disclose);
        if (!signed.sdJwt().equals(SdJwts.compact(row.jwsCompact(), shown.disclosures()))) {
            throw new IllegalStateException("copy " + c.id + ": its token shows other disclosures than its record");
        }
        CopyMark mark = new CopyMark(signed.id(), signed.unit(),
                departments.find(signed.unit()).map(d -> d.name()).orElse(signed.unit()), signed.purpose(), c.madeAt,
                signed.expires(), token);
        OfdSealSigner.SealIdentity identity = seals.identity(shown.issuerDept());
        if (!caller.has(Role.CITIZEN)) {
            accessLog.record(new HolderAccess(now, c.subjectIdIndex, AccessKind.COPY_OFD, c.unitCode, caller.actor(),
                    c.proofNumber, null, c.consentId, c.purpose, Map.of("copy", c.id.toString(), "format", "ofd")));
        }
        return new Prepared(document(row, shown), mark, identity);
    }

    /**
     * The holder; or staff of the copy's unit when that unit made it under the holder's consent and the consent is
     * still active (withdrawn or expired, the unit gets nothing more).
     */
    private boolean mayRead(ProofCopy c, Caller caller) {
        if (caller.has(Role.CITIZEN)) {
            return c.subjectIdIndex.equals(holders.of(caller.subject()));
        }
        return c.consentId != null && caller.department().filter(c.unitCode::equals).isPresent()
                && consents.active(c.subjectIdIndex, c.unitCode, c.matterCode).stream()
                        .anyMatch(consent -> consent.id().equals(c.consentId));
    }

    /**
     * The claims of the copy's own token, its signature checked and its payload the one the row was made with, and
     * naming what the row names; a disagreement is our fault (a 500), never a page.
     */
    private CopyTokens.Claims signedClaims(ProofCopy c, String token) {
        JwsVerification v = signatures.verify(token);
        if (v.outcome() != JwsOutcome.VALID || !c.tokenSha256.equals(CopyTokens.hexSha256(v.payload()))) {
            throw new IllegalStateException("copy " + c.id + ": its stored token does not verify (" + v.outcome() + ")");
        }
        CopyTokens.Claims claims = tokens.read(v.payload());
        if (!claims.id().equals(c.id) || !claims.unit().equals(c.unitCode) || !claims.purpose().equals(c.purpose)
                || !claims.number().equals(c.proofNumber) || !claims.expires().equals(c.expiresAt)) {
            throw new IllegalStateException("copy " + c.id + ": its token and its record disagree");
        }
        return claims;
    }

    /** What the page shows: the signed record as the copy discloses it; undisclosed fields say so. */
    private ProofDocument document(ProofRecordRow row, SignedProof shown) {
        List<ProofDocument.Claim> claims = new ArrayList<>();
        shown.claims().forEach((name, value) -> claims.add(new ProofDocument.Claim(name, value)));
        String name = shown.subjectName() == null ? NOT_DISCLOSED : shown.subjectName();
        String idMasked = shown.subjectIdMasked() == null ? NOT_DISCLOSED : shown.subjectIdMasked();
        return new ProofDocument(shown.number(), null, shown.matterCode(), shown.matterName(), shown.matterVersion(),
                shown.issuerDept(), shown.issuerName(),
                shown.subjectKind() == SubjectKind.PERSON ? ProofDocument.SubjectKind.PERSON
                        : ProofDocument.SubjectKind.ENTERPRISE,
                name, idMasked, claims, shown.purpose(), shown.issuedAt(), shown.validUntil(), ProofDocument.Status.VALID,
                rendering.statusPageUrl(shown.number(), null), rendering.signingKeys(row.jwsSignatures()));
    }
}
