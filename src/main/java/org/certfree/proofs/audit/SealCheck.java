package org.certfree.proofs.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.merkle.MerkleHash;
import org.certfree.proofs.common.merkle.MerkleTree;
import org.certfree.proofs.keys.JwsVerification;
import org.certfree.proofs.keys.JwsVerifier;
import org.certfree.proofs.system.integrity.IntegrityFindings;
import org.certfree.proofs.system.integrity.IntegrityFindings.Problem;
import org.certfree.proofs.system.integrity.SealedLog;
import org.certfree.proofs.system.integrity.SealedRow;

/**
 * Recomputes a sealed log against its signed checkpoints: the sequence and txid ranges leave no gap,
 * each checkpoint names the previous one's hash, its payload matches its fields and carries a valid
 * signature of its authority, and the rows now in its range have its count and Merkle root. Rows past
 * the last checkpoint are reported once they are older than {@link #UNSEALED_AFTER} (inserted behind
 * the service's back, or sealing has stopped) — unless there is no authority to seal yet: then they
 * are pending, not a problem. A row whose own check fails ({@link SealedLog#problem}, e.g. the audit
 * log's MAC) is reported by its id. Each problem says which checkpoint (its seq) or row (its id).
 */
@ApplicationScoped
class SealCheck {

    /** Rows older than this and not sealed are reported (the sealer runs every second). */
    static final Duration UNSEALED_AFTER = Duration.ofMinutes(1);

    /** Most unsealed rows reported by id. */
    static final int UNSEALED_LISTED = 20;

    @Inject
    Checkpoints checkpoints;

    @Inject
    JwsVerifier verifier;

    @Inject
    Sealer sealer;

    @Inject
    Clock clock;

    IntegrityFindings check(SealedLog log) {
        List<Problem> problems = new ArrayList<>();
        // what this replica remembers is read first: a checkpoint the background sealer commits while the
        // check runs is then either in both or only among the stored ones, never reported lost by mistake
        Optional<Checkpoint> mine = sealer.lastWritten(log.name());
        List<Checkpoint> all = checkpoints.all(log.name());
        checkChain(all, problems);
        checkRemembered(mine, all, problems);
        long checked = checkRows(log, all, problems);
        long horizon = all.isEmpty() ? 0 : all.get(all.size() - 1).horizonTo();
        if (checkpoints.authority(null).isPresent()) {
            for (SealedRow r : log.unsealed(horizon, clock.instant().minus(UNSEALED_AFTER), UNSEALED_LISTED)) {
                log.problem(r).ifPresent(p -> problems.add(new Problem("ROW_MAC", r.id(), p)));
                problems.add(new Problem("UNSEALED", r.id(), Messages.SEAL_CHECK_UNSEALED.formatted(r.at(), r.txid(), horizon,
                        UNSEALED_AFTER.toSeconds())));
            }
        }
        return new IntegrityFindings(log.name(), checked, problems);
    }

    private void checkChain(List<Checkpoint> all, List<Problem> problems) {
        long expectedSeq = 1;
        long expectedFrom = 0;
        String previous = null;
        for (Checkpoint c : all) {
            String ref = String.valueOf(c.seq());
            if (c.seq() != expectedSeq) {
                problems.add(new Problem("CHAIN", ref, Messages.SEAL_CHECK_SEQ.formatted(expectedSeq, c.seq() - 1)));
            }
            if (c.horizonFrom() != expectedFrom) {
                problems.add(new Problem("CHAIN", ref, Messages.SEAL_CHECK_RANGE.formatted(c.seq(), expectedFrom, c.horizonFrom())));
            }
            if (!Objects.equals(c.previous(), previous)) {
                problems.add(new Problem("CHAIN", ref, Messages.SEAL_CHECK_CHAIN.formatted(c.seq(), c.previous(), previous)));
            }
            String payload = c.payload();
            if (!payload.equals(c.storedPayload())) {
                problems.add(new Problem("SIGNATURE", ref, Messages.SEAL_CHECK_PAYLOAD.formatted(c.seq())));
            }
            JwsVerification v = verifier.verify(c.jws());
            if (!v.valid() || !c.authority().equals(v.departmentCode())
                    || !Arrays.equals(v.payload(), payload.getBytes(StandardCharsets.UTF_8))) {
                problems.add(new Problem("SIGNATURE", ref, Messages.SEAL_CHECK_SIGNATURE.formatted(c.seq(), c.authority())));
            }
            expectedSeq = c.seq() + 1;
            expectedFrom = c.horizonTo();
            previous = c.hash();
        }
    }

    /** The last checkpoint this replica wrote must still be there, unchanged (a truncated chain looks whole). */
    private void checkRemembered(Optional<Checkpoint> mine, List<Checkpoint> all, List<Problem> problems) {
        if (mine.isEmpty()) {
            return;
        }
        Checkpoint c = mine.get();
        boolean present = all.stream().anyMatch(s -> s.seq() == c.seq() && s.hash().equals(c.hash())
                && c.jws().equals(s.jws()));
        if (!present) {
            problems.add(new Problem("CHAIN", String.valueOf(c.seq()), Messages.SEAL_CHECK_LOST.formatted(c.seq(), c.hash())));
        }
    }

    /** Recomputes every checkpoint's count and root from the rows now stored; the number of rows read. */
    private long checkRows(SealedLog log, List<Checkpoint> all, List<Problem> problems) {
        if (all.isEmpty()) {
            return 0;
        }
        RangeWalk walk = new RangeWalk(log, all, problems);
        log.rows(0, all.get(all.size() - 1).horizonTo(), walk::add);
        walk.finish();
        if (walk.outside > 0) {
            problems.add(new Problem("CHAIN", null, Messages.SEAL_CHECK_OUTSIDE.formatted(walk.outside)));
        }
        return walk.rows;
    }

    /** Walks rows in (txid, id) order along the checkpoints' ranges, comparing each range when it ends. */
    private static final class RangeWalk {
        private final SealedLog log;
        private final List<Checkpoint> all;
        private final List<Problem> problems;
        private int index;
        private List<byte[]> leaves = new ArrayList<>();
        long rows;
        long outside;

        RangeWalk(SealedLog log, List<Checkpoint> all, List<Problem> problems) {
            this.log = log;
            this.all = all;
            this.problems = problems;
        }

        void add(SealedRow row) {
            rows++;
            log.problem(row).ifPresent(p -> problems.add(new Problem("ROW_MAC", row.id(), p)));
            while (index < all.size() && row.txid() >= all.get(index).horizonTo()) {
                compare();
            }
            if (index >= all.size() || row.txid() < all.get(index).horizonFrom()) {
                outside++;
                return;
            }
            leaves.add(MerkleHash.leaf(row.leaf()));
        }

        void finish() {
            while (index < all.size()) {
                compare();
            }
        }

        private void compare() {
            Checkpoint c = all.get(index++);
            String ref = String.valueOf(c.seq());
            if (leaves.size() != c.size()) {
                problems.add(new Problem("ROW_COUNT", ref, Messages.SEAL_CHECK_COUNT.formatted(c.seq(), c.range(), c.size(),
                        leaves.size())));
            }
            String root = MerkleHash.toHex(MerkleTree.of(leaves).rootHash());
            if (!root.equals(c.root())) {
                problems.add(new Problem("MERKLE_ROOT", ref, Messages.SEAL_CHECK_ROOT.formatted(c.seq(), c.range(), root,
                        c.root())));
            }
            leaves = new ArrayList<>();
        }
    }
}
