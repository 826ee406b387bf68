package org.certfree.proofs.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.certfree.proofs.common.merkle.MerkleHash;
import org.certfree.proofs.common.merkle.MerkleTree;
import org.certfree.proofs.keys.Jws;
import org.certfree.proofs.system.background.Periodic;
import org.certfree.proofs.system.integrity.SealedLog;
import org.certfree.proofs.system.log.BusinessEvents;
import org.jboss.logging.Logger;

/**
 * Seals the append-only logs (every {@link SealedLog}: the audit log, the holders' access log) about
 * once a second: in one transaction holding an advisory lock (one sealer over all replicas), it reads
 * the horizon {@code h} = xmin of a fresh snapshot — every transaction with a lower id has ended, so
 * the rows with {@code txid < h} are final — and, per log, signs a {@link Checkpoint} over the rows
 * from the last checkpoint's horizon up to {@code h}, chained to it. A range without rows gets no
 * checkpoint (the next one starts where the last ended), so an idle service writes nothing.
 *
 * <p>The writers do nothing for this: their rows' {@code txid} is a column default. Without a
 * justice bureau (an active REVIEWER department) to sign, nothing is sealed and rows wait.
 *
 * <p>Each checkpoint is also logged ({@code log.sealed}, with its payload hash) so a copy of the chain
 * lives outside the database, and remembered by this replica, whose check reports it gone.
 */
@ApplicationScoped
public class Sealer {

    private static final Logger LOG = Logger.getLogger(Sealer.class);

    /** Pause between two sealing rounds. */
    static final long PERIOD_MILLIS = 1000;

    @Inject
    @Any
    Instance<SealedLog> logs;

    @Inject
    Checkpoints checkpoints;

    @Inject
    Jws jws;

    @Inject
    Clock clock;

    /** The last checkpoint this replica wrote, per log: its seq and payload hash. */
    private final Map<String, Checkpoint> written = new ConcurrentHashMap<>();

    private volatile Periodic loop;

    void onStart(@Observes StartupEvent event) {
        loop = Periodic.start("log-sealer", "Sealing the logs", PERIOD_MILLIS, () -> seal(false), LOG);
    }

    void onStop(@Observes ShutdownEvent event) {
        Periodic p = loop;
        if (p != null) {
            p.stop();
        }
    }

    /** Seals now, waiting for another sealer to finish first; for tests, so they need not sleep. */
    List<Checkpoint> sealNow() {
        return seal(true);
    }

    /** One round: the checkpoints written (none when another replica holds the lock or nothing is new). */
    List<Checkpoint> seal(boolean wait) {
        List<Checkpoint> sealed = QuarkusTransaction.requiringNew().call(() -> {
            List<Checkpoint> out = new ArrayList<>();
            Optional<Long> horizon = checkpoints.lockAndHorizon(wait);
            if (horizon.isEmpty()) {
                return out;
            }
            for (SealedLog log : logs) {
                sealOne(log, horizon.get()).ifPresent(out::add);
            }
            return out;
        });
        for (Checkpoint c : sealed) { // committed
            written.put(c.log(), c);
            BusinessEvents.log("log.sealed", "log", c.log(), "seq", c.seq(), "rows", c.size(), "horizon", c.horizonTo(),
                    "root", c.root(), "hash", c.hash(), "dept", c.authority());
        }
        return sealed;
    }

    private Optional<Checkpoint> sealOne(SealedLog log, long horizon) {
        Optional<Checkpoint> last = checkpoints.last(log.name());
        long from = last.map(Checkpoint::horizonTo).orElse(0L);
        if (horizon <= from) {
            return Optional.empty();
        }
        Optional<String> signer = checkpoints.authority(last.map(Checkpoint::authority).orElse(null));
        if (signer.isEmpty()) {
            return Optional.empty(); // no justice bureau yet: the rows wait
        }
        String authority = signer.get();
        List<byte[]> leaves = new ArrayList<>();
        log.rows(from, horizon, row -> leaves.add(MerkleHash.leaf(row.leaf())));
        if (leaves.isEmpty()) {
            return Optional.empty();
        }
        String root = MerkleHash.toHex(MerkleTree.of(leaves).rootHash());
        Instant signedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Checkpoint unsigned = new Checkpoint(log.name(), last.map(c -> c.seq() + 1).orElse(1L), from, horizon, leaves.size(),
                root, last.map(Checkpoint::hash).orElse(null), authority, signedAt, null, null);
        String payload = unsigned.payload();
        String signature = jws.signGeneralJson(authority, payload.getBytes(StandardCharsets.UTF_8), Checkpoint.JWS_TYP);
        Checkpoint signed = new Checkpoint(unsigned.log(), unsigned.seq(), from, horizon, unsigned.size(), root,
                unsigned.previous(), authority, signedAt, payload, signature);
        checkpoints.insert(signed);
        return Optional.of(signed);
    }

    /** The last checkpoint this replica wrote of {@code log}, if any. */
    Optional<Checkpoint> lastWritten(String log) {
        return Optional.ofNullable(written.get(log));
    }
}
