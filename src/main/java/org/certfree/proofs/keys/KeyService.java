package org.certfree.proofs.keys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.department.DepartmentRole;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.department.dto.DepartmentView;
import org.certfree.proofs.keys.crypto.JoseAdapters;
import org.certfree.proofs.keys.crypto.Jwk;
import org.certfree.proofs.keys.crypto.KeyEncryption;
import org.certfree.proofs.keys.crypto.RawKeyPair;
import org.certfree.proofs.keys.crypto.Signatures;
import org.certfree.proofs.keys.dto.KeyView;
import org.certfree.proofs.system.config.CertfreeConfig;
import org.jboss.logging.Logger;

/**
 * Departments' signing keys: creation (lazily, or by {@link #ensureKeys}), rotation, compromise, and
 * the published-key directory that verification and the JWKS read.
 *
 * <p>Every department that signs (issuers and the justice bureau) has one ACTIVE key per
 * {@link KeyAlgorithm}. Private keys are stored sealed under the KEK and unsealed only into a small
 * in-memory cache, so signing touches neither the database nor AES; the cache, the directory and
 * the serialized JWKS are dropped when this replica changes keys and re-read after
 * {@code certfree.keys.cache-ttl} to pick up other replicas' changes.
 */
@ApplicationScoped
public class KeyService {

    private static final Logger LOG = Logger.getLogger(KeyService.class);

    /** Namespace of the PostgreSQL advisory locks that serialize key changes per department. */
    private static final int LOCK_NAMESPACE = 0x6b657973; // "keys"

    @Inject
    Clock clock;

    @Inject
    CertfreeConfig config;

    @Inject
    KekProvider kek;

    @Inject
    DepartmentService departments;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Event<KeysChanged> changed;

    private final Map<String, ActiveKey> activeKeys = new ConcurrentHashMap<>();
    private volatile Directory directory;
    private volatile JwkSet jwkSet;

    /** A key that signs, with its unsealed private key (kept only in memory). */
    public record ActiveKey(String kid, String departmentCode, KeyAlgorithm algorithm, JWSSigner signer, long loadedNanos) {
    }

    /** A published verification key: what verification and the JWKS know about it. */
    public record PublishedKey(String kid, String departmentCode, KeyAlgorithm algorithm, KeyState state,
            Instant activatedAt, Instant retiredAt, Instant publishUntil, Instant compromisedAt, byte[] publicKey,
            JWSVerifier verifier) {

        /** ACTIVE keys are always published; the others until {@code publishUntil}. */
        public boolean publishedAt(Instant now) {
            return state == KeyState.ACTIVE || (publishUntil != null && now.isBefore(publishUntil));
        }
    }

    /** The serialized JWKS with its entity tag. */
    public record JwkSet(byte[] body, String etag, long loadedNanos) {
    }

    private record Directory(Map<String, PublishedKey> byKid, List<PublishedKey> ordered, long loadedNanos) {
    }

    // ------------------------------------------------------------------ start-up

