-- Issue #12, item 4: the holders' access log and the audit log are sealed (tamper-evident).
--
-- The holders' access log gets audit_event's txid column (V29). A default, so the hot path's
-- INSERT is unchanged; BRIN, not B-tree: txids grow with the table's physical order, and a BRIN index costs next to
-- nothing per insert while still finding the unsealed tail (unsummarised ranges are always read).
ALTER TABLE verification ADD COLUMN txid BIGINT NOT NULL DEFAULT pg_current_xact_id()::text::bigint;
CREATE INDEX verification_txid_idx ON verification USING brin (txid);

-- Signed checkpoints of the sealed logs ("audit-log", "access-log"). Checkpoint seq covers exactly
-- the rows with horizon_from <= txid < horizon_to, ordered by (txid, id): horizon_to was the xmin of
-- a snapshot, so every transaction below it had ended and those rows can no longer change in number.
-- Each checkpoint's horizon_from is the previous one's horizon_to (0 for the first): the ranges leave
-- no gap. merkle_root is the RFC 9162 root of the rows' leaves, previous_hash the SHA-256 of the
-- previous checkpoint's payload, payload the RFC 8785 JSON of all of it, jws the authority's
-- (the justice bureau's) signature over the payload. Only ranges with rows get a checkpoint.
CREATE TABLE seal_checkpoint (
    log             VARCHAR(32)  NOT NULL,
    seq             BIGINT       NOT NULL,
    horizon_from    BIGINT       NOT NULL,
    horizon_to      BIGINT       NOT NULL,
    row_count       BIGINT       NOT NULL,
    merkle_root     VARCHAR(64)  NOT NULL,
    previous_hash   VARCHAR(64),
    authority_code  VARCHAR(32)  NOT NULL,
    signed_at       TIMESTAMPTZ  NOT NULL,
    payload         TEXT         NOT NULL,
    jws             TEXT         NOT NULL,
    PRIMARY KEY (log, seq),
    CONSTRAINT seal_checkpoint_range CHECK (horizon_from < horizon_to AND row_count > 0)
);
CREATE TRIGGER seal_checkpoint_append_only BEFORE UPDATE OR DELETE ON seal_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER seal_checkpoint_no_truncate BEFORE TRUNCATE ON seal_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();

-- An audit row's MAC (HMAC-SHA256 under the service's index key, which is configuration and never in
-- the database): a row inserted with plain SQL gets a fresh txid and is sealed like any other, so only
-- a key the database does not hold tells it apart. Not on verification: its hot path stays as it was.
ALTER TABLE audit_event ADD COLUMN mac VARCHAR(64) NOT NULL;
