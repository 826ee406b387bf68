package org.certfree.proofs.ofd;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.ofdrw.gm.ses.v4.SES_Signature;
import org.ofdrw.gm.ses.v4.SESeal;

/**
 * OpenSSL 3 checks an OFD the running service served (issue #17 item 7, end to end): the department's SM2-SM3
 * signature over {@code TBS_Sign}, the seal maker's over {@code SES_SealInfo}, the SM3 of {@code Signature.xml}, and
 * both certificates chaining to the roots the service publishes at {@code /api/v1/pki/roots} — with the GM/T 0009
 * default user ID. Skipped only without OpenSSL 3.
 */
@QuarkusTest
class ServedOfdOpensslTest {

    private static final String DISTID = Openssl.DISTID;

    @Test
    void opensslChecksTheSealsSignaturesAndChainsOfAServedOfd() throws Exception {
        assumeTrue(Openssl.available(), "openssl 3 is not installed");
        Fixtures.departments();
        String dept = ProofOfdDownloadTest.newIssuer();
        String holder = Fixtures.randomResidentId();
        String number = (String) Fixtures.issued(dept, Matters.retained(dept, 0), "孙八", holder).get("number");
        byte[] ofd = given().header("Authorization", Tokens.bearer(Tokens.citizen(holder)))
                .get("/api/v1/proofs/" + number + "/ofd").then().statusCode(200).extract().asByteArray();
        String roots = given().get("/api/v1/pki/roots").then().statusCode(200).extract().asString();

        Path dir = Files.createDirectories(Path.of("target", "ofd", "openssl-served"));
        Files.write(dir.resolve("served.ofd"), ofd);
        Files.writeString(dir.resolve("roots.pem"), roots);
        Map<String, byte[]> files = OfdZips.entries(ofd);
        SES_Signature signature = SES_Signature.getInstance(files.get(files.keySet().stream()
                .filter(n -> n.endsWith("SignedValue.dat")).findFirst().orElseThrow()));
        SESeal seal = signature.getToSign().getEseal();

        // the department's signature over TBS_Sign, with the key of its certificate
        Path signer = Openssl.pem(dir.resolve("signer.pem"), OfdCrypto.certificate(signature.getCert().getOctets()));
        assertVerified(dir, signer, signature.getToSign().getEncoded("DER"), signature.getSignature().getOctets(), "tbs");
        // the seal maker's signature over the seal's information
        Path maker = Openssl.pem(dir.resolve("maker.pem"), OfdCrypto.certificate(seal.getCert().getOctets()));
        assertVerified(dir, maker, seal.geteSealInfo().getEncoded("DER"), seal.getSignedValue().getOctets(), "sealinfo");
        // Signature.xml, which lists every file's digest, is what the signed data hashes
        Path xml = Files.write(dir.resolve("Signature.xml"), files.get(files.keySet().stream()
                .filter(n -> n.endsWith("Signature.xml")).findFirst().orElseThrow()));
        assertEquals(Openssl.run(List.of("openssl", "dgst", "-sm3", "-r", xml.toString())).split(" ")[0].trim(),
                HexFormat.of().formatHex(signature.getToSign().getDataHash().getOctets()));
        // both certificates chain to a published root
        for (Path cert : List.of(signer, maker)) {
            String out = Openssl.run(List.of("openssl", "verify", "-vfyopt", DISTID, "-CAfile", dir.resolve("roots.pem").toString(),
                    cert.toString()));
            assertTrue(out.contains(": OK"), out);
        }
    }

    private static void assertVerified(Path dir, Path cert, byte[] data, byte[] sig, String name) throws Exception {
        Path pub = Files.writeString(dir.resolve(name + "-pub.pem"),
                Openssl.run(List.of("openssl", "x509", "-in", cert.toString(), "-pubkey", "-noout")));
        Path dataFile = Files.write(dir.resolve(name + ".der"), data);
        Path sigFile = Files.write(dir.resolve(name + ".sig"), sig);
        String out = Openssl.run(List.of("openssl", "dgst", "-sm3", "-sigopt", DISTID, "-verify", pub.toString(), "-signature",
                sigFile.toString(), dataFile.toString()));
        assertTrue(out.contains("Verified OK"), name + ": " + out);
    }
}
