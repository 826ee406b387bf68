package org.certfree.proofs.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The finder of the at-rest and log scans finds what it must, however it is encoded, and nothing in ciphertext. */
class ClearTextTest {

    private static final String ID = "65280119850722242X";
    private static final String NAME = "李娜";
    private static final List<String> NEEDLES = List.of(ID, NAME);

    private static Optional<String> find(String text) {
        return ClearText.find(text, NEEDLES);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String b64url(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void findsTheValueInClearAndWithALowerCaseCheckCharacter() {
        assertTrue(find("{\"requestedBy\":\"" + ID + "\"}").isPresent());
        assertTrue(find("GAJ/" + ID.toLowerCase()).isPresent());
        assertTrue(find("申请人" + NAME + "已提交").isPresent());
        assertTrue(find("{\"name\":\"\\u674e\\u5a1c\"}").isPresent(), "behind JSON escapes");
    }

    @Test
    void findsTheValueInsideEncodedTokens() {
        String payload = "{\"subject\":{\"name\":\"" + NAME + "\",\"id\":\"" + ID.toLowerCase() + "\"}}";
        assertTrue(find(b64(payload)).isPresent(), "base64");
        assertTrue(find("eyJhbGciOiJTTTJTTTMifQ." + b64url(payload) + ".c2lnbmF0dXJl").isPresent(), "a compact JWS");
        assertTrue(find("{\"payload\":\"" + b64url(payload) + "\"}").isPresent(), "base64url in JSON");
        assertTrue(find("v1" + b64url("xx" + payload)).isPresent(), "a run glued to other characters");
        assertTrue(find(b64("{\"disclosure\":\"" + b64url("[\"salt\",\"name\",\"" + NAME + "\"]") + "\"}")).isPresent(),
                "base64 inside base64");
        assertTrue(find(HexFormat.of().formatHex(ID.getBytes(StandardCharsets.US_ASCII))).isPresent(), "hex");
        assertTrue(ClearText.find(payload.getBytes(StandardCharsets.UTF_8), NEEDLES).isPresent(), "raw bytes");
    }

    @Test
    void findsNothingInCiphertextOrInOtherText() throws Exception {
        byte[] key = new byte[32];
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(key);
        new SecureRandom().nextBytes(nonce);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        String sealed = Base64.getEncoder().encodeToString(aes.doFinal((NAME + ID).getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), find(sealed));
        assertEquals(Optional.empty(), find("{\"subjectNameMasked\":\"李*\",\"subjectIdMasked\":\"652801********242X\"}"));
        assertEquals(Optional.empty(), find(null));
    }
}
