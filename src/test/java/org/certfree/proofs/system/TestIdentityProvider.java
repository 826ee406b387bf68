package org.certfree.proofs.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for the site's identity provider: an RS256 key pair whose public half is written as a
 * PEM file (what {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION} names), and tokens as Keycloak issues them:
 * roles in {@code groups}, the department in {@code dept}, the staff id in {@code sub}/{@code upn}.
 */
final class TestIdentityProvider {

    static final String ISSUER = "https://idp.lifecycle.test/realms/certfree";

    private final ObjectMapper json = new ObjectMapper();
    private final KeyPair key;
    private final Path publicKey;

    private TestIdentityProvider(KeyPair key, Path publicKey) {
        this.key = key;
        this.publicKey = publicKey;
    }

    /** A fresh key pair, its public key written to {@code folder/idp-public.pem}. */
    static TestIdentityProvider create(Path folder) throws IOException, GeneralSecurityException {
        KeyPair key = rsa();
        Path pem = folder.resolve("idp-public.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n", StandardCharsets.US_ASCII);
        return new TestIdentityProvider(key, pem);
    }

    /** Where the service reads the public key: the value of MP_JWT_VERIFY_PUBLICKEY_LOCATION. */
    String keyLocation() {
        return publicKey.toUri().toString();
    }

    /** A token for staff member {@code subject} with {@code role}, scoped to {@code dept} (null: none). */
    String token(String subject, String role, String dept) throws Exception {
        return sign(key, subject, role, dept);
    }

    /** The same token signed by a key the service does not know. */
    String forged(String subject, String role) throws Exception {
        return sign(rsa(), subject, role, null);
    }

    private String sign(KeyPair signer, String subject, String role, String dept) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> claims = new LinkedHashMap<>(Map.of("iss", ISSUER, "sub", subject, "upn", subject,
                "groups", List.of(role), "iat", now, "exp", now + 600));
        if (dept != null) {
            claims.put("dept", dept);
        }
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String body = b64.encodeToString(json.writeValueAsBytes(claims));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(signer.getPrivate());
        rsa.update((header + "." + body).getBytes(StandardCharsets.US_ASCII));
        return header + "." + body + "." + b64.encodeToString(rsa.sign());
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
