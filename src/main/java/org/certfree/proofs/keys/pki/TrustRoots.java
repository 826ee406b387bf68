package org.certfree.proofs.keys.pki;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.operator.ContentSigner;
import org.certfree.proofs.keys.KekProvider;
import org.certfree.proofs.keys.crypto.KeyEncryption;
import org.certfree.proofs.keys.crypto.RawKeyPair;
import org.certfree.proofs.keys.crypto.Sm2Sm3;
import org.certfree.proofs.system.config.CertfreeConfig;
import org.jboss.logging.Logger;

/**
 * The configured trust roots. Production: {@code certfree.pki.roots} / {@code roots-file} (PEM), nothing else; the service
 * holds no root private key. Demo: those plus a root generated once per database (not per data folder, so every
 * replica of one database issues under the same root), its private key sealed under the KEK in {@code pki_authority};
 * its certificate is also written to {@code <data-dir>/pki/demo-root.pem} for offline verifiers to pin.
 */
@ApplicationScoped
public class TrustRoots {

    private static final Logger LOG = Logger.getLogger(TrustRoots.class);
    private static final int LOCK_NAMESPACE = 0x706b6921; // "pki!"

    @Inject
    CertfreeConfig config;

    @Inject
    KekProvider kek;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    private volatile List<X509Certificate> roots = List.of();
    private volatile X509Certificate demoRoot;
    private volatile ECPrivateKeyParameters demoKey;

    /** After the KEK (2) and the keys' KEK check (3); before backfilling certificates (5). */
    void load(@Observes @Priority(4) StartupEvent event) {
        List<X509Certificate> all = new ArrayList<>(configured());
        if (config.mode() == CertfreeConfig.Mode.PRODUCTION) {
            if (all.isEmpty()) {
                throw new IllegalStateException("Production mode refuses to start: no trusted root certificates for the"
                        + " department certificates; set CERTFREE_PKI_ROOTS to PEM of the CA's root certificate(s)");
            }
        } else {
            QuarkusTransaction.requiringNew().run(this::loadOrCreateDemoRoot);
            all.add(demoRoot);
            writeDemoRootFile();
        }
        roots = List.copyOf(all);
        LOG.infof("Trusted roots for department certificates: %s",
                all.stream().map(c -> c.getSubjectX500Principal().getName()).toList());
    }

    /** Every trusted root certificate. */
    public List<X509Certificate> roots() {
        return roots;
    }

    /** The demo root (demo mode only). */
    public Optional<X509Certificate> demoRoot() {
        return Optional.ofNullable(demoRoot);
    }

    /** A signer with the demo root's key (demo mode only). */
    ContentSigner demoSigner() {
        if (demoKey == null) {
            throw new IllegalStateException("no demo root in " + config.mode() + " mode");
        }
        return Sm2Pki.signer(demoKey);
    }

    private List<X509Certificate> configured() {
        List<X509Certificate> all = new ArrayList<>();
        config.pki().roots().ifPresent(pem -> all.addAll(parse(pem.getBytes(StandardCharsets.US_ASCII),
                "certfree.pki.roots (CERTFREE_PKI_ROOTS)")));
        config.pki().rootsFile().ifPresent(file -> {
            try {
                all.addAll(parse(Files.readAllBytes(Path.of(file)), "certfree.pki.roots-file " + file));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the trusted roots from certfree.pki.roots-file " + file + ": " + e, e);
            }
        });
        return all;
    }

    /** The certificates of a PEM text; refuses text that holds none (a placeholder left in a ConfigMap). */
    static List<X509Certificate> parse(byte[] pem, String source) {
        try {
            List<X509Certificate> certs = Sm2Pki.certificates(pem);
            if (certs.isEmpty()) {
                throw new IllegalStateException(source + " holds no certificate");
            }
            return certs;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException(source + " is not PEM of the CA's root certificate(s): " + e.getMessage(), e);
        }
    }

