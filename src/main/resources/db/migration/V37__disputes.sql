-- Issue #15 item 1: disputes (异议) on proofs and pledge documents, and their suspension while open.
--
-- The suspension is the proof feature's (it is read on every verification and published in the status
-- list): two columns of proof outside the immutability trigger's list (V31 proof_content_is_immutable),
-- so they change on a VALID proof and are cleared on any; suspension_changed_at moves on every suspend
-- and lift so the status list knows when to republish (a suspension is reversible: a count cannot tell).
ALTER TABLE proof ADD COLUMN suspended_at TIMESTAMPTZ;
ALTER TABLE proof ADD COLUMN suspension_ref UUID;
ALTER TABLE proof ADD COLUMN suspension_changed_at TIMESTAMPTZ;
ALTER TABLE proof ADD CONSTRAINT proof_suspension CHECK ((suspended_at IS NULL) = (suspension_ref IS NULL));
CREATE INDEX proof_suspended ON proof (issuer_dept, status_list_index) WHERE suspended_at IS NOT NULL;

-- What the last published list knew of the suspensions (count and latest change): fresh while equal.
ALTER TABLE status_list_publication ADD COLUMN suspension_mark VARCHAR(64);

CREATE TABLE dispute (
    id               UUID PRIMARY KEY,
    proof_number     VARCHAR(32)  NOT NULL REFERENCES proof (number),
    document_kind    VARCHAR(8)   NOT NULL CHECK (document_kind IN ('PROOF', 'PLEDGE')),
    issuer_dept      VARCHAR(32)  NOT NULL,
    holder_index     VARCHAR(128) NOT NULL,
    opener_kind      VARCHAR(16)  NOT NULL CHECK (opener_kind IN ('HOLDER', 'USING_UNIT')),
    opener_unit      VARCHAR(32),
    opened_by        VARCHAR(200) NOT NULL,
    reason_enc       TEXT         NOT NULL,
    opened_at        TIMESTAMPTZ  NOT NULL,
    due_on           DATE         NOT NULL,
    due_provisional  BOOLEAN      NOT NULL,
    opened_jws       TEXT         NOT NULL,
    status           VARCHAR(16)  NOT NULL CHECK (status IN ('OPEN', 'UPHELD', 'DISMISSED')),
    outcome          VARCHAR(16)  CHECK (outcome IN ('DISMISSED', 'REISSUE', 'REVOKE')),
    note_enc         TEXT,
    decided_by       VARCHAR(200),
    decided_at       TIMESTAMPTZ,
    successor_number VARCHAR(32),
    decision_jws     TEXT,
    version          INT          NOT NULL DEFAULT 0,
    CONSTRAINT dispute_decided CHECK ((status = 'OPEN') = (decided_at IS NULL)
        AND (status = 'OPEN') = (outcome IS NULL) AND (status = 'OPEN') = (decision_jws IS NULL))
);
-- one open dispute per document: a second answers 409 with the open one's location
CREATE UNIQUE INDEX dispute_one_open ON dispute (proof_number) WHERE status = 'OPEN';
CREATE INDEX dispute_by_dept ON dispute (issuer_dept, opened_at DESC);
CREATE INDEX dispute_by_holder ON dispute (holder_index, opened_at DESC);
CREATE INDEX dispute_open_due ON dispute (due_on) WHERE status = 'OPEN';
CREATE TRIGGER dispute_no_truncate BEFORE TRUNCATE ON dispute FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
