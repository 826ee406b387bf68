package org.certfree.proofs.keys;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.department.DepartmentRole;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.department.dto.DepartmentView;
import org.certfree.proofs.keys.crypto.Jwk;
import org.certfree.proofs.keys.dto.KeyView;
import org.certfree.proofs.keys.pki.CertificateIssuer;
import org.certfree.proofs.system.audit.StaffActions;
import org.certfree.proofs.system.cache.ChangeSignals;
import org.certfree.proofs.system.config.CertfreeConfig;
import org.certfree.proofs.system.log.BusinessEvents;
import org.jboss.logging.Logger;

/**
 * The life of the departments' signing keys: creation (lazily, or by {@link #ensureKeys}), rotation
 * and compromise. Every department that signs (issuers and the justice bureau) has one ACTIVE key per
 * {@link KeyAlgorithm}; retired and compromised keys stay published for verification. Each change is
 * announced under {@link KeyDirectory#TOPIC}, so every replica's {@link KeyDirectory} drops what it holds.
 */
@ApplicationScoped
public class KeyService {

    @Inject
    StaffActions staffActions;

    private static final Logger LOG = Logger.getLogger(KeyService.class);

    /** Namespace of the PostgreSQL advisory locks that serialize key changes per department. */
    private static final int LOCK_NAMESPACE = 0x6b657973; // "keys"

    @Inject
    Clock clock;

    @Inject
    CertfreeConfig config;

    @Inject
    KeyVault vault;

    @Inject
    DepartmentService departments;

    @Inject
    EntityManager em;

    @Inject
    ChangeSignals signals;

    @Inject
    Event<KeyCompromised> compromised;

    @Inject
    CertificateIssuer certificates;

    // ------------------------------------------------------------------ start-up

    /** Warns loudly when stored keys were sealed under another KEK than the configured one. */
    void checkKek(@Observes @Priority(3) StartupEvent event) {
        String current = vault.kekId();
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
        return QuarkusTransaction.requiringNew().call(() -> ensureInTransaction(departmentCode));
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
        lockActiveRows(departmentCode);
        signals.changed(KeyDirectory.TOPIC);
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
        LOG.infof("Keys of %s rotated: new kids %s", departmentCode, created.stream().map(KeyView::kid).toList());
        BusinessEvents.log("keys.rotated", "dept", departmentCode, "outcome", "ok");
        staffActions.record("key.rotated", departmentCode, "department", departmentCode);
        return created;
    }

    /**
     * Declares a key compromised from {@code compromisedAt}: every signature whose signing time is at or
     * after that instant fails verification from now on. An ACTIVE key is also retired and replaced by a
     * new key of its algorithm. A key already compromised can only have its instant moved earlier.
     *
     * <p>In the same transaction, {@link KeyCompromised} tells the features that keep signed records (proofs)
     * to revoke what the key signed from that instant on: the record never calls VALID what no verification
     * can pass. A transaction signing with the key at this moment holds its row ({@link #stillActive}); the
     * compromise waits for it to commit, so what it signed is found too.
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
        signals.changed(KeyDirectory.TOPIC);
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
        if (key.algorithm == KeyAlgorithm.SM2_SM3) {
            certificates.revoke(kid, compromisedAt, now);
        }
        compromised.fire(new KeyCompromised(departmentCode, kid, key.algorithm, compromiseSecond(compromisedAt),
                key.compromiseReason, reportedBy, now));
        if (wasActive) {
            SigningKey replacement = create(departmentCode, key.algorithm, now);
            LOG.warnf("Key %s of %s compromised from %s; replaced by %s", kid, departmentCode, compromisedAt, replacement.kid);
        } else {
            LOG.warnf("Key %s of %s compromised from %s", kid, departmentCode, compromisedAt);
        }
        BusinessEvents.log("key.compromised", "dept", departmentCode, "kid", kid, "replaced", wasActive, "outcome", "ok");
        staffActions.record("key.compromised", departmentCode, "key", kid, "replaced", wasActive);
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

    /**
     * Whether every key of {@code kids} is ACTIVE in the database now — what {@link Jws} asks before it
     * signs, since this replica's memory of the keys may lag a change made on another by a few
     * milliseconds. In the caller's transaction the rows stay locked (FOR SHARE, in kid order) until it
     * ends: a rotation or compromise, which updates them, waits for it. So no replica commits anything
     * signed by a key after the change that retired it has committed.
     */
    boolean stillActive(Collection<String> kids) {
        Set<String> wanted = new HashSet<>(kids);
        return QuarkusTransaction.joiningExisting().call(() -> em.createNativeQuery(
                "SELECT kid FROM signing_key WHERE kid IN (:kids) AND state = 'ACTIVE' ORDER BY kid FOR SHARE")
                .setParameter("kids", wanted)
                .setFlushMode(FlushModeType.COMMIT) // the caller's half-made rows (a batch being signed) stay unflushed
                .getResultList().size() == wanted.size());
    }

    // ------------------------------------------------------------------ internals

    /** Locks the department's ACTIVE key rows in kid order (the order {@link #stillActive} takes them in: no deadlock). */
    private void lockActiveRows(String departmentCode) {
        em.createNativeQuery("SELECT kid FROM signing_key WHERE department_code = :dept AND state = 'ACTIVE' ORDER BY kid FOR UPDATE")
                .setParameter("dept", departmentCode).getResultList();
    }

    private List<KeyView> ensureInTransaction(String departmentCode) {
        requireSigningDepartment(departmentCode);
        lock(departmentCode);
        Instant now = clock.instant();
        List<KeyView> active = new ArrayList<>();
        for (KeyAlgorithm alg : KeyAlgorithm.values()) {
            SigningKey key = findActiveRow(departmentCode, alg);
            active.add(view(key != null ? key : create(departmentCode, alg, now)));
        }
        return active;
    }

    /** A new ACTIVE key; an SM2 key gets its certificate from the demo root in demo mode (production: see the CSR). */
    private SigningKey create(String departmentCode, KeyAlgorithm algorithm, Instant now) {
        signals.changed(KeyDirectory.TOPIC);
        SigningKey key = vault.create(departmentCode, algorithm, now);
        if (algorithm == KeyAlgorithm.SM2_SM3 && certificates.issuesItself()) {
            certificates.issueDemo(key.kid, departmentCode, key.publicKey, now);
        }
        return key;
    }

    /** The department's ACTIVE key row of {@code algorithm}, created (with its siblings) when missing; in a transaction. */
    SigningKey activeRow(String departmentCode, KeyAlgorithm algorithm) {
        requireSigningDepartment(departmentCode);
        SigningKey key = findActiveRow(departmentCode, algorithm);
        if (key == null) {
            ensureInTransaction(departmentCode);
            key = findActiveRow(departmentCode, algorithm);
        } else if (algorithm == KeyAlgorithm.SM2_SM3
                && certificates.ensureDemo(key.kid, departmentCode, key.publicKey, key.activatedAt, true, null)) {
            signals.changed(KeyDirectory.TOPIC); // a key made before V50, or a demo certificate renewed
        }
        return key;
    }

    private static SigningKey findActiveRow(String departmentCode, KeyAlgorithm algorithm) {
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

    private Duration retention() {
        return config.keys().retiredRetention();
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
