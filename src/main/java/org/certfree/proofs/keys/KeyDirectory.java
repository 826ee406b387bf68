package org.certfree.proofs.keys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.keys.crypto.JoseAdapters;
import org.certfree.proofs.keys.crypto.Jwk;
import org.certfree.proofs.keys.crypto.Signatures;
import org.certfree.proofs.keys.pki.CertificateTrust;
import org.certfree.proofs.keys.pki.TrustJudge;
import org.certfree.proofs.system.cache.ChangeSignals;
import org.certfree.proofs.system.cache.SharedCache;
import org.certfree.proofs.system.config.CertfreeConfig;
import org.jboss.logging.Logger;

/**
 * What signing and verification read of the keys, held in memory: each department's ACTIVE signers
 * (unsealed once, so signing touches neither the database nor AES), the directory of published keys
 * and the serialized JWKS. All three are {@link SharedCache}s of the topic {@link #TOPIC}: a key
 * change on any replica drops them everywhere (see {@link ChangeSignals}).
 */
@ApplicationScoped
public class KeyDirectory {

    private static final Logger LOG = Logger.getLogger(KeyDirectory.class);

    /** The change topic of keys: {@link KeyService} announces every change of a key under it. */
    public static final String TOPIC = "keys";

    @Inject
    ChangeSignals signals;

    @Inject
    CertfreeConfig config;

    @Inject
    KeyService lifecycle;

    @Inject
    KeyVault vault;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    TrustJudge judge;

    private SharedCache<String, ActiveKey> active;
    private SharedCache<Boolean, Directory> directory;
    private SharedCache<Boolean, JwkSet> jwkSet;

    /** A key that signs, with its unsealed private key (kept only in memory). */
    public record ActiveKey(String kid, String departmentCode, KeyAlgorithm algorithm, JWSSigner signer) {
    }

    /** A published verification key: what verification and the JWKS know about it. */
    public record PublishedKey(String kid, String departmentCode, KeyAlgorithm algorithm, KeyState state,
            Instant activatedAt, Instant retiredAt, Instant publishUntil, Instant compromisedAt, byte[] publicKey,
            JWSVerifier verifier, CertificateTrust trust) {

        /** ACTIVE keys are always published; the others until {@code publishUntil}. */
        public boolean publishedAt(Instant now) {
            return state == KeyState.ACTIVE || (publishUntil != null && now.isBefore(publishUntil));
        }
    }

    /** The serialized JWKS with its entity tag. */
    public record JwkSet(byte[] body, String etag) {
    }

    /** Every key published when it was read (ACTIVE, or retired/compromised within retention), by kid and in order. */
    private record Directory(Map<String, PublishedKey> byKid, List<PublishedKey> ordered) {
    }

    @PostConstruct
    void init() {
        active = signals.cache(TOPIC, 10_000, config.keys().cacheTtl());
        directory = signals.cache(TOPIC, 1, config.keys().cacheTtl());
        jwkSet = signals.cache(TOPIC, 1, config.keys().cacheTtl());
    }

    /** The ACTIVE key of the department for {@code algorithm}; creates the department's keys on first use. */
    public ActiveKey active(String departmentCode, KeyAlgorithm algorithm) {
        return active.get(departmentCode + '|' + algorithm,
                k -> QuarkusTransaction.requiringNew().call(() -> vault.unseal(lifecycle.activeRow(departmentCode, algorithm))));
    }

    /**
     * The department's ACTIVE keys of {@code algorithms}, confirmed ACTIVE in the database and held so
     * until the caller's transaction ends ({@link KeyService#stillActive}): what {@link Jws} signs with.
     * A key that this replica still holds but that a rotation or compromise (on any replica) has retired
     * is dropped and the new one loaded, without waiting for the change signal.
     */
    /** Whether the key {@code kid} is ACTIVE in the database now (its row held until the caller's transaction ends). */
    boolean stillActive(String kid) {
        return lifecycle.stillActive(List.of(kid));
    }

    List<ActiveKey> confirmedActive(String departmentCode, List<KeyAlgorithm> algorithms) {
        for (int attempt = 0; ; attempt++) {
            List<ActiveKey> keys = algorithms.stream().map(alg -> active(departmentCode, alg)).toList();
            if (lifecycle.stillActive(keys.stream().map(ActiveKey::kid).toList())) {
                requireCertified(keys);
                return keys;
            }
            if (attempt > 0) {
                throw new IllegalStateException("The keys of " + departmentCode + " changed twice while signing");
            }
            LOG.infof("A key of %s left ACTIVE before this replica heard of it: loading the new one", departmentCode);
            algorithms.forEach(alg -> active.invalidate(departmentCode + '|' + alg));
        }
    }

    /**
     * Production: an SM2 key signs only while a certificate chaining to a configured root covers now (after a rotation,
     * once an ADMIN has uploaded the new key's certificate), since no verification would accept what it signs before.
     */
    private void requireCertified(List<ActiveKey> keys) {
        if (config.mode() != CertfreeConfig.Mode.PRODUCTION) {
            return;
        }
        Instant now = clock.instant();
        for (ActiveKey k : keys) {
            if (k.algorithm() == KeyAlgorithm.SM2_SM3 && published(k.kid()).map(p -> p.trust().refusal(now, true).verdict())
                    .orElse(CertificateTrust.Verdict.MISSING) != CertificateTrust.Verdict.TRUSTED) {
                throw ApiException.conflict(Messages.PKI_NO_CERTIFICATE.formatted(k.departmentCode(), k.kid()));
            }
        }
    }

