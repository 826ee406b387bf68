package org.certfree.proofs.proof;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.certfree.proofs.common.PageRequest;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.consent.ConsentGate;
import org.certfree.proofs.consent.dto.ConsentView;
import org.certfree.proofs.proof.dto.ProofPage;
import org.certfree.proofs.proof.dto.ProofView;
import org.certfree.proofs.system.access.AccessKind;
import org.certfree.proofs.system.crypto.HolderIndex;
import org.certfree.proofs.system.crypto.PersonalDataProtector;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;

/**
 * Reading proofs with their access rules: the issuing department and the subject see a proof in
 * full (subject, claims, code, signed forms), ADMIN sees it masked, everyone else gets 403. Every full
 * read by someone other than the subject is in the subject's access log (see {@link HolderReads}).
 */
@ApplicationScoped
public class ProofQueries {

    public static final String PATH = "/api/v1/proofs/";

    /** A listing counts its matches exactly up to this many; past it the total is a lower bound (see {@link ProofPage}). */
    public static final int COUNT_CAP = 1000;

    @Inject
    Clock clock;

    @Inject
    PersonalDataProtector protector;

    @Inject
    SignedProofs signed;

    @Inject
    HolderIndex holders;

    @Inject
    ConsentGate consents;

    @Inject
    SdJwts sdJwts;

    @Inject
    HolderReads reads;

    /**
     * A proof for a caller entitled to it: its issuing department, its subject, ADMIN (masked), or the
     * using unit that requested it with the holder's consent (调取: what the consent covers, while it is
     * active). A read by anyone but the holder is logged for the holder, with the {@code purpose} it
     * states (may be null; a retrieval's is the consent's).
     */
    @Transactional
    public ProofView read(String number, Caller caller, String purpose) {
        String why = HolderReads.purpose(purpose);
        Proof proof = require(number);
        if (caller.has(Role.VERIFIER)) {
            return retrieved(proof, caller);
        }
        boolean full = entitlement(proof, caller);
        ProofView view = view(proof, full);
        if (full) {
            reads.proof(proof, caller, AccessKind.PROOF_READ, why, Map.of());
        }
        return view;
    }

    /** The view of a unit that requested {@code proof} with the holder's consent, logged for the holder; else 403. */
    private ProofView retrieved(Proof proof, Caller caller) {
        String unit = caller.department().orElse("-");
        ProofRequest request = proof.requestId == null ? null : ProofRequest.findById(proof.requestId);
        if (request == null || !unit.equals(request.requesterUnit) || request.consentRef == null) {
            throw ApiException.forbidden(Messages.PROOF_FORBIDDEN_UNIT.formatted(unit));
        }
        ConsentGate.Decision decision = consents.decide(request.consentRef, unit, proof.subjectIdIndex, proof.matterCode);
        if (decision.refusal() != null) {
            throw ApiException.forbidden(Messages.PROOF_CONSENT_ENDED.formatted(decision.refusal()));
        }
        ConsentView consent = decision.consent();
        ProofView view = view(proof, Sight.CONSENTED, consent.disclose());
        reads.retrieval(proof, caller, request.id, consent.id(), consent.purpose(),
                Map.of("disclosed", view.disclosures().stream().map(ProofView.Disclosure::path).collect(Collectors.joining(","))));
        return view;
    }

    /**
     * The full view for its subject or issuing department only (renderings carry the code); else 403.
     * A read by the department is logged for the subject as {@code kind} (a PDF, a QR code) with
     * {@code details} (e.g. the format) and the {@code purpose} it states.
     */
    @Transactional
    public ProofView readFull(String number, Caller caller, AccessKind kind, String purpose, Map<String, String> details) {
        String why = HolderReads.purpose(purpose);
        Proof proof = require(number);
        if (!entitlement(proof, caller)) {
            throw ApiException.forbidden(Messages.PROOF_FORBIDDEN);
        }
        ProofView view = view(proof, true);
        reads.proof(proof, caller, kind, why, details);
        return view;
    }

