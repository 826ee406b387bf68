package org.certfree.proofs.ofd;

import static org.certfree.proofs.ofd.OfdFixtures.FORGED;
import static org.certfree.proofs.ofd.OfdFixtures.GOOD;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.ofdrw.gm.ses.v4.SES_Signature;
import org.ofdrw.gm.ses.v4.SESeal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OpenSSL 3, not our code, checks an OFD the service sealed (issue #17 item 7): the SM2-SM3 signature over
 * {@code TBS_Sign}, the maker's over {@code SES_SealInfo}, the SM3 of {@code Signature.xml} in the signed data, and
 * the signer's and maker's chains to the root, with the GM/T 0009 default user ID. Skipped only without openssl.
 */
class OfdIndependentCheckTest {

    private static final String DISTID = Openssl.DISTID;
    private static Path dir;
    private static SES_Signature signature;
    private static Map<String, byte[]> files;

    @BeforeAll
    static void sealAndUnpack() throws IOException {
        files = OfdZips.entries(OfdFixtures.sealed(GOOD));
        String signedValue = files.keySet().stream().filter(n -> n.endsWith("SignedValue.dat")).findFirst().orElseThrow();
        signature = SES_Signature.getInstance(files.get(signedValue));
        dir = Files.createDirectories(Path.of("target", "ofd", "openssl"));
    }

    @Test
    void opensslVerifiesTheSignerSignatureOverTbsSign() throws Exception {
        assumeTrue(Openssl.available(), "openssl 3 is not installed");
        write("tbs.der", signature.getToSign().getEncoded("DER"));
        write("tbs.sig", signature.getSignature().getOctets());
        Path cert = pem("signer.pem", OfdCrypto.certificate(signature.getCert().getOctets()));
        String pub = run(List.of("openssl", "x509", "-in", cert.toString(), "-pubkey", "-noout"));
        Files.writeString(dir.resolve("signer-pub.pem"), pub);
        String out = run(List.of("openssl", "dgst", "-sm3", "-sigopt", DISTID, "-verify",
                dir.resolve("signer-pub.pem").toString(), "-signature", dir.resolve("tbs.sig").toString(),
                dir.resolve("tbs.der").toString()));
        assertTrue(out.contains("Verified OK"), out);
    }

    @Test
    void opensslFindsTheSignatureXmlDigestInTheSignedData() throws Exception {
        assumeTrue(Openssl.available(), "openssl 3 is not installed");
        String name = files.keySet().stream().filter(n -> n.endsWith("Signature.xml")).findFirst().orElseThrow();
        Path xml = write("Signature.xml", files.get(name));
        String out = run(List.of("openssl", "dgst", "-sm3", "-r", xml.toString()));
        String hex = out.split(" ")[0].trim();
        assertEquals(hex, java.util.HexFormat.of().formatHex(signature.getToSign().getDataHash().getOctets()));
    }

    @Test
    void opensslVerifiesTheMakerSignatureOverTheSealInfo() throws Exception {
        assumeTrue(Openssl.available(), "openssl 3 is not installed");
        SESeal seal = signature.getToSign().getEseal();
        write("sealinfo.der", seal.geteSealInfo().getEncoded("DER"));
        write("seal.sig", seal.getSignedValue().getOctets());
        Path cert = pem("maker.pem", OfdCrypto.certificate(seal.getCert().getOctets()));
        Files.writeString(dir.resolve("maker-pub.pem"),
                run(List.of("openssl", "x509", "-in", cert.toString(), "-pubkey", "-noout")));
        String out = run(List.of("openssl", "dgst", "-sm3", "-sigopt", DISTID, "-verify",
                dir.resolve("maker-pub.pem").toString(), "-signature", dir.resolve("seal.sig").toString(),
                dir.resolve("sealinfo.der").toString()));
        assertTrue(out.contains("Verified OK"), out);
        assertArrayEquals(GOOD.seal(), seal.getEncoded("DER"), "the signed seal is the department's seal");
    }

    @Test
    void opensslChainsSignerAndMakerToTheRootAndNotTheForgedOnes() throws Exception {
        assumeTrue(Openssl.available(), "openssl 3 is not installed");
        Path root = pem("root.pem", GOOD.root());
        Path signer = pem("signer.pem", OfdCrypto.certificate(signature.getCert().getOctets()));
        Path maker = pem("maker.pem", GOOD.maker());
        for (Path cert : List.of(signer, maker)) {
            String out = run(List.of("openssl", "verify", "-vfyopt", DISTID, "-attime", "1741309530", "-CAfile",
                    root.toString(), cert.toString()));
            assertTrue(out.contains(": OK"), out);
        }
        Path forged = pem("forged-signer.pem", FORGED.signer());
        String out = run(List.of("openssl", "verify", "-vfyopt", DISTID, "-attime", "1741309530", "-CAfile",
                root.toString(), forged.toString()));
        assertNotEquals(true, out.contains(": OK"), out);
    }

    private static Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static Path pem(String name, X509Certificate cert) throws Exception {
        return Openssl.pem(dir.resolve(name), cert);
    }

    private static String run(List<String> command) throws IOException {
        return Openssl.run(command);
    }
}
