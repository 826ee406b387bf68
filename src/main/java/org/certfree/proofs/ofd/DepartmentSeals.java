package org.certfree.proofs.ofd;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.department.dto.DepartmentView;
import org.certfree.proofs.keys.ActiveSm2Signing;
import org.certfree.proofs.keys.pki.DepartmentCertificates;
import org.certfree.proofs.keys.pki.Sm2Pki;
import org.certfree.proofs.ofd.dto.DepartmentSealsView;
import org.certfree.proofs.ofd.dto.SealView;
import org.certfree.proofs.system.audit.StaffActions;
import org.certfree.proofs.system.config.CertfreeConfig;
import org.jboss.logging.Logger;
import org.ofdrw.gm.ses.v4.SESeal;

/**
 * Each issuing department's current seal and who seals its OFD proofs: its ACTIVE SM2 key (the one that signs its
 * proofs), that key's certificate chain, and a current seal listing that certificate. Demo mode makes such a seal when
 * there is none (first use, after a rotation, a compromise or a certificate renewal, or when the seal's maker is
 * revoked — then with a new maker: the replaced one stays in the history); production never makes seals and refuses
 * (409) until an ADMIN loads one ({@link SealUploads}), also when the current seal's maker is revoked.
 */
@ApplicationScoped
public class DepartmentSeals {

    private static final Logger LOG = Logger.getLogger(DepartmentSeals.class);

    /** What a demo seal says below its star, and the end of its name. */
    static final String DEMO_USE = "电子证明专用章";

    /** Start of a demo seal before now, for clocks a little behind. */
    private static final Duration SKEW = Duration.ofMinutes(5);

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ActiveSm2Signing signing;

    @Inject
    DepartmentCertificates certificates;

    @Inject
    DemoSealMaker maker;

    @Inject
    OfdTrusts trusts;

    @Inject
    DepartmentService departments;

    @Inject
    StaffActions staffActions;

    @Inject
    CertfreeConfig config;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** The department's ACTIVE SM2 key and its chain (leaf first); 409 when the key has no trusted certificate. */
    record Signer(ActiveSm2Signing.Sm2Signer key, List<X509Certificate> chain) {
        X509Certificate leaf() {
            return chain.get(0);
        }
    }

    Signer signer(String departmentCode, String noChainMessage) {
        ActiveSm2Signing.Sm2Signer key = signing.active(departmentCode);
        List<X509Certificate> chain = certificates.chain(key.kid())
                .orElseThrow(() -> ApiException.conflict(noChainMessage.formatted(departmentCode, key.kid())));
        return new Signer(key, chain);
    }

    /**
     * Who seals the department's OFD proofs now (in the caller's transaction): its ACTIVE SM2 key, the key's chain and
     * its current seal. 409 in production when no current seal lists the key's certificate.
     */
    @Transactional
    public OfdSealSigner.SealIdentity identity(String departmentCode) {
        Signer signer = signer(departmentCode, Messages.PKI_NO_CERTIFICATE);
        DepartmentSeal seal = sealFor(departmentCode, signer);
        return new OfdSealSigner.SealIdentity(signer.key()::signDer, signer.chain(), seal.esl);
    }

    /** The department's seals, newest first; in demo mode its current seal is made first when it has none. */
    @Transactional
    public DepartmentSealsView view(String departmentCode) {
        if (maker.available()) {
            sealFor(departmentCode, signer(departmentCode, Messages.PKI_NO_CERTIFICATE));
        }
        List<DepartmentSeal> all = DepartmentSeal.list("departmentCode = ?1 order by loadedAt desc, id desc", departmentCode);
        SealView current = all.stream().filter(s -> s.replacedAt == null).findFirst().map(DepartmentSeals::view).orElse(null);
        return new DepartmentSealsView(departmentCode, current,
                all.stream().filter(s -> s.replacedAt != null).map(DepartmentSeals::view).toList());
    }

    /** The picture of the department's current seal (PNG for demo seals; whatever the seal system put in otherwise). */
    @Transactional
    public Seals.SealInfo current(String departmentCode) {
        DepartmentSeal seal = DepartmentSeal.current(departmentCode);
        if (seal == null) {
            throw ApiException.notFound(Messages.SEAL_NONE.formatted(departmentCode));
        }
        try {
            return Seals.parse(seal.esl);
        } catch (OfdRefused e) {
            throw new IllegalStateException("stored seal " + seal.id + " of " + departmentCode + " does not parse", e);
        }
    }