    /**
     * The proofs the caller may see: a citizen's own (in full), an issuer's department's, ADMIN all
     * (masked). An issuer's list shows many holders, masked — unless it is filtered to one holder
     * ({@code subjectId}, whom the issuer already names): then it shows their proofs in full, and each
     * one shown is logged for the holder as a read, with the {@code purpose} the issuer states.
     */
    @Transactional
    public ProofPage list(Caller caller, String matterCode, ProofStatus status, String subjectId, String purpose,
            PageRequest page) {
        String why = HolderReads.purpose(purpose);
        boolean full = caller.has(Role.CITIZEN);
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        where.add("kind = :kind"); // pledge documents are listed by the commitment feature
        params.and("kind", DocumentKind.PROOF);
        if (caller.has(Role.CITIZEN)) {
            where.add("subjectIdIndex = :subject");
            params.and("subject", holders.of(caller.subject()));
        } else if (caller.has(Role.ISSUER)) {
            where.add("issuerDept = :dept");
            params.and("dept", caller.department().orElse("-"));
            if (subjectId != null && !subjectId.isBlank()) {
                where.add("subjectIdIndex = :subject");
                params.and("subject", holders.of(subjectId));
                full = true;
            }
        } else if (!caller.has(Role.ADMIN)) {
            throw ApiException.forbidden(Messages.FORBIDDEN_ROLE);
        }
        if (matterCode != null && !matterCode.isBlank()) {
            where.add("matterCode = :matter");
            params.and("matter", matterCode);
        }
        Instant now = clock.instant();
        if (status != null) {
            switch (status) {
                case VALID -> {
                    where.add("status = :status and validUntil > :now");
                    params.and("status", ProofStatus.VALID).and("now", now);
                }
                case EXPIRED -> {
                    where.add("status = :status and validUntil <= :now");
                    params.and("status", ProofStatus.VALID).and("now", now);
                }
                default -> {
                    where.add("status = :status");
                    params.and("status", status);
                }
            }
        }
        var query = Proof.<Proof>find(String.join(" and ", where), Sort.descending("issuedAt").and("number"), params);
        // counted up to COUNT_CAP + 1 ids: an exact count of a department's proofs reads all of them for every page
        // (2.4 s at 1,000,000 proofs, bench/scale.sh), a capped one at most that many, whatever the department's size
        var ids = Proof.getEntityManager().createQuery("select id from Proof where " + String.join(" and ", where), UUID.class)
                .setMaxResults(COUNT_CAP + 1);
        params.map().forEach(ids::setParameter);
        int counted = ids.getResultList().size();
        List<ProofView> items = new ArrayList<>();
        for (Proof p : query.page(page.page(), page.size()).list()) {
            boolean shown = full && entitlement(p, caller);
            items.add(view(p, shown));
            if (shown) {
                reads.proof(p, caller, AccessKind.PROOF_READ, why, Map.of("via", "list"));
            }
        }
        return new ProofPage(items, page.page(), page.size(), total(counted, page.offset(), items.size()), counted <= COUNT_CAP);
    }

    /** The total of a listing whose matches were counted up to {@code COUNT_CAP + 1}, showing {@code shown} from {@code offset}. */
    static long total(int counted, int offset, int shown) {
        return counted <= COUNT_CAP ? counted : Math.max(COUNT_CAP, (long) offset + shown);
    }

    /** Whether any proof was issued by a staff id starting with {@code prefix} (the demo data's "seeded once" test). */
    public boolean anyIssuedBy(String prefix) {
        return Proof.count("issuedBy like ?1", prefix.replace("%", "\\%").replace("_", "\\_") + "%") > 0;
    }

    /**
     * The proof with this number, or 400 (not a proof number) / 404 (none, or a pledge document: those are
     * read and changed through the commitment feature only).
     */
    Proof require(String number) {
        return require(number, DocumentKind.PROOF);
    }

    /** The document of {@code kind} with this number, or 400 (not a number) / 404 (none of that kind). */
    Proof require(String number, DocumentKind kind) {
        String normalized = ProofNumbers.normalize(number);
        ProofNumbers.problem(normalized).ifPresent(p -> {
            throw ApiException.badParameter("number", Messages.PROOF_NUMBER_INVALID.formatted(number, p));
        });
        Proof found = Proof.<Proof>find("number", normalized).firstResultOptional()
                .orElseThrow(() -> ApiException.notFound(Messages.PROOF_NOT_FOUND.formatted(normalized)));
        if (found.kind != kind) {
            throw ApiException.notFound((kind == DocumentKind.PROOF ? Messages.PROOF_IS_A_PLEDGE : Messages.PLEDGE_NOT_FOUND)
                    .formatted(normalized));
        }
        return found;
    }

