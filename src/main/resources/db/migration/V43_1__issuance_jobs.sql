-- Issue #16, item 2: bulk issuance (批量开具). A department submits up to 100,000 items in one job; the items are
-- stored here on receipt (one transaction: the 202 means every line is durable) and issued by workers in chunks,
-- each chunk committing its proofs and its items' state together, so a kill -9 loses nothing and issues nothing
-- twice: an item is PENDING until the transaction that stored its proof commits.

CREATE TABLE issuance_job (
    id            UUID         PRIMARY KEY,
    department    VARCHAR(32)  NOT NULL,
    submitted_by  VARCHAR(128) NOT NULL,
    status        VARCHAR(10)  NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'CANCELLED')),
    total         INTEGER      NOT NULL CHECK (total >= 0),
    done          INTEGER      NOT NULL DEFAULT 0,
    issued        INTEGER      NOT NULL DEFAULT 0,
    failed        INTEGER      NOT NULL DEFAULT 0,
    duplicates    INTEGER      NOT NULL DEFAULT 0,
    cancelled     INTEGER      NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ  NOT NULL,
    started_at    TIMESTAMPTZ,
    finished_at   TIMESTAMPTZ,
    cancelled_by  VARCHAR(128),
    CONSTRAINT issuance_job_counts CHECK (done = issued + failed + duplicates + cancelled AND done <= total),
    CONSTRAINT issuance_job_finished CHECK ((status IN ('DONE', 'CANCELLED')) = (finished_at IS NOT NULL))
);
CREATE INDEX issuance_job_dept_idx ON issuance_job (department, created_at DESC);
CREATE INDEX issuance_job_open_idx ON issuance_job (created_at) WHERE status IN ('QUEUED', 'RUNNING');

-- One row per line of a job. body_enc is the item as submitted (it names a person: AES-GCM under the
-- personal-data key), kept only while the item waits; body_mac (HMAC under the index key) tells a repeated
-- itemId with the same content (a duplicate: answered with the first one's proof) from one with other content.
-- An itemId is claimed within its department by one PENDING or ISSUED item at a time: a resubmitted job, or the
-- same itemId in another job, never makes a second proof; a FAILED item releases its itemId for a corrected retry.
CREATE TABLE issuance_job_item (
    job_id        UUID         NOT NULL REFERENCES issuance_job (id),
    seq           INTEGER      NOT NULL CHECK (seq > 0),
    item_id       VARCHAR(100) NOT NULL,
    department    VARCHAR(32)  NOT NULL,
    state         VARCHAR(10)  NOT NULL CHECK (state IN ('PENDING', 'ISSUED', 'FAILED', 'DUPLICATE', 'CANCELLED')),
    body_mac      VARCHAR(64)  NOT NULL,
    body_enc      TEXT,
    proof_number  VARCHAR(32),
    duplicate_job UUID,
    duplicate_seq INTEGER,
    error         TEXT,
    PRIMARY KEY (job_id, seq),
    CONSTRAINT issuance_job_item_body CHECK ((state = 'PENDING') = (body_enc IS NOT NULL)),
    CONSTRAINT issuance_job_item_issued CHECK ((state = 'ISSUED') = (proof_number IS NOT NULL)),
    CONSTRAINT issuance_job_item_failed CHECK ((state = 'FAILED') = (error IS NOT NULL)),
    CONSTRAINT issuance_job_item_duplicate CHECK ((state = 'DUPLICATE') = (duplicate_job IS NOT NULL))
);
CREATE UNIQUE INDEX issuance_job_item_claim ON issuance_job_item (department, item_id) WHERE state IN ('PENDING', 'ISSUED');
-- what a worker claims next (FOR UPDATE SKIP LOCKED), in line order
CREATE INDEX issuance_job_item_pending ON issuance_job_item (job_id, seq) WHERE state = 'PENDING';