    /**
     * The published key with {@code kid} (ACTIVE, or RETIRED/COMPROMISED before its {@code publishUntil});
     * a kid the directory does not know (a key made since it was read) is looked up in the database.
     */
    public Optional<PublishedKey> published(String kid) {
        Instant now = clock.instant();
        PublishedKey key = directory().byKid().get(kid);
        if (key == null) {
            key = QuarkusTransaction.requiringNew().call(() -> {
                SigningKey row = SigningKey.findById(kid);
                return row == null ? null : publishedKey(row, trust(List.of(row)));
            });
        }
        return Optional.ofNullable(key).filter(k -> k.publishedAt(now));
    }

    /** Every published key of every department, ordered by department, algorithm, newest first. */
    public List<PublishedKey> publishedKeys() {
        Instant now = clock.instant();
        return directory().ordered().stream().filter(k -> k.publishedAt(now)).toList();
    }

    /** The JWKS of all published keys, serialized once per change. Members: see {@link #jwk(PublishedKey)}. */
    public JwkSet jwkSet() {
        return jwkSet.get(Boolean.TRUE, k -> {
            List<Map<String, Object>> keys = publishedKeys().stream().map(KeyDirectory::jwk).toList();
            try {
                byte[] body = json.writeValueAsBytes(Map.of("keys", keys));
                return new JwkSet(body, etag(body));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot serialize the JWKS", e);
            }
        });
    }

    /**
     * One published key as a JWK: {@code kty, crv, x[, y]}, {@code kid} (RFC 7638), {@code alg}, {@code use}
     * "sig", and our members: {@code dept} (department code), {@code status} (active / retired /
     * compromised), {@code nbf} (NumericDate the key became active; informational), {@code exp}
     * (compromised keys only: NumericDate of the compromise, rounded down to the second — reject every
     * signature whose protected-header {@code iat} is at or after it, or that has no {@code iat}) and
     * {@code published_until} (retired and compromised keys: NumericDate after which the key leaves this set), and on
     * SM2 keys with a certificate {@code x5c} (RFC 7517 §4.7: base64 DER, leaf first, without the root; the roots are
     * at {@code /api/v1/pki/roots}).
     */
    public static Map<String, Object> jwk(PublishedKey key) {
        Map<String, Object> jwk = new LinkedHashMap<>(Jwk.publicJwk(key.algorithm(), key.publicKey()));
        jwk.put("kid", key.kid());
        jwk.put("alg", key.algorithm().jwsAlg());
        jwk.put("use", "sig");
        jwk.put("dept", key.departmentCode());
        jwk.put("status", key.state().jwkStatus());
        jwk.put("nbf", key.activatedAt().getEpochSecond());
        if (key.compromisedAt() != null) {
            jwk.put("exp", key.compromisedAt().getEpochSecond());
        }
        if (key.publishUntil() != null) {
            jwk.put("published_until", key.publishUntil().getEpochSecond());
        }
        if (key.trust() != null && !key.trust().x5c().isEmpty()) {
            jwk.put("x5c", key.trust().x5c());
        }
        return jwk;
    }

    private Directory directory() {
        return directory.get(Boolean.TRUE, k -> QuarkusTransaction.requiringNew().call(this::loadDirectory));
    }

    private Directory loadDirectory() {
        Instant now = clock.instant();
        List<PublishedKey> keys = new ArrayList<>();
        List<SigningKey> rows = SigningKey.list("state = ?1 or publishUntil > ?2", KeyState.ACTIVE, now);
        Map<String, CertificateTrust> trust = trust(rows);
        for (SigningKey row : rows) {
            PublishedKey key = publishedKey(row, trust);
            if (key != null) {
                keys.add(key);
            }
        }
        keys.sort(Comparator.comparing(PublishedKey::departmentCode).thenComparing(PublishedKey::algorithm)
                .thenComparing(PublishedKey::activatedAt, Comparator.reverseOrder()).thenComparing(PublishedKey::kid));
        return new Directory(keys.stream().collect(Collectors.toUnmodifiableMap(PublishedKey::kid, Function.identity())),
                List.copyOf(keys));
    }

    /** The certificates' verdict of each SM2 key of {@code rows}, judged once per load (see {@link TrustJudge}). */
    private Map<String, CertificateTrust> trust(List<SigningKey> rows) {
        Map<String, byte[]> sm2 = new HashMap<>();
        rows.stream().filter(r -> r.algorithm == KeyAlgorithm.SM2_SM3).forEach(r -> sm2.put(r.kid, r.publicKey));
        return judge.judge(sm2);
    }

    private static PublishedKey publishedKey(SigningKey row, Map<String, CertificateTrust> trust) {
        try {
            JWSVerifier verifier = JoseAdapters.verifier(row.algorithm, Signatures.verifier(row.algorithm, row.publicKey));
            return new PublishedKey(row.kid, row.departmentCode, row.algorithm, row.state, row.activatedAt, row.retiredAt,
                    row.publishUntil, row.compromisedAt, row.publicKey.clone(), verifier,
                    row.algorithm == KeyAlgorithm.SM2_SM3 ? trust.getOrDefault(row.kid, CertificateTrust.NONE) : null);
        } catch (IllegalArgumentException e) {
            LOG.errorf("Signing key %s of %s has an unusable public key and is not published: %s", row.kid,
                    row.departmentCode, e.getMessage());
            return null;
        }
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