    /** True: full view (subject, issuing department); false: masked (ADMIN supervision). Else 403. */
    private boolean entitlement(Proof proof, Caller caller) {
        if (caller.has(Role.ISSUER) && caller.actsFor(proof.issuerDept)) {
            return true;
        }
        if (reads.isHolder(caller, proof.subjectIdIndex)) {
            return true;
        }
        if (caller.has(Role.ADMIN)) {
            return false;
        }
        throw ApiException.forbidden(Messages.PROOF_FORBIDDEN);
    }

    /** How much of a proof a view shows. */
    enum Sight {
        /** Everything: the holder and the issuing department (code, every disclosure). */
        FULL,
        /** What a consent covers: the disclosures it names (the rest masked), no code. */
        CONSENTED,
        /** Masked subject, no claims, no code, no signed forms: supervision. */
        MASKED
    }

    /** The proof in full ({@code true}: holder, issuing department) or masked. */
    ProofView view(Proof p, boolean full) {
        return view(p, full ? Sight.FULL : Sight.MASKED, null);
    }

    /**
     * The proof as the API shows it: its content from the signed payload and the disclosures checked
     * against it (see {@link SignedProofs}), its status and revocation from the record. The signed forms
     * carry exactly the disclosures the view shows.
     */
    ProofView view(Proof p, Sight sight, List<String> consented) {
        return view(p, sight, consented, true);
    }

    /** As {@link #view(Proof, Sight, List)}; without the proof's links when {@code links} is false (a pledge document). */
    ProofView view(Proof p, Sight sight, List<String> consented, boolean links) {
        SignedProof all = signed.read(p.number, p.payload, p.jwsSignatures, p.disclosuresEnc);
        SignedProof c = switch (sight) {
            case FULL -> all;
            case CONSENTED -> all.only(consented);
            case MASKED -> all.only(List.of());
        };
        ProofStatus status = ProofStatus.at(p.status, c.validUntil(), clock.instant());
        boolean whole = c.subjectName() != null && c.subjectId() != null;
        ProofView.Subject subject = new ProofView.Subject(c.subjectKind(),
                c.subjectName() != null ? c.subjectName() : all.subjectNameMasked(),
                c.subjectId() != null ? c.subjectId() : all.subjectIdMasked(), !whole);
        ProofView.Revocation revocation = p.status == ProofStatus.REVOKED
                ? new ProofView.Revocation(p.revokedAt, p.revocationReason, p.revocationReason.chinese(), p.revocationNote)
                : null;
        String self = PATH + c.number();
        boolean signedForms = sight != Sight.MASKED;
        List<ProofView.Disclosure> disclosures = signedForms ? c.disclosed().stream()
                .map(d -> new ProofView.Disclosure(d.path(), d.name(), d.value(), d.disclosure())).toList() : null;
        return new ProofView(c.number(), sight == Sight.FULL ? protector.decrypt(p.codeEnc, IssuanceService.CODE) : null,
                new ProofView.Matter(c.matterCode(), c.matterVersion(), c.matterName()),
                new ProofView.Issuer(c.issuerDept(), c.issuerName()), subject,
                signedForms ? new TreeMap<>(c.claims()) : null, c.purpose(), c.issuedAt(), c.validUntil(), status, status.chinese(),
                revocation, p.supersededBy, c.supersedes(), c.statusIndex(),
                signedForms ? p.jwsCompact() : null, signedForms ? sdJwts.generalJson(p.jwsJson(), c.disclosures()) : null,
                signedForms ? SdJwts.compact(p.jwsCompact(), c.disclosures()) : null, disclosures, c.pledge(),
                !links ? null : sight == Sight.CONSENTED ? new ProofView.Links(self, self + "/status", null, null, null)
                        : new ProofView.Links(self, self + "/status", self + "/qr.png", self + "/qr.svg", self + "/pdf"));
    }
}