    private DepartmentSeal sealFor(String departmentCode, Signer signer) {
        String fingerprint = Sm2Pki.fingerprint(Sm2Pki.der(signer.leaf()));
        Instant now = clock.instant();
        OfdTrust.RevocationLookup revocations = trusts.revocations();
        DepartmentSeal current = DepartmentSeal.current(departmentCode);
        if (current != null && current.serves(fingerprint, now) && makerRevocation(current, revocations).isEmpty()) {
            return current;
        }
        if (!maker.available()) {
            if (current != null && current.serves(fingerprint, now)) {
                OfdTrust.Revocation r = makerRevocation(current, revocations).orElseThrow();
                throw ApiException.conflict(Messages.SEAL_MAKER_REVOKED_RELOAD.formatted(departmentCode, current.sealId,
                        current.maker, r.at() + "，" + r.reason(), departmentCode));
            }
            throw ApiException.conflict(Messages.SEAL_MISSING_FOR_KEY.formatted(departmentCode, signer.key().kid(),
                    Sm2Pki.hex(signer.leaf().getSerialNumber()), fingerprint, departmentCode));
        }
        lock(departmentCode);
        current = DepartmentSeal.current(departmentCode);
        if (current != null && current.serves(fingerprint, now) && makerRevocation(current, revocations).isEmpty()) {
            return current; // made by another request meanwhile
        }
        return makeDemo(departmentCode, signer, now, revocations);
    }

    /** The revocation of the seal's maker, if it is revoked (a seal stays usable only while its maker is trusted). */
    private static Optional<OfdTrust.Revocation> makerRevocation(DepartmentSeal seal, OfdTrust.RevocationLookup revocations) {
        try {
            return revocations.revocation(OfdCrypto.certificate(SESeal.getInstance(seal.esl).getCert().getOctets()));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("stored seal " + seal.id + " of " + seal.departmentCode + " does not parse", e);
        }
    }

    private DepartmentSeal makeDemo(String departmentCode, Signer signer, Instant now,
            OfdTrust.RevocationLookup revocations) {
        DemoSealMaker.Maker m = maker.maker();
        if (revocations.revocation(m.certificate()).isPresent()) {
            m = maker.replace(m.certificate());
        }
        String name = departments.find(departmentCode).map(DepartmentView::name).orElse(departmentCode);
        Instant validUntil = now.plus(config.ofd().demoSealValidity());
        for (Instant end : List.of(signer.leaf().getNotAfter().toInstant(), m.certificate().getNotAfter().toInstant())) {
            if (end.isBefore(validUntil)) {
                validUntil = end;
            }
        }
        byte[] id = new byte[6];
        RANDOM.nextBytes(id);
        String sealId = departmentCode + "-" + HexFormat.of().formatHex(id);
        SealMaker.SealSpec spec = new SealMaker.SealSpec(sealId, name + DEMO_USE, DemoSealImage.png(name, DEMO_USE), 40, 40,
                List.of(signer.leaf()), now.minus(SKEW), validUntil);
        byte[] esl = SealMaker.make(spec, m.key(), m.certificate(), now);
        DepartmentSeal seal = store(departmentCode, esl, List.of(Sm2Pki.fingerprint(Sm2Pki.der(signer.leaf()))),
                spec.id(), spec.name(), spec.validFrom(), spec.validUntil(), m.certificate(), DepartmentSeal.Source.DEMO,
                "system", now);
        staffActions.record("ofd.seal.made", departmentCode, "seal", sealId, "key", signer.key().kid(), "source", "DEMO");
        LOG.infof("Demo mode: made seal %s for %s listing the certificate of SM2 key %s", sealId, departmentCode,
                signer.key().kid());
        return seal;
    }

    /** Replaces the department's current seal (kept, with its replacement time) by a new one; in the caller's transaction. */
    DepartmentSeal store(String departmentCode, byte[] esl, List<String> fingerprints, String sealId, String name,
            Instant validFrom, Instant validUntil, X509Certificate makerCertificate, DepartmentSeal.Source source,
            String loadedBy, Instant now) {
        DepartmentSeal current = DepartmentSeal.current(departmentCode);
        if (current != null) {
            current.replacedAt = now;
            DepartmentSeal.flush(); // the partial unique index allows one current seal at a time
        }
        DepartmentSeal seal = new DepartmentSeal();
        seal.departmentCode = departmentCode;
        seal.sealId = sealId;
        seal.name = name;
        seal.esl = esl.clone();
        seal.validFrom = validFrom;
        seal.validUntil = validUntil;
        seal.signerFingerprints = List.copyOf(fingerprints);
        seal.maker = makerCertificate.getSubjectX500Principal().getName();
        seal.source = source;
        seal.loadedAt = now;
        seal.loadedBy = loadedBy;
        seal.persist();
        return seal;
    }

    /** Serialises seal changes of one department across replicas (until the transaction ends). */
    void lock(String departmentCode) {
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext('department-seal:' || :dept))) l")
                .setParameter("dept", departmentCode).getSingleResult();
    }

    static SealView view(DepartmentSeal s) {
        return new SealView(s.sealId, s.name, s.validFrom, s.validUntil, s.signerFingerprints, s.maker, s.source.name(),
                s.loadedAt, s.loadedBy, s.replacedAt);
    }
}
