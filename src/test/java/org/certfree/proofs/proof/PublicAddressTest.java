package org.certfree.proofs.proof;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Demo mode with no public base URL configured: the QR code and the PDF point at the port this
 * instance actually listens on (the tests listen on a random one), not at a fixed localhost:8080.
 */
@QuarkusTest
class PublicAddressTest {

    @Test
    void qrCodeAndPdfCarryTheServedAddress() throws Exception {
        Fixtures.departments();
        String matter = Matters.retained(Fixtures.GOOD_ISSUER, 0);
        Map<String, Object> proof = Fixtures.issued(Fixtures.GOOD_ISSUER, matter, "张三", Fixtures.randomResidentId());
        String issuer = Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER));
        String base = "http://localhost:" + RestAssured.port;

        byte[] png = given().header("Authorization", issuer).get("/api/v1/proofs/" + proof.get("number") + "/qr.png")
                .then().statusCode(200).extract().asByteArray();
        String link = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(
                ImageIO.read(new ByteArrayInputStream(png))))), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        assertEquals(base + "/verify?n=" + proof.get("number") + "&c=" + proof.get("verificationCode"), link);
        URI page = URI.create(link);
        given().queryParam("n", proof.get("number")).queryParam("c", proof.get("verificationCode"))
                .get(page.getPath()).then().statusCode(200);

        byte[] pdf = given().header("Authorization", issuer).get("/api/v1/proofs/" + proof.get("number") + "/pdf")
                .then().statusCode(200).extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains(base + "/verify"), "the printed address is the served one:\n" + text);
        }
    }
}
