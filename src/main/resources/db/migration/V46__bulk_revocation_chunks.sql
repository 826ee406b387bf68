-- Issue #16, item 3: bulk revocation in chunks on both cores. A run (the revocation request: selection, actor,
-- reason, note, state) is stored first with its selected proofs split into chunks; each chunk is revoked, with its
-- audit and holder-log rows, in a transaction of its own that also marks the chunk done. A kill -9 mid-run leaves
-- each chunk's proofs revoked with their rows, or untouched; the same request repeated (same Idempotency-Key, or
-- the same selection, reason and note) finds the RUNNING run and does the chunks not yet done. Workers claim a
-- chunk with FOR UPDATE SKIP LOCKED, so two replicas resuming one run never revoke or log a proof twice.

CREATE TABLE revocation_run (
    id                 UUID         PRIMARY KEY,
    department         VARCHAR(32)  NOT NULL,
    requested_by       VARCHAR(128) NOT NULL,
    idempotency_key    VARCHAR(100),
    -- SHA-256 (hex) of the selector, its parameters (numbers sorted), the reason and the note
    fingerprint        VARCHAR(64)  NOT NULL,
    selector           VARCHAR(10)  NOT NULL CHECK (selector IN ('numbers', 'matter', 'key')),
    reason             VARCHAR(32)  NOT NULL,
    note               VARCHAR(500) NOT NULL,
    state              VARCHAR(10)  NOT NULL CHECK (state IN ('RUNNING', 'DONE')),
    chunks             INTEGER      NOT NULL CHECK (chunks >= 0),
    listed             INTEGER,
    not_found          INTEGER,
    not_found_numbers  TEXT[],
    -- a key selector's: its plan read only the proofs issued since just before the instant, and each chunk keeps
    -- those of them that this key signed at or after it (the signature headers are read on the chunks' connections)
    key_kid            VARCHAR(128),
    key_from           TIMESTAMPTZ,
    created_at         TIMESTAMPTZ  NOT NULL,
    finished_at        TIMESTAMPTZ,
    CONSTRAINT revocation_run_finished CHECK ((state = 'DONE') = (finished_at IS NOT NULL))
);
CREATE INDEX revocation_run_open_idx ON revocation_run (department, fingerprint) WHERE state = 'RUNNING';
CREATE INDEX revocation_run_key_idx ON revocation_run (department, requested_by, idempotency_key)
    WHERE idempotency_key IS NOT NULL;

-- Chunk 0 holds what the selection found not revocable when the run was planned (already revoked, superseded,
-- under dispute: done at once); chunks 1.. the ids of the proofs to revoke, dropped once the chunk is done.
-- The numbers columns keep the first 1,000 (in number order) of each kind, for the answer.
CREATE TABLE revocation_chunk (
    run_id             UUID         NOT NULL REFERENCES revocation_run (id),
    seq                INTEGER      NOT NULL CHECK (seq >= 0),
    proof_ids          UUID[],
    done_at            TIMESTAMPTZ,
    revoked            INTEGER      NOT NULL DEFAULT 0,
    already_revoked    INTEGER      NOT NULL DEFAULT 0,
    superseded         INTEGER      NOT NULL DEFAULT 0,
    disputed           INTEGER      NOT NULL DEFAULT 0,
    already_numbers    TEXT[],
    disputed_numbers   TEXT[],
    PRIMARY KEY (run_id, seq),
    CONSTRAINT revocation_chunk_done CHECK ((done_at IS NULL) = (proof_ids IS NOT NULL))
);
-- what a worker claims next
CREATE INDEX revocation_chunk_open_idx ON revocation_chunk (run_id, seq) WHERE done_at IS NULL;

-- The matter selector (a matter's proofs issued on some days) had only (issuer_dept, issued_at) to go by: it read
-- every proof the department issued on those days, of all its matters, to keep one matter's. A matter belongs to
-- one department, so (matter_code, issued_at) reads only what it selects (bench/bulk-revoke.sh prints both plans).
CREATE INDEX proof_matter_issued_idx ON proof (matter_code, issued_at);
