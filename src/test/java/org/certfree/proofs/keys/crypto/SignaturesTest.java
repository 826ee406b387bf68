package org.certfree.proofs.keys.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.certfree.proofs.keys.KeyAlgorithm;
import org.junit.jupiter.api.Test;

/** Published test vectors for SM2-SM3 and Ed25519, RFC 7638 thumbprints, and the key encryption. */
class SignaturesTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final Base64.Decoder B64URL = Base64.getUrlDecoder();

    private static byte[] hex(String spaced) {
        return HEX.parseHex(spaced.replace(" ", "").toLowerCase());
    }

    // GM/T 0003.5-2012 (GB/T 32918.5-2017) appendix A: SM2 signature example on curve sm2p256v1.
    private static final byte[] GM_D = hex("3945208F 7B2144B1 3F36E38A C6D39F95 88939369 2860B51A 42FB81EF 4DF7C5B8");
    private static final byte[] GM_X = hex("09F9DF31 1E5421A1 50DD7D16 1E4BC5C6 72179FAD 1833FC07 6BB08FF3 56F35020");
    private static final byte[] GM_Y = hex("CCEA490C E26775A5 2DC6EA71 8CC1AA60 0AED05FB F35E084A 6632F607 2DA9AD13");
    private static final byte[] GM_K = hex("59276E27 D506861A 16680F3A D9C02DCC EF3CC1FA 3CDBE4CE 6D54B80D EAC1BC21");
    private static final byte[] GM_R = hex("F5A03B06 48D2C463 0EEAC513 E1BB81A1 5944DA38 27D5B741 43AC7EAC EEE720B3");
    private static final byte[] GM_S = hex("B1B6AA29 DF212FD8 763182BC 0D421CA1 BB9038FD 1F7F42D4 840B69C4 85BBC1AA");
    private static final byte[] GM_MESSAGE = "message digest".getBytes(StandardCharsets.US_ASCII);

    // RFC 8037 appendix A.1-A.5: the Ed25519 key, its thumbprint and the JWS of "Example of Ed25519 signing".
    private static final byte[] RFC8037_D = B64URL.decode("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A");
    private static final byte[] RFC8037_X = B64URL.decode("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo");
    private static final String RFC8037_THUMBPRINT = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k";
    private static final String RFC8037_JWS = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc."
            + "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";

    /** Hands out fixed bytes: makes the SM2 nonce k of the standard's example. */
    private static SecureRandom fixed(byte[] bytes) {
        return new SecureRandom() {
            @Override
            public void nextBytes(byte[] out) {
                System.arraycopy(bytes, 0, out, 0, out.length);
            }
        };
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void sm2PublicKeyOfTheStandardExample() {
        assertArrayEquals(concat(GM_X, GM_Y), Sm2Sm3.publicFromPrivate(Sm2Sm3.privateKey(GM_D)));
    }

    @Test
    void sm2SignatureOfTheStandardExampleWithItsNonce() {
        ECPrivateKeyParameters d = Sm2Sm3.privateKey(GM_D);
        byte[] signature = Sm2Sm3.sign(d, GM_MESSAGE, fixed(GM_K));
        assertArrayEquals(concat(GM_R, GM_S), signature);
        assertTrue(Sm2Sm3.verify(Sm2Sm3.publicKey(concat(GM_X, GM_Y)), GM_MESSAGE, signature));
    }

    @Test
    void sm2VerifiesTheStandardSignatureAndRejectsAnyChange() {
        var q = Sm2Sm3.publicKey(concat(GM_X, GM_Y));
        byte[] signature = concat(GM_R, GM_S);
        assertTrue(Sm2Sm3.verify(q, GM_MESSAGE, signature));
        assertFalse(Sm2Sm3.verify(q, "message digesT".getBytes(StandardCharsets.US_ASCII), signature));
        byte[] flipped = signature.clone();
        flipped[63] ^= 1;
        assertFalse(Sm2Sm3.verify(q, GM_MESSAGE, flipped));
        assertFalse(Sm2Sm3.verify(q, GM_MESSAGE, new byte[63]));
        assertFalse(Sm2Sm3.verify(q, GM_MESSAGE, new byte[64]));
    }

    @Test
    void sm2RefusesPointsOffTheCurve() {
        byte[] xy = concat(GM_X, GM_Y);
        xy[63] ^= 1;
        assertThrows(IllegalArgumentException.class, () -> Sm2Sm3.publicKey(xy));
        assertThrows(IllegalArgumentException.class, () -> Sm2Sm3.publicKey(new byte[64]));
    }

    @Test
    void ed25519JwsOfRfc8037() throws Exception {
        Signatures.Signer signer = Signatures.signer(KeyAlgorithm.ED25519, RFC8037_D, RFC8037_X);
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.EdDSA), new Payload("Example of Ed25519 signing"));
        jws.sign(JoseAdapters.signer(KeyAlgorithm.ED25519, signer));
        assertEquals(RFC8037_JWS, jws.serialize());

        JWSObject parsed = JWSObject.parse(RFC8037_JWS);
        assertTrue(parsed.verify(JoseAdapters.verifier(KeyAlgorithm.ED25519,
                Signatures.verifier(KeyAlgorithm.ED25519, RFC8037_X))));
    }

    @Test
    void ed25519ThumbprintOfRfc8037() {
        assertEquals(RFC8037_THUMBPRINT, Jwk.thumbprint(KeyAlgorithm.ED25519, RFC8037_X));
    }

    @Test
    void sm2ThumbprintHashesCrvKtyXYInOrder() throws Exception {
        String expected = Jwk.base64url(java.security.MessageDigest.getInstance("SHA-256").digest(
                ("{\"crv\":\"SM2\",\"kty\":\"EC\",\"x\":\"" + Jwk.base64url(GM_X) + "\",\"y\":\"" + Jwk.base64url(GM_Y)
                        + "\"}").getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, Jwk.thumbprint(KeyAlgorithm.SM2_SM3, concat(GM_X, GM_Y)));
        assertEquals(43, expected.length());
    }

    @Test
    void generatedKeysSignAndVerifyAndRefuseTheOtherKey() {
        for (KeyAlgorithm alg : KeyAlgorithm.values()) {
            RawKeyPair a = Signatures.generate(alg);
            RawKeyPair b = Signatures.generate(alg);
            byte[] message = ("payload " + alg).getBytes(StandardCharsets.UTF_8);
            byte[] signature = Signatures.signer(alg, a.privateKey(), a.publicKey()).sign(message);
            assertEquals(64, signature.length, alg.name());
            assertTrue(Signatures.verifier(alg, a.publicKey()).verify(message, signature), alg.name());
            assertFalse(Signatures.verifier(alg, b.publicKey()).verify(message, signature), alg.name());
            assertThrows(IllegalArgumentException.class, () -> Signatures.signer(alg, a.privateKey(), b.publicKey()));
        }
    }

    @Test
    void keyEncryptionRoundTripsAndBindsAssociatedData() throws Exception {
        byte[] kek = new byte[32];
        new SecureRandom().nextBytes(kek);
        KeyEncryption enc = new KeyEncryption(kek);
        byte[] secret = GM_D.clone();
        byte[] aad = "TGAJ|kid-1".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = enc.encrypt(secret, aad);
        assertEquals(12 + 32 + 16, sealed.length);
        assertArrayEquals(secret, enc.decrypt(sealed, aad));
        assertNotEquals(HEX.formatHex(sealed), HEX.formatHex(enc.encrypt(secret, aad)), "fresh nonce per encryption");

        assertThrows(GeneralSecurityException.class, () -> enc.decrypt(sealed, "TMZJ|kid-1".getBytes(StandardCharsets.UTF_8)));
        byte[] otherKek = kek.clone();
        otherKek[0] ^= 1;
        KeyEncryption other = new KeyEncryption(otherKek);
        assertNotEquals(enc.kekId(), other.kekId());
        assertThrows(GeneralSecurityException.class, () -> other.decrypt(sealed, aad));
        byte[] tampered = sealed.clone();
        tampered[20] ^= 1;
        assertThrows(GeneralSecurityException.class, () -> enc.decrypt(tampered, aad));
        assertThrows(IllegalArgumentException.class, () -> new KeyEncryption(new byte[16]));
    }
}
