package org.certfree.proofs.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.ProblemType;
import org.certfree.proofs.keys.crypto.Signatures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Signing and verifying through {@link Jws} with real department keys on PostgreSQL. */
@QuarkusTest
class JwsTest {

    private static final String TYP = "test+jws";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Jws jws;

    @Inject
    JwsVerifier verifier;

    @Inject
    KeyService keys;

    @Inject
    KeyDirectory directory;

    @Inject
    KekProvider kek;

    @Inject
    ControllableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(s));
    }

    private static String unb64(String s) {
        return new String(Base64.getUrlDecoder().decode(s), StandardCharsets.UTF_8);
    }

    /** Rewrites the protected header of a compact JWS, keeping payload and signature. */
    private static String reheader(String compact, Consumer<ObjectNode> change) throws Exception {
        String[] parts = compact.split("\\.");
        ObjectNode header = (ObjectNode) JSON.readTree(unb64(parts[0]));
        change.accept(header);
        return b64(JSON.writeValueAsString(header)) + "." + parts[1] + "." + parts[2];
    }

    @Test
    void compactSignaturesOfBothAlgorithmsVerify() throws Exception {
        String dept = KeyFixtures.newIssuer();
        for (KeyAlgorithm alg : KeyAlgorithm.values()) {
            Instant before = clock.instant().minusSeconds(1);
            String signed = jws.signCompact(dept, alg, bytes("{\"proof\":\"证明 " + alg + "\"}"), TYP);
            assertEquals(3, signed.split("\\.").length);

            JwsVerification v = verifier.verify(signed);
            assertEquals(JwsOutcome.VALID, v.outcome(), v.detail());
            assertTrue(v.valid());
            assertEquals("{\"proof\":\"证明 " + alg + "\"}", v.payloadText());
            assertEquals(dept, v.departmentCode());
            assertEquals(List.of(alg.jwsAlg()), v.algs());
            assertEquals(directory.active(dept, alg).kid(), v.kids().get(0));
            assertEquals(TYP, v.typ().orElseThrow());
            Map<String, Object> header = v.protectedHeaders().get(0);
            assertEquals(alg.jwsAlg(), header.get("alg"));
            assertEquals(v.kids().get(0), header.get("kid"));
            Instant iat = v.signedAt().orElseThrow();
            assertFalse(iat.isBefore(before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
            assertFalse(iat.isAfter(clock.instant()));
        }
    }

    @Test
    void generalJsonCarriesTwoSignaturesEachWithItsOwnProtectedHeader() throws Exception {
        String dept = KeyFixtures.newIssuer();
        String signed = jws.signGeneralJson(dept, bytes("{\"n\":1}"), TYP);
        var doc = JSON.readTree(signed);
        assertEquals(b64("{\"n\":1}"), doc.get("payload").asText());
        assertEquals(2, doc.get("signatures").size());
        for (var s : doc.get("signatures")) {
            assertTrue(s.has("protected") && s.has("signature"), s.toString());
            assertFalse(s.has("header"), "everything we sign is in the protected header");
        }

        JwsVerification v = verifier.verify(signed);
        assertEquals(JwsOutcome.VALID, v.outcome(), v.detail());
        assertEquals(List.of("SM2SM3", "EdDSA"), v.algs());
        assertEquals(List.of(directory.active(dept, KeyAlgorithm.SM2_SM3).kid(), directory.active(dept, KeyAlgorithm.ED25519).kid()),
                v.kids());
        assertEquals(dept, v.departmentCode());
        assertEquals(2, v.signatures().size());
        assertEquals(v.protectedHeaders().get(0).get("iat"), v.protectedHeaders().get(1).get("iat"));
    }

    @Test
    void aTamperedPayloadFailsInBothSerializations() throws Exception {
        String dept = KeyFixtures.newIssuer();
        for (KeyAlgorithm alg : KeyAlgorithm.values()) {
            String[] parts = jws.signCompact(dept, alg, bytes("{\"amount\":100}"), TYP).split("\\.");
            String tampered = parts[0] + "." + b64("{\"amount\":900}") + "." + parts[2];
            JwsVerification v = verifier.verify(tampered);
            assertEquals(JwsOutcome.INVALID_SIGNATURE, v.outcome(), alg.name());
            assertEquals("{\"amount\":900}", v.payloadText(), "the payload is reported, but not trusted");
            assertFalse(v.valid());
        }

        ObjectNode general = (ObjectNode) JSON.readTree(jws.signGeneralJson(dept, bytes("{\"amount\":100}"), TYP));
        general.put("payload", b64("{\"amount\":900}"));
        assertEquals(JwsOutcome.INVALID_SIGNATURE, verifier.verify(JSON.writeValueAsString(general)).outcome());
    }

    /**
     * The stored compact form of signBoth is remembered as good where it was made (no second verification when it is
     * read back): exactly that string; a changed byte of it is verified afresh and fails, and the key's state is
     * still judged on every read.
     */
    @Test
    void aCompactFormMadeHereIsRememberedExactly() throws Exception {
        String dept = KeyFixtures.newIssuer();
        Jws.SignedForms forms = jws.signBoth(dept, bytes("{\"amount\":100}"), TYP);
        assertEquals(JwsOutcome.VALID, verifier.verify(forms.compact()).outcome());
        String[] parts = forms.compact().split("\\.");
        byte[] raw = Base64.getUrlDecoder().decode(parts[2]);
        raw[10] ^= 1;
        String changed = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        assertEquals(JwsOutcome.INVALID_SIGNATURE, verifier.verify(changed).outcome());
        String tampered = parts[0] + "." + b64("{\"amount\":900}") + "." + parts[2];
        assertEquals(JwsOutcome.INVALID_SIGNATURE, verifier.verify(tampered).outcome());
    }

    /**
     * A stored detached form (payload and signatures kept apart) verifies as its rebuilt serialization does; its parse
     * and its signatures' mathematics are remembered for the exact two strings only: the same signatures beside a
     * changed payload, or a changed signature, fail, the remembered original still verifies, and a compromise made
     * afterwards is seen at once (the key's state is judged on every call).
     */
    @Test
    void aStoredDetachedFormIsRememberedForItsExactStringsOnly() throws Exception {
        String dept = KeyFixtures.newIssuer();
        String payload = "{\"amount\":100}";
        Instant signedAt = clock.instant();
        var general = JSON.readTree(jws.signGeneralJson(dept, bytes(payload), TYP));
        List<DetachedJws.Signature> signatures = new java.util.ArrayList<>();
        general.get("signatures").forEach(s -> signatures.add(
                new DetachedJws.Signature(s.get("protected").asText(), s.get("signature").asText())));
        String detached = DetachedJws.of(signatures);
        byte[] raw = Base64.getUrlDecoder().decode(signatures.get(0).signature());
        raw[10] ^= 1;
        String changedSignature = DetachedJws.of(List.of(new DetachedJws.Signature(signatures.get(0).protectedHeader(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(raw)), signatures.get(1)));

        for (boolean every : new boolean[] {false, true}) {
            for (int round = 0; round < 2; round++) { // the second round is answered from memory
                JwsVerification v = verifier.verifyDetached(payload, detached, every);
                assertEquals(JwsOutcome.VALID, v.outcome(), v.detail());
                assertEquals(payload, v.payloadText());
                assertEquals(dept, v.departmentCode());
                assertEquals(every ? List.of("SM2SM3", "EdDSA") : List.of("SM2SM3"), v.algs());
                assertEquals(verifier.verify(every ? DetachedJws.generalJson(payload, detached)
                        : DetachedJws.compact(payload, detached)).kids(), v.kids());
            }
            JwsVerification tampered = verifier.verifyDetached("{\"amount\":900}", detached, every);
            assertEquals(JwsOutcome.INVALID_SIGNATURE, tampered.outcome(), "same signatures, another payload");
            assertEquals("{\"amount\":900}", tampered.payloadText());
            assertEquals(JwsOutcome.VALID, verifier.verifyDetached(payload, detached, every).outcome(),
                    "the remembered original is not spoilt by the tampered read");
            assertEquals(JwsOutcome.INVALID_SIGNATURE, verifier.verifyDetached(payload, changedSignature, every).outcome());
            assertEquals(JwsOutcome.MALFORMED, verifier.verifyDetached(payload, "{\"signatures\":[]}", every).outcome());
            assertEquals(JwsOutcome.MALFORMED, verifier.verifyDetached(payload, "not json", every).outcome());
        }

        keys.compromise(dept, directory.active(dept, KeyAlgorithm.SM2_SM3).kid(), signedAt.minusSeconds(5), "签名机被入侵", "test");
        assertEquals(JwsOutcome.KEY_COMPROMISED, verifier.verifyDetached(payload, detached, false).outcome());
        assertEquals(JwsOutcome.KEY_COMPROMISED, verifier.verifyDetached(payload, detached, true).outcome());
    }

    @Test
    void oneBadSignatureSpoilsTheGeneralJson() throws Exception {
        String dept = KeyFixtures.newIssuer();
        ObjectNode general = (ObjectNode) JSON.readTree(jws.signGeneralJson(dept, bytes("x"), TYP));
        ArrayNode signatures = (ArrayNode) general.get("signatures");
        String ed = signatures.get(1).get("signature").asText();
        byte[] raw = Base64.getUrlDecoder().decode(ed);
        raw[10] ^= 1;
        ((ObjectNode) signatures.get(1)).put("signature", Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
        JwsVerification v = verifier.verify(JSON.writeValueAsString(general));
        assertEquals(JwsOutcome.INVALID_SIGNATURE, v.outcome());
        assertEquals(JwsOutcome.VALID, v.signatures().get(0).outcome());
        assertEquals(JwsOutcome.INVALID_SIGNATURE, v.signatures().get(1).outcome());
    }

    @Test
    void aTamperedHeaderFails() throws Exception {
        String dept = KeyFixtures.newIssuer();
        String signed = jws.signCompact(dept, KeyAlgorithm.SM2_SM3, bytes("x"), TYP);
        assertEquals(JwsOutcome.INVALID_SIGNATURE, verifier.verify(reheader(signed, h -> h.put("typ", "other+jws"))).outcome());
        assertEquals(JwsOutcome.INVALID_SIGNATURE,
                verifier.verify(reheader(signed, h -> h.put("iat", h.get("iat").asLong() - 86400))).outcome());
    }

    @Test
    void aSignatureUnderAnotherKeysKidFails() throws Exception {
        String a = KeyFixtures.newIssuer();
        String b = KeyFixtures.newIssuer();
        for (KeyAlgorithm alg : KeyAlgorithm.values()) {
            String byB = jws.signCompact(b, alg, bytes("x"), TYP);
            String claimsA = reheader(byB, h -> h.put("kid", directory.active(a, alg).kid()));
            // The header changed too, so this alone would fail; sign the forged header with B's key to isolate the key check.
            JWSObject forged = new JWSObject(JWSHeader.parse(JSON.readTree(unb64(claimsA.split("\\.")[0])).toString()),
                    new Payload("x"));
            forged.sign(directory.active(b, alg).signer());
            JwsVerification v = verifier.verify(forged.serialize());
            assertEquals(JwsOutcome.INVALID_SIGNATURE, v.outcome(), alg.name());
            assertEquals(a, v.departmentCode(), "the kid named department A");
        }
    }

    @Test
    void unknownOrMissingKidsAndForeignAlgorithms() throws Exception {
        String dept = KeyFixtures.newIssuer();
        String signed = jws.signCompact(dept, KeyAlgorithm.ED25519, bytes("x"), TYP);
        assertEquals(JwsOutcome.UNKNOWN_KEY,
                verifier.verify(reheader(signed, h -> h.put("kid", "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"))).outcome());
        assertEquals(JwsOutcome.UNKNOWN_KEY, verifier.verify(reheader(signed, h -> h.remove("kid"))).outcome());

        // alg of the other algorithm than the key's, "none" and an HMAC: never valid
        assertEquals(JwsOutcome.INVALID_SIGNATURE, verifier.verify(reheader(signed, h -> h.put("alg", "SM2SM3"))).outcome());
        assertEquals(JwsOutcome.INVALID_SIGNATURE, verifier.verify(reheader(signed, h -> h.put("alg", "HS256"))).outcome());
        String[] parts = reheader(signed, h -> h.put("alg", "none")).split("\\.");
        assertNotEquals(JwsOutcome.VALID, verifier.verify(parts[0] + "." + parts[1] + ".").outcome());
    }

    @Test
    void malformedInputsAreReportedNotThrown() throws Exception {
        String dept = KeyFixtures.newIssuer();
        String signed = jws.signCompact(dept, KeyAlgorithm.SM2_SM3, bytes("x"), TYP);
        List<String> bad = List.of("", "   ", "abc", "a.b", "a.b.c.d", "!!!.###.$$$", "{}", "{", "[]",
                "{\"payload\":\"eA\"}", "{\"payload\":\"eA\",\"signatures\":[]}", "{\"payload\":\"eA\",\"signatures\":[{}]}",
                "{\"payload\":\"eA\",\"signatures\":\"no\"}", b64("{\"alg\":") + ".eA.AAAA", b64("[1]") + ".eA.AAAA",
                "x".repeat(JwsVerifier.MAX_LENGTH + 1),
                reheader(signed, h -> h.putArray("crit").add("exp")),
                reheader(signed, h -> h.put("iat", "yesterday")),
                reheader(signed, h -> h.put("iat", 1.5)));
        for (String input : bad) {
            JwsVerification v = verifier.verify(input);
            assertEquals(JwsOutcome.MALFORMED, v.outcome(), () -> input.length() > 80 ? input.substring(0, 80) : input);
            assertFalse(v.valid());
        }
        assertEquals(JwsOutcome.MALFORMED, verifier.verify(null).outcome());
        assertNull(verifier.verify("abc").payload());
    }

    @Test
    void aCompromisedKeyFailsFromItsInstantAndNotBefore() throws Exception {
        String dept = KeyFixtures.newIssuer();
        String early = jws.signCompact(dept, KeyAlgorithm.SM2_SM3, bytes("early"), TYP);
        String earlyGeneral = jws.signGeneralJson(dept, bytes("early"), TYP);
        String sm2Kid = directory.active(dept, KeyAlgorithm.SM2_SM3).kid();
        Instant t0 = clock.instant();

        clock.advance(Duration.ofHours(2));
        String late = jws.signCompact(dept, KeyAlgorithm.SM2_SM3, bytes("late"), TYP);
        String lateEd = jws.signCompact(dept, KeyAlgorithm.ED25519, bytes("late"), TYP);
        String lateGeneral = jws.signGeneralJson(dept, bytes("late"), TYP);
        String noIat = signWithoutIat(dept, KeyAlgorithm.SM2_SM3);
        assertEquals(JwsOutcome.VALID, verifier.verify(late).outcome());
        assertEquals(JwsOutcome.VALID, verifier.verify(noIat).outcome(), "iat is optional while the key is not compromised");

        keys.compromise(dept, sm2Kid, t0.plus(Duration.ofHours(1)), "签名机被入侵", "test");

        assertEquals(JwsOutcome.VALID, verifier.verify(early).outcome(), "signed before the compromise");
        assertEquals(JwsOutcome.VALID, verifier.verify(earlyGeneral).outcome());
        JwsVerification v = verifier.verify(late);
        assertEquals(JwsOutcome.KEY_COMPROMISED, v.outcome(), v.detail());
        assertEquals(JwsOutcome.KEY_COMPROMISED, verifier.verify(lateGeneral).outcome());
        assertEquals(JwsOutcome.KEY_COMPROMISED, verifier.verify(noIat).outcome(), "without iat it cannot be shown to be earlier");
        assertEquals(JwsOutcome.VALID, verifier.verify(lateEd).outcome(), "the other algorithm's key is not compromised");

        // the department signs on with a replacement key
        String replacement = directory.active(dept, KeyAlgorithm.SM2_SM3).kid();
        assertNotEquals(sm2Kid, replacement);
        assertEquals(JwsOutcome.VALID, verifier.verify(jws.signCompact(dept, KeyAlgorithm.SM2_SM3, bytes("after"), TYP)).outcome());
    }

    @Test
    void theCompromiseSecondItselfCountsAsCompromised() throws Exception {
        String dept = KeyFixtures.newIssuer();
        String signed = jws.signCompact(dept, KeyAlgorithm.ED25519, bytes("x"), TYP);
        JwsVerification first = verifier.verify(signed);
        Instant iat = first.signedAt().orElseThrow();
        keys.compromise(dept, first.kids().get(0), iat.plusMillis(999), "边界", "test");
        assertEquals(JwsOutcome.KEY_COMPROMISED, verifier.verify(signed).outcome());
    }

    @Test
    void retiredKeysVerifyUntilTheirPublicationEnds() throws Exception {
        String dept = KeyFixtures.newIssuer();
        String old = jws.signCompact(dept, KeyAlgorithm.ED25519, bytes("old"), TYP);
        String oldKid = verifier.verify(old).kids().get(0);
        List<String> newKids = keys.rotate(dept).stream().map(k -> k.kid()).toList();
        assertFalse(newKids.contains(oldKid));

        String fresh = jws.signCompact(dept, KeyAlgorithm.ED25519, bytes("new"), TYP);
        assertTrue(newKids.contains(verifier.verify(fresh).kids().get(0)), "signing moved to the new key at once");
        assertEquals(JwsOutcome.VALID, verifier.verify(old).outcome(), "the retired key is still published");
        assertEquals(KeyState.RETIRED, keys.find(oldKid).orElseThrow().state());

        clock.advance(Duration.ofDays(3650).plusDays(1));
        assertEquals(JwsOutcome.UNKNOWN_KEY, verifier.verify(old).outcome(), "publication ended after the retention");
        assertEquals(JwsOutcome.VALID, verifier.verify(fresh).outcome(), "active keys stay published");
    }

    @Test
    void onlyActiveSigningDepartmentsGetKeys() {
        String window = KeyFixtures.newDepartment("USING_UNIT");
        ApiException e = assertThrows(ApiException.class, () -> jws.signCompact(window, KeyAlgorithm.ED25519, bytes("x"), TYP));
        assertEquals(ProblemType.UNPROCESSABLE, e.type());
        e = assertThrows(ApiException.class, () -> jws.signCompact("NOSUCHDEPT", KeyAlgorithm.ED25519, bytes("x"), TYP));
        assertEquals(ProblemType.NOT_FOUND, e.type());
        String justice = KeyFixtures.newDepartment("REVIEWER");
        assertEquals(JwsOutcome.VALID, verifier.verify(jws.signGeneralJson(justice, bytes("manifest"), TYP)).outcome());
    }

    @Test
    void privateKeysAreStoredSealedAndBoundToTheirRow() throws Exception {
        String dept = KeyFixtures.newIssuer();
        String kid = keys.ensureKeys(dept).get(0).kid();
        SigningKey row = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> SigningKey.findById(kid));
        assertEquals(kek.encryption().kekId(), row.kekId);
        assertEquals(12 + 32 + 16, row.privateKeySealed.length, "nonce, 32-byte key, tag");
        byte[] d = kek.encryption().decrypt(row.privateKeySealed, KeyVault.associatedData(dept, kid));
        byte[] message = bytes("sealed");
        byte[] signature = Signatures.signer(row.algorithm, d, row.publicKey).sign(message);
        assertTrue(Signatures.verifier(row.algorithm, row.publicKey).verify(message, signature));
        assertThrows(java.security.GeneralSecurityException.class,
                () -> kek.encryption().decrypt(row.privateKeySealed, KeyVault.associatedData("OTHER", kid)));
        assertFalse(java.util.Arrays.equals(d, java.util.Arrays.copyOfRange(row.privateKeySealed, 12, 44)));
    }

    @Test
    void ensureKeysIsIdempotent() {
        String dept = KeyFixtures.newIssuer();
        List<String> first = keys.ensureKeys(dept).stream().map(k -> k.kid()).toList();
        assertEquals(2, first.size());
        assertEquals(first, keys.ensureKeys(dept).stream().map(k -> k.kid()).toList());
        assertEquals(2, keys.list(dept).size());
    }

    /** A signature by the department's active key whose protected header has no iat (not something Jws makes). */
    private String signWithoutIat(String dept, KeyAlgorithm alg) throws Exception {
        KeyDirectory.ActiveKey key = directory.active(dept, alg);
        JWSObject o = new JWSObject(new JWSHeader.Builder(new JWSAlgorithm(alg.jwsAlg())).keyID(key.kid()).build(),
                new Payload("no iat"));
        o.sign(key.signer());
        return o.serialize();
    }

    @Test
    void signaturesFromTwoDepartmentsInOneJwsAreRefused() throws Exception {
        String a = KeyFixtures.newIssuer();
        String b = KeyFixtures.newIssuer();
        ObjectNode ja = (ObjectNode) JSON.readTree(jws.signGeneralJson(a, bytes("same"), TYP));
        ObjectNode jb = (ObjectNode) JSON.readTree(jws.signGeneralJson(b, bytes("same"), TYP));
        ((ArrayNode) ja.get("signatures")).set(1, jb.get("signatures").get(1));
        JwsVerification v = verifier.verify(JSON.writeValueAsString(ja));
        assertEquals(JwsOutcome.INVALID_SIGNATURE, v.outcome(), v.detail());
        assertArrayEquals(bytes("same"), v.payload());
    }
}
