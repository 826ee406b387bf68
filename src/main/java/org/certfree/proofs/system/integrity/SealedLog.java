package org.certfree.proofs.system.integrity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An append-only log whose rows are sealed in signed checkpoints (the audit log, the holders' access
 * log). The feature that owns the table provides the bean (it alone names the table); the sealing and
 * its check live in the audit feature, which finds every such bean.
 *
 * <p>The table has a column {@code txid bigint NOT NULL DEFAULT pg_current_xact_id()::text::bigint}:
 * the id of the transaction that wrote the row, which its writer never sets.
 */
public interface SealedLog {

    /** The log's stable name, the scope of its integrity findings: {@code audit-log}, {@code access-log}. */
    String name();

    /**
     * Every row with {@code fromTxid <= txid < toTxid}, ordered by (txid, id), on the calling
     * transaction's connection, streamed to {@code sink} (the whole log can be large).
     */
    void rows(long fromTxid, long toTxid, Consumer<SealedRow> sink);

    /**
     * What is wrong with the row on its own, if anything (e.g. a MAC that does not match): a row forged
     * with a fresh transaction id is sealed like any other, so only a check of the row itself tells it.
     */
    default Optional<String> problem(SealedRow row) {
        return Optional.empty();
    }

    /** Up to {@code limit} rows with {@code txid >= fromTxid} whose own time is before {@code before}. */
    List<SealedRow> unsealed(long fromTxid, Instant before, int limit);
}
