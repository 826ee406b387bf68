package org.certfree.proofs.ofd;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.ofdrw.reader.OFDReader;
import org.ofdrw.sign.OFDSigner;
import org.ofdrw.sign.SignMode;
import org.ofdrw.sign.stamppos.NormalStampPos;

/**
 * Seals an OFD the service built: one GB/T 38540 electronic signature over the whole document
 * ({@link SignMode#WholeProtected}: every file of the package is digested into {@code Signature.xml}), with the
 * seal's picture stamped on page 1. The package is unpacked by our own {@link SafeUnzip} into a folder deleted
 * afterwards (ofdrw's unzip leaks a folder on a bad file).
 */
public final class OfdSealSigner {

    private OfdSealSigner() {
    }

    /**
     * Makes the SM2-with-SM3 signature (DER {@code SEQUENCE { r, s }}, GM/T 0009 default user ID) of the signed data:
     * the service's keys sign in-process without handing out their private key.
     */
    @FunctionalInterface
    public interface Sm2Signing {
        byte[] sign(byte[] toBeSigned) throws GeneralSecurityException;

        /** Signing with a JCA private key (tests, and keys held as {@link PrivateKey}). */
        static Sm2Signing of(PrivateKey key) {
            Objects.requireNonNull(key, "key");
            return tbs -> {
                Signature signer = OfdCrypto.sm3WithSm2();
                signer.initSign(key);
                signer.update(tbs);
                return signer.sign();
            };
        }
    }

    /**
     * Who seals: the signer's signing use and certificate chain (signer first) and the seal ({@code .esl}, DER) whose
     * certificate list holds the signer's certificate.
     */
    public record SealIdentity(Sm2Signing signing, List<X509Certificate> chain, byte[] seal) {
        public SealIdentity {
            Objects.requireNonNull(signing, "signing");
            chain = List.copyOf(chain);
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("the signer's certificate chain is empty");
            }
            seal = seal.clone();
        }

        public SealIdentity(PrivateKey signerKey, List<X509Certificate> chain, byte[] seal) {
            this(Sm2Signing.of(signerKey), chain, seal);
        }

        public X509Certificate signer() {
            return chain.get(0);
        }
    }

    /** The sealed OFD of {@code unsigned}, signed at {@code signingTime}. */
    public static byte[] seal(ProofOfdBuilder.UnsignedOfd unsigned, SealIdentity identity, Instant signingTime) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("certfree-ofd-sign-");
            SafeUnzip.extract(unsigned.bytes(), dir, SafeUnzip.Limits.DEFAULT);
            ByteArrayOutputStream out = new ByteArrayOutputStream(unsigned.bytes().length + 32 * 1024);
            try (OFDReader reader = new OFDReader(dir.toString(), false);
                    OFDSigner signer = new OFDSigner(reader, out)) {
                signer.setSignMode(SignMode.WholeProtected);
                signer.setSignContainer(new SealSignatureContainer(identity.signing(), identity.signer(),
                        identity.seal(), signingTime));
                signer.addApPos(new NormalStampPos(1, unsigned.sealX(), unsigned.sealY(), unsigned.sealSize(),
                        unsigned.sealSize()));
                signer.exeSign();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("OFD sealing failed", e);
        } catch (GeneralSecurityException | SafeUnzip.UnsafePackageException e) {
            throw new IllegalStateException("OFD sealing failed", e);
        } finally {
            TempFolders.delete(dir);
        }
    }
}