    /** Warns loudly when stored keys were sealed under another KEK than the configured one. */
    void checkKek(@Observes @Priority(3) StartupEvent event) {
        String current = kek.encryption().kekId();
        List<String> others = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select distinct k.kekId from SigningKey k where k.kekId <> :current and k.state = :active", String.class)
                .setParameter("current", current).setParameter("active", KeyState.ACTIVE).getResultList());
        if (!others.isEmpty()) {
            LOG.errorf("Active signing keys were sealed under key-encryption key(s) %s but the configured one is %s:"
                    + " they cannot sign until the original CERTFREE_KEYS_KEK is configured (or an ADMIN rotates them)",
                    others, current);
        }
    }

    // ------------------------------------------------------------------ management

    /**
     * Makes sure {@code departmentCode} has an ACTIVE key of every algorithm, creating what is missing in
     * its own transaction (committed even if the caller's transaction later rolls back, so a key that
     * signed something always exists). Idempotent; safe under concurrency across replicas.
     *
     * @return the department's ACTIVE keys
     */
    public List<KeyView> ensureKeys(String departmentCode) {
        List<KeyView> keys = QuarkusTransaction.requiringNew().call(() -> ensureInTransaction(departmentCode));
        invalidate(departmentCode);
        return keys;
    }

    /**
     * Rotation: every ACTIVE key of the department becomes RETIRED (published until now +
     * {@code certfree.keys.retired-retention}) and a new ACTIVE key of each algorithm replaces it.
     *
     * @return the new ACTIVE keys
     */
    @Transactional
    public List<KeyView> rotate(String departmentCode) {
        requireSigningDepartment(departmentCode);
        lock(departmentCode);
        Instant now = clock.instant();
        for (SigningKey old : SigningKey.<SigningKey>list("departmentCode = ?1 and state = ?2", departmentCode, KeyState.ACTIVE)) {
            old.state = KeyState.RETIRED;
            old.retiredAt = now;
            old.publishUntil = now.plus(retention());
        }
        SigningKey.flush();
        List<KeyView> created = new ArrayList<>();
        for (KeyAlgorithm alg : KeyAlgorithm.values()) {
            created.add(view(create(departmentCode, alg, now)));
        }
        changed.fire(new KeysChanged(departmentCode));
        LOG.infof("Keys of %s rotated: new kids %s", departmentCode, created.stream().map(KeyView::kid).toList());
        return created;
    }

    /**
     * Declares a key compromised from {@code compromisedAt}: every signature whose signing time is at or
     * after that instant fails verification from now on. An ACTIVE key is also retired and replaced by a
     * new key of its algorithm. A key already compromised can only have its instant moved earlier.
     */
    @Transactional
    public KeyView compromise(String departmentCode, String kid, Instant compromisedAt, String reason, String reportedBy) {
        lock(departmentCode);
        SigningKey key = SigningKey.findById(kid);
        if (key == null || !key.departmentCode.equals(departmentCode)) {
            throw ApiException.notFound(Messages.KEYS_KEY_NOT_FOUND.formatted(departmentCode, kid));
        }
        Instant now = clock.instant();
        if (compromisedAt.isAfter(now.plus(Duration.ofMinutes(1)))) {
            throw ApiException.invalid("compromisedAt", Messages.KEYS_COMPROMISED_AT_FUTURE.formatted(now));
        }
        if (key.state == KeyState.COMPROMISED && !compromisedAt.isBefore(key.compromisedAt)) {
            throw ApiException.conflict(Messages.KEYS_ALREADY_COMPROMISED.formatted(kid, key.compromisedAt));
        }
        boolean wasActive = key.state == KeyState.ACTIVE;
        if (wasActive) {
            key.retiredAt = now;
            key.publishUntil = now.plus(retention());
        }
        key.state = KeyState.COMPROMISED;
        key.compromisedAt = compromisedAt;
        key.compromiseReason = reason.trim();
        key.compromiseReportedAt = now;
        key.compromiseReportedBy = reportedBy;
        SigningKey.flush();
        if (wasActive) {
            SigningKey replacement = create(departmentCode, key.algorithm, now);
            LOG.warnf("Key %s of %s compromised from %s; replaced by %s", kid, departmentCode, compromisedAt, replacement.kid);
        } else {
            LOG.warnf("Key %s of %s compromised from %s", kid, departmentCode, compromisedAt);
        }
        changed.fire(new KeysChanged(departmentCode));
        return view(key);
    }

    /** Every key of the department (all states), newest first. */
    public List<KeyView> list(String departmentCode) {
        return SigningKey.<SigningKey>list("departmentCode", Sort.by("activatedAt", Sort.Direction.Descending)
                .and("algorithm"), departmentCode).stream().map(KeyService::view).toList();
    }

    /** Public metadata of a key of any state, by kid. */
    public Optional<KeyView> find(String kid) {
        return QuarkusTransaction.joiningExisting().call(
                () -> Optional.ofNullable(SigningKey.<SigningKey>findById(kid)).map(KeyService::view));
    }

    // ------------------------------------------------------------------ for signing and verification

    /** The ACTIVE key of the department for {@code algorithm}, from the cache; creates keys on first use. */
    public ActiveKey activeKey(String departmentCode, KeyAlgorithm algorithm) {
        String cacheKey = departmentCode + '|' + algorithm;
        ActiveKey key = activeKeys.get(cacheKey);
        if (key == null || expired(key.loadedNanos())) {
            key = QuarkusTransaction.requiringNew().call(() -> loadActive(departmentCode, algorithm));
            activeKeys.put(cacheKey, key);
        }
        return key;
    }

    /**
     * The published key with {@code kid} (ACTIVE, or RETIRED/COMPROMISED before its {@code publishUntil}),
     * from the directory; a kid the directory does not know yet (made by another replica) is looked up.
     */
    public Optional<PublishedKey> published(String kid) {
        Instant now = clock.instant();
        PublishedKey key = directory().byKid().get(kid);
        if (key == null) {
            key = QuarkusTransaction.requiringNew().call(() -> {
                SigningKey row = SigningKey.findById(kid);
                return row == null ? null : publishedKey(row);
            });
            if (key != null && key.publishedAt(now)) {
                directory = null; // new to this replica: reload the directory (and the JWKS) next time
                jwkSet = null;
            }
        }
        return Optional.ofNullable(key).filter(k -> k.publishedAt(now));
    }

    /** Every published key of every department, ordered by department, algorithm, newest first. */
    public List<PublishedKey> publishedKeys() {
        Instant now = clock.instant();
        return directory().ordered().stream().filter(k -> k.publishedAt(now)).toList();
    }

    /**
     * The JWKS of all published keys, serialized once and kept until keys change here or the cache
     * TTL passes. Members besides the RFC 7517 / RFC 8037 ones: see {@link #jwk(PublishedKey)}.
     */
    public JwkSet jwkSet() {
        JwkSet set = jwkSet;
        if (set == null || expired(set.loadedNanos())) {
            List<Map<String, Object>> keys = publishedKeys().stream().map(KeyService::jwk).toList();
            try {
                byte[] body = json.writeValueAsBytes(Map.of("keys", keys));
                set = new JwkSet(body, etag(body), System.nanoTime());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot serialize the JWKS", e);
            }
            jwkSet = set;
        }
        return set;
    }

    /**
     * One published key as a JWK: {@code kty, crv, x[, y]}, {@code kid} (RFC 7638), {@code alg}, {@code use}
     * "sig", and our members: {@code dept} (department code), {@code status} (active / retired /
     * compromised), {@code nbf} (NumericDate the key became active; informational), {@code exp}
     * (compromised keys only: NumericDate of the compromise, rounded down to the second — reject every
     * signature whose protected-header {@code iat} is at or after it, or that has no {@code iat}) and
     * {@code published_until} (retired and compromised keys: NumericDate after which the key leaves this set).
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
        return jwk;
    }

    /** Drops this replica's cached copies after a transaction that changed keys has completed. */
    void onKeysChanged(@Observes(during = TransactionPhase.AFTER_COMPLETION) KeysChanged event) {
        invalidate(event.departmentCode());
    }

    void invalidate(String departmentCode) {
        activeKeys.keySet().removeIf(k -> k.startsWith(departmentCode + '|'));
        directory = null;
        jwkSet = null;
    }

    // ------------------------------------------------------------------ internals

    private List<KeyView> ensureInTransaction(String departmentCode) {
        requireSigningDepartment(departmentCode);
        lock(departmentCode);
        Instant now = clock.instant();
        List<KeyView> active = new ArrayList<>();
        for (KeyAlgorithm alg : KeyAlgorithm.values()) {
            SigningKey key = activeRow(departmentCode, alg);
            active.add(view(key != null ? key : create(departmentCode, alg, now)));
        }
        return active;
    }

    private ActiveKey loadActive(String departmentCode, KeyAlgorithm algorithm) {
        requireSigningDepartment(departmentCode);
        SigningKey key = activeRow(departmentCode, algorithm);
        if (key == null) {
            ensureInTransaction(departmentCode);
            key = activeRow(departmentCode, algorithm);
        }
        KeyEncryption encryption = kek.encryption();
        if (!encryption.kekId().equals(key.kekId)) {
            throw new IllegalStateException("Signing key " + key.kid + " of " + departmentCode + " was sealed under KEK "
                    + key.kekId + " but the configured KEK is " + encryption.kekId());
        }
        byte[] privateKey;
        try {
            privateKey = encryption.decrypt(key.privateKeySealed, associatedData(departmentCode, key.kid));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing key " + key.kid + " of " + departmentCode
                    + " does not decrypt under the configured KEK (altered row?)", e);
        }
        try {
            Signatures.Signer signer = Signatures.signer(algorithm, privateKey, key.publicKey);
            return new ActiveKey(key.kid, departmentCode, algorithm, JoseAdapters.signer(algorithm, signer), System.nanoTime());
        } finally {
            Arrays.fill(privateKey, (byte) 0);
        }
    }

    private SigningKey create(String departmentCode, KeyAlgorithm algorithm, Instant now) {
        RawKeyPair pair = Signatures.generate(algorithm);
        try {
            SigningKey key = new SigningKey();
            key.kid = Jwk.thumbprint(algorithm, pair.publicKey());
            key.departmentCode = departmentCode;
            key.algorithm = algorithm;
            key.state = KeyState.ACTIVE;
            key.publicKey = pair.publicKey();
            KeyEncryption encryption = kek.encryption();
            key.privateKeySealed = encryption.encrypt(pair.privateKey(), associatedData(departmentCode, key.kid));
            key.kekId = encryption.kekId();
            key.activatedAt = now;
            key.persist();
            SigningKey.flush();
            changed.fire(new KeysChanged(departmentCode));
            LOG.infof("Created %s signing key %s for %s", algorithm, key.kid, departmentCode);
            return key;
        } finally {
            Arrays.fill(pair.privateKey(), (byte) 0);
        }
    }

    private static SigningKey activeRow(String departmentCode, KeyAlgorithm algorithm) {
        return SigningKey.<SigningKey>find("departmentCode = ?1 and algorithm = ?2 and state = ?3", departmentCode,
                algorithm, KeyState.ACTIVE).firstResult();
    }

    /** The department exists, is active, and signs (issuer or justice bureau). */
    private void requireSigningDepartment(String departmentCode) {
        DepartmentView d = departments.find(departmentCode)
                .orElseThrow(() -> ApiException.notFound(Messages.DEPARTMENT_NOT_FOUND.formatted(departmentCode)));
        if (!d.active()) {
            throw ApiException.conflict(Messages.KEYS_DEPARTMENT_INACTIVE.formatted(departmentCode));
        }
        if (!d.roles().contains(DepartmentRole.ISSUER) && !d.roles().contains(DepartmentRole.REVIEWER)) {
            throw ApiException.unprocessable(Messages.KEYS_DEPARTMENT_CANNOT_SIGN.formatted(departmentCode));
        }
    }

    /** Serializes key changes of one department across transactions and replicas. */
    private void lock(String departmentCode) {
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(:ns, hashtext(:dept))) l")
                .setParameter("ns", LOCK_NAMESPACE).setParameter("dept", departmentCode).getSingleResult();
    }

    private Directory directory() {
        Directory d = directory;
        if (d == null || expired(d.loadedNanos())) {
            synchronized (this) {
                d = directory;
                if (d == null || expired(d.loadedNanos())) {
                    d = QuarkusTransaction.requiringNew().call(this::loadDirectory);
                    directory = d;
                }
            }
        }
        return d;
    }

    private Directory loadDirectory() {
        Instant now = clock.instant();
        List<SigningKey> rows = SigningKey.list("state = ?1 or publishUntil > ?2", KeyState.ACTIVE, now);
        List<PublishedKey> keys = new ArrayList<>();
        for (SigningKey row : rows) {
            PublishedKey key = publishedKey(row);
            if (key != null) {
                keys.add(key);
            }
        }
        keys.sort(Comparator.comparing(PublishedKey::departmentCode).thenComparing(PublishedKey::algorithm)
                .thenComparing(PublishedKey::activatedAt, Comparator.reverseOrder()).thenComparing(PublishedKey::kid));
        Map<String, PublishedKey> byKid = new ConcurrentHashMap<>();
        keys.forEach(k -> byKid.put(k.kid(), k));
        return new Directory(byKid, List.copyOf(keys), System.nanoTime());
    }

    private static PublishedKey publishedKey(SigningKey row) {
        try {
            JWSVerifier verifier = JoseAdapters.verifier(row.algorithm, Signatures.verifier(row.algorithm, row.publicKey));
            return new PublishedKey(row.kid, row.departmentCode, row.algorithm, row.state, row.activatedAt, row.retiredAt,
                    row.publishUntil, row.compromisedAt, row.publicKey.clone(), verifier);
        } catch (IllegalArgumentException e) {
            LOG.errorf("Signing key %s of %s has an unusable public key and is not published: %s", row.kid,
                    row.departmentCode, e.getMessage());
            return null;
        }
    }

    private boolean expired(long loadedNanos) {
        return System.nanoTime() - loadedNanos > config.keys().cacheTtl().toNanos();
    }

    private Duration retention() {
        return config.keys().retiredRetention();
    }

    static byte[] associatedData(String departmentCode, String kid) {
        return ("certfree-signing-key\u0000" + departmentCode + "\u0000" + kid).getBytes(StandardCharsets.UTF_8);
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyView view(SigningKey k) {
        return new KeyView(k.kid, k.departmentCode, k.algorithm, k.algorithm.jwsAlg(), k.state, k.activatedAt,
                k.retiredAt, k.publishUntil, k.compromisedAt, k.compromiseReason, Jwk.publicJwk(k.algorithm, k.publicKey));
    }

    /** Compromise instants compare with {@code iat} (whole seconds): rounded down, so the boundary second counts as compromised. */
    static Instant compromiseSecond(Instant compromisedAt) {
        return compromisedAt.truncatedTo(ChronoUnit.SECONDS);
    }
}
