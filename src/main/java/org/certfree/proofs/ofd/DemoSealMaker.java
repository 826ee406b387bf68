package org.certfree.proofs.ofd;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.bouncycastle.jce.interfaces.ECPublicKey;
import org.certfree.proofs.keys.KekProvider;
import org.certfree.proofs.keys.crypto.KeyEncryption;
import org.certfree.proofs.keys.pki.CertificateIssuer;
import org.certfree.proofs.keys.pki.Sm2Pki;
import org.certfree.proofs.system.config.CertfreeConfig;
import org.jboss.logging.Logger;

/**
 * The demo seal maker: one SM2 key per database (not per replica, so every replica of one database makes seals under
 * the same maker), generated on first use under an advisory lock, its private key sealed under the KEK in
 * {@code seal_maker}, its certificate issued by the demo root (key usage digitalSignature) and renewed when it ends
 * within 30 days, replaced by a new key when its certificate is revoked. Demo mode only: production (or a configured
 * official seal system) loads official seals and makes none.
 */
@ApplicationScoped
public class DemoSealMaker {

    private static final Logger LOG = Logger.getLogger(DemoSealMaker.class);
    private static final String ID = "demo-seal-maker";
    private static final int LOCK_NAMESPACE = 0x7365616c; // "seal"
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);

    @Inject
    KekProvider kek;

    @Inject
    CertificateIssuer issuer;

    @Inject
    CertfreeConfig config;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    private volatile Maker maker;

    /** The maker's private key (in this process only) and certificate. */
    record Maker(PrivateKey key, X509Certificate certificate) {
        @Override
        public String toString() {
            return "Maker[" + certificate.getSubjectX500Principal().getName() + "]";
        }
    }

    /**
     * Whether this service makes seals: demo mode (it issues certificates itself) without an official seal system
     * configured ({@code certfree.ofd.seal-maker-roots-file}), whose roots alone may then vouch for makers.
     */
    boolean available() {
        return issuer.issuesItself() && config.ofd().sealMakerRootsFile().isEmpty();
    }

    /**
     * A new maker in place of one whose certificate {@code revoked} is revoked (in the caller's transaction): a new key
     * and certificate, unless another replica replaced it already; the revoked key is gone for good.
     */
    Maker replace(X509Certificate revoked) {
        synchronized (this) {
            em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(:ns, 0)) l")
                    .setParameter("ns", LOCK_NAMESPACE).getSingleResult();
            SealMakerKey row = SealMakerKey.findById(ID);
            if (row != null && sameKey(row.certificate, revoked)) {
                fill(row, kek.encryption(), clock.instant());
                LOG.warnf("Demo mode: the demo seal maker's certificate %s is revoked; generated a new maker",
                        Sm2Pki.hex(revoked.getSerialNumber()));
            }
            maker = null;
        }
        return maker();
    }

    private static boolean sameKey(byte[] der, X509Certificate other) {
        try {
            return Arrays.equals(OfdCrypto.certificate(der).getPublicKey().getEncoded(), other.getPublicKey().getEncoded());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The maker, loaded or made (in the caller's transaction); refused outside demo mode. */
    Maker maker() {
        if (!available()) {
            throw new IllegalStateException("the service makes seals in demo mode only");
        }
        Maker m = maker;
        Instant now = clock.instant();
        if (m != null && m.certificate().getNotAfter().toInstant().isAfter(now.plus(RENEW_BEFORE))) {
            return m;
        }
        synchronized (this) {
            em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(:ns, 0)) l")
                    .setParameter("ns", LOCK_NAMESPACE).getSingleResult();
            KeyEncryption encryption = kek.encryption();
            SealMakerKey row = SealMakerKey.findById(ID);
            if (row == null) {
                row = create(encryption, now);
            }
            if (!encryption.kekId().equals(row.kekId)) {
                throw new IllegalStateException("The demo seal maker was sealed under KEK " + row.kekId
                        + " but the configured KEK is " + encryption.kekId());
            }
            byte[] pkcs8 = null;
            try {
                pkcs8 = encryption.decrypt(row.privateKeySealed, associatedData(row.id));
                PrivateKey key = KeyFactory.getInstance("EC", OfdCrypto.BC).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
                X509Certificate cert = OfdCrypto.certificate(row.certificate);
                if (!cert.getNotAfter().toInstant().isAfter(now.plus(RENEW_BEFORE))) {
                    cert = issuer.issueDemoSealMaker(Sm2Pki.rawPublicKey(cert), commonName(), validity());
                    row.certificate = cert.getEncoded();
                    LOG.infof("Demo mode: renewed the demo seal maker's certificate (until %s)", cert.getNotAfter().toInstant());
                }
                maker = new Maker(key, cert);
                return maker;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("The demo seal maker's key does not decrypt under the configured KEK", e);
            } finally {
                if (pkcs8 != null) {
                    Arrays.fill(pkcs8, (byte) 0);
                }
            }
        }
    }

    private SealMakerKey create(KeyEncryption encryption, Instant now) {
        SealMakerKey row = new SealMakerKey();
        row.id = ID;
        X509Certificate cert = fill(row, encryption, now);
        row.persist();
        LOG.warnf("Demo mode: generated the demo seal maker (certificate %s from the demo root; its seals have no"
                + " legal standing)", Sm2Pki.hex(cert.getSerialNumber()));
        return row;
    }

    /** A new key pair and certificate into {@code row}; returns the certificate. */
    private X509Certificate fill(SealMakerKey row, KeyEncryption encryption, Instant now) {
        byte[] pkcs8 = null;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", OfdCrypto.BC);
            generator.initialize(new ECGenParameterSpec("sm2p256v1"), new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            byte[] point = ((ECPublicKey) pair.getPublic()).getQ().getEncoded(false);
            X509Certificate cert = issuer.issueDemoSealMaker(Arrays.copyOfRange(point, 1, point.length), commonName(),
                    validity());
            pkcs8 = pair.getPrivate().getEncoded();
            row.certificate = cert.getEncoded();
            row.privateKeySealed = encryption.encrypt(pkcs8, associatedData(ID));
            row.kekId = encryption.kekId();
            row.createdAt = now;
            return cert;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create the demo seal maker", e);
        } finally {
            if (pkcs8 != null) {
                Arrays.fill(pkcs8, (byte) 0);
            }
        }
    }

    private String commonName() {
        return config.pki().organization() + "电子印章制作（仅供演示）";
    }

    private Duration validity() {
        return config.pki().certificateValidity();
    }

    static byte[] associatedData(String id) {
        return ("certfree-seal-maker\u0000" + id).getBytes(StandardCharsets.UTF_8);
    }
}