    private void loadOrCreateDemoRoot() {
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(:ns, 0)) l")
                .setParameter("ns", LOCK_NAMESPACE).getSingleResult();
        PkiAuthority row = PkiAuthority.findById(PkiAuthority.DEMO_ROOT);
        KeyEncryption encryption = kek.encryption();
        if (row == null) {
            row = create(encryption);
            LOG.warnf("Demo mode: generated the demo root CA %s (private key sealed under the KEK in the database)",
                    row.id);
        }
        if (!encryption.kekId().equals(row.kekId)) {
            throw new IllegalStateException("The demo root CA was sealed under KEK " + row.kekId + " but the configured KEK"
                    + " is " + encryption.kekId() + ": configure the original CERTFREE_KEYS_KEK");
        }
        byte[] d;
        try {
            d = encryption.decrypt(row.privateKeySealed, associatedData(row.id));
            demoKey = Sm2Sm3.privateKey(d);
            Arrays.fill(d, (byte) 0);
            demoRoot = Sm2Pki.certificates(row.certificate).get(0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The demo root CA's key does not decrypt under the configured KEK", e);
        }
    }

    private PkiAuthority create(KeyEncryption encryption) {
        RawKeyPair pair = Sm2Sm3.generate(new java.security.SecureRandom());
        try {
            Instant now = clock.instant();
            // A database older than V50 holds keys (and what they signed) from before this root: its validity starts
            // before the first of them, so certificates issued for them now cover their past signatures too.
            Instant earliest = em.createQuery("select min(k.activatedAt) from SigningKey k", Instant.class).getSingleResult();
            Instant notBefore = (earliest != null && earliest.isBefore(now) ? earliest : now).minus(Duration.ofMinutes(5));
            X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN")
                    .addRDN(BCStyle.O, config.pki().organization())
                    .addRDN(BCStyle.CN, config.pki().organization() + "无证明城市演示根证书（仅供演示）").build();
            SubjectPublicKeyInfo spki = Sm2Pki.publicKeyInfo(pair.publicKey());
            BcX509ExtensionUtils ext = new BcX509ExtensionUtils();
            X509v3CertificateBuilder b = new X509v3CertificateBuilder(name, Sm2Pki.randomSerial(),
                    Date.from(notBefore), Date.from(now.plus(config.pki().rootValidity())), name, spki)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(spki));
            X509Certificate cert = new JcaX509CertificateConverter().setProvider(Sm2Pki.BC)
                    .getCertificate(b.build(Sm2Pki.signer(Sm2Sm3.privateKey(pair.privateKey()))));
            PkiAuthority row = new PkiAuthority();
            row.id = PkiAuthority.DEMO_ROOT;
            row.certificate = cert.getEncoded();
            row.privateKeySealed = encryption.encrypt(pair.privateKey(), associatedData(row.id));
            row.kekId = encryption.kekId();
            row.createdAt = now;
            row.persist();
            return row;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the demo root CA", e);
        } finally {
            Arrays.fill(pair.privateKey(), (byte) 0);
        }
    }

    private void writeDemoRootFile() {
        Path file = Path.of(config.dataDir(), "pki", "demo-root.pem");
        String pem = Sm2Pki.pem("CERTIFICATE", Sm2Pki.der(demoRoot));
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file) || !Files.readString(file, StandardCharsets.US_ASCII).equals(pem)) {
                Files.writeString(file, pem, StandardCharsets.US_ASCII);
                LOG.infof("Demo mode: the demo root CA's certificate is in %s (serial %s)", file.toAbsolutePath(),
                        Sm2Pki.hex(demoRoot.getSerialNumber()));
            }
        } catch (IOException e) {
            LOG.warnf("Cannot write the demo root's certificate to %s: %s", file, e.getMessage());
        }
    }

    static byte[] associatedData(String id) {
        return ("certfree-pki-root\u0000" + id).getBytes(StandardCharsets.UTF_8);
    }
}
