-- Issue #14: 告知承诺 — written pledges instead of proofs, their post-checks (核查) and false-pledge findings.
--
-- A pledge document is signed like a proof and kept in the proof table (kind PLEDGE): verification, the
-- status check, the status list, the QR and the holder's access log treat it as they treat a proof. What
-- belongs to the pledge as a case — the template it binds, where and for what it was made, the draw, the
-- check task, the finding and the objection — is the commitment feature's, in the tables below.
ALTER TABLE proof ADD COLUMN kind VARCHAR(8) NOT NULL DEFAULT 'PROOF'
    CONSTRAINT proof_kind CHECK (kind IN ('PROOF', 'PLEDGE'));
-- A FALSE finding withdrawn on the holder's objection: the revocation stays (final, V28: the status
-- columns never change again), this says the finding no longer stands, so verifications and the status
-- check stop calling the pledge false.
ALTER TABLE proof ADD COLUMN false_finding_withdrawn_at TIMESTAMPTZ
    CONSTRAINT proof_false_finding_withdrawn CHECK (false_finding_withdrawn_at IS NULL
        OR (kind = 'PLEDGE' AND revocation_reason = 'FALSE_PLEDGE'));

-- One pledge. No personal data in clear: the pledger's name, identifier and answers are in the document's
-- encrypted disclosures (proof.disclosures_enc); here only the blind index and masked copies for lists.
-- template_hash: SHA-256 of the RFC 8785 canonical JSON of the published list entry's content (which the
-- batch manifest, a leaf of the transparency log, carries); text: the pledge text shown to the applicant.
-- The draw (抽查): drawn iff the first 8 bytes of SHA-256("certfree-pledge-draw:v1|" + draw_root_hash + "|"
-- + number), read as an unsigned integer, are below ratio/100 × 2^64 — from the tree head published
-- before the pledge and the pledge number, both public and both signed into the document.
CREATE TABLE pledge (
    id                   UUID         PRIMARY KEY,
    number               VARCHAR(32)  NOT NULL UNIQUE REFERENCES proof (number),
    matter_code          VARCHAR(48)  NOT NULL,
    matter_version       INTEGER      NOT NULL,
    matter_name          VARCHAR(100) NOT NULL,
    department_code      VARCHAR(32)  NOT NULL,
    template_batch       VARCHAR(64)  NOT NULL,
    template_hash        VARCHAR(64)  NOT NULL CHECK (template_hash ~ '^[0-9a-f]{64}$'),
    text                 TEXT         NOT NULL,
    text_hash            VARCHAR(64)  NOT NULL CHECK (text_hash ~ '^[0-9a-f]{64}$'),
    using_unit           VARCHAR(32)  NOT NULL,
    service_matter       VARCHAR(200) NOT NULL,
    subject_kind         VARCHAR(16)  NOT NULL,
    subject_id_index     VARCHAR(64)  NOT NULL,
    subject_name_masked  VARCHAR(100) NOT NULL,
    subject_id_masked    VARCHAR(32)  NOT NULL,
    pledged_by           VARCHAR(128) NOT NULL,
    pledged_at           TIMESTAMPTZ  NOT NULL,
    assisted_by          VARCHAR(128),
    identity_check       VARCHAR(32),
    evidence_sha256      VARCHAR(64)  CHECK (evidence_sha256 ~ '^[0-9a-f]{64}$'),
    status               VARCHAR(16)  NOT NULL
        CONSTRAINT pledge_status CHECK (status IN ('PLEDGED', 'CONFIRMED', 'FALSE', 'NOT_VERIFIABLE', 'OVERTURNED')),
    check_method         VARCHAR(24)  NOT NULL,
    check_within_days    INTEGER      NOT NULL,
    sample_ratio_percent INTEGER      CHECK (sample_ratio_percent BETWEEN 1 AND 100),
    draw_tree_size       INTEGER,
    draw_root_hash       VARCHAR(64),
    draw_value           VARCHAR(16),
    drawn                BOOLEAN      NOT NULL,
    -- a FALSE finding: when, and the consequence the template stated (不实承诺的法律后果)
    found_false_at       TIMESTAMPTZ,
    consequence          TEXT,
    -- the holder's objection to a FALSE finding (a simple state; disputes generalise it); the reason and
    -- the department's answer may name people: encrypted, shown to the holder and the department only
    objection_status     VARCHAR(12)  CHECK (objection_status IN ('OPEN', 'UPHELD', 'DISMISSED')),
    objection_reason_enc TEXT,
    objected_at          TIMESTAMPTZ,
    objection_answer_enc TEXT,
    objection_decided_by VARCHAR(128),
    objection_decided_at TIMESTAMPTZ,
    version              INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT pledge_assisted CHECK ((assisted_by IS NULL) = (identity_check IS NULL)
        AND (assisted_by IS NULL) = (evidence_sha256 IS NULL)),
    CONSTRAINT pledge_draw CHECK ((sample_ratio_percent IS NULL AND drawn AND draw_value IS NULL)
        OR (sample_ratio_percent IS NOT NULL AND draw_tree_size IS NOT NULL AND draw_root_hash IS NOT NULL
            AND draw_value IS NOT NULL)),
    -- OVERTURNED: a FALSE finding withdrawn on the holder's objection; the document stays revoked (a
    -- revocation is final, V28), the record says the finding no longer stands
    CONSTRAINT pledge_false CHECK ((status IN ('FALSE', 'OVERTURNED')) = (found_false_at IS NOT NULL)
        AND (found_false_at IS NULL) = (consequence IS NULL)
        AND (status = 'OVERTURNED') = (objection_status IS NOT DISTINCT FROM 'UPHELD')),
    CONSTRAINT pledge_objection CHECK ((objection_status IS NULL) = (objected_at IS NULL)
        AND (objection_status IS NULL OR found_false_at IS NOT NULL)
        AND (objection_status IN ('UPHELD', 'DISMISSED')) = (objection_decided_at IS NOT NULL)
        AND (objection_decided_at IS NULL) = (objection_answer_enc IS NULL))
);
CREATE INDEX pledge_department_idx ON pledge (department_code, pledged_at DESC);
CREATE INDEX pledge_unit_idx ON pledge (using_unit, pledged_at DESC);
CREATE INDEX pledge_subject_idx ON pledge (subject_id_index, pledged_at DESC);

-- The post-check task of a pledge (核查): one per pledge that must be checked (every pledge, or the drawn
-- ones where the template samples). checking_department: the owning department, or the department asked
-- to assist (协查). OPEN → ASSIGNED → RECORDED (a checker's finding) → CLOSED (a reviewer, never the
-- checker, confirms it; or sends it back to ASSIGNED). OVERDUE is not stored: due_date passed, not CLOSED.
-- The findings, the evidence list (its names may name people; a JSON array of {name, sha256}) and the
-- reviewer's comment are encrypted: shown to staff of the two departments only.
CREATE TABLE pledge_check (
    id                   UUID         PRIMARY KEY,
    pledge_id            UUID         NOT NULL UNIQUE REFERENCES pledge (id),
    pledge_number        VARCHAR(32)  NOT NULL,
    matter_code          VARCHAR(48)  NOT NULL,
    department_code      VARCHAR(32)  NOT NULL,
    checking_department  VARCHAR(32)  NOT NULL,
    method               VARCHAR(24)  NOT NULL,
    status               VARCHAR(12)  NOT NULL
        CONSTRAINT pledge_check_status CHECK (status IN ('OPEN', 'ASSIGNED', 'RECORDED', 'CLOSED')),
    created_at           TIMESTAMPTZ  NOT NULL,
    due_date             DATE         NOT NULL,
    due_date_provisional BOOLEAN      NOT NULL,
    assignee             VARCHAR(128),
    assigned_by          VARCHAR(128),
    assigned_at          TIMESTAMPTZ,
    result               VARCHAR(16)  CHECK (result IN ('CONFIRMED', 'FALSE', 'NOT_VERIFIABLE')),
    findings_enc         TEXT,
    evidence_enc         TEXT,
    recorded_by          VARCHAR(128),
    recorded_at          TIMESTAMPTZ,
    reviewed_by          VARCHAR(128),
    reviewed_at          TIMESTAMPTZ,
    review_comment_enc   TEXT,
    closed_at            TIMESTAMPTZ,
    version              INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT pledge_check_assigned CHECK ((status = 'OPEN') = (assignee IS NULL)),
    CONSTRAINT pledge_check_recorded CHECK ((status IN ('RECORDED', 'CLOSED')) = (recorded_at IS NOT NULL)
        AND (recorded_at IS NULL) = (result IS NULL) AND (recorded_at IS NULL) = (recorded_by IS NULL)),
    CONSTRAINT pledge_check_closed CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL)
        AND (closed_at IS NULL OR reviewed_by IS NOT NULL)),
    -- separation of duties, also for whoever bypasses the service
    CONSTRAINT pledge_check_four_eyes CHECK (reviewed_by IS NULL OR reviewed_by <> recorded_by)
);
CREATE INDEX pledge_check_department_idx ON pledge_check (department_code, status, due_date);
CREATE INDEX pledge_check_checking_idx ON pledge_check (checking_department, status, due_date);
CREATE INDEX pledge_check_due_idx ON pledge_check (due_date) WHERE status <> 'CLOSED';

-- Notices to using units about pledges made to them (a FALSE finding, its objection's outcome). The message
-- is built from templates and public values only (number, matter, service matter, department, the template's
-- consequence): no findings, comment or answer, which may name people.
CREATE TABLE pledge_notice (
    id             UUID         PRIMARY KEY,
    unit_code      VARCHAR(32)  NOT NULL,
    pledge_number  VARCHAR(32)  NOT NULL,
    kind           VARCHAR(24)  NOT NULL CHECK (kind IN ('FOUND_FALSE', 'OBJECTION_UPHELD', 'OBJECTION_DISMISSED')),
    message        VARCHAR(500) NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    read_at        TIMESTAMPTZ,
    read_by        VARCHAR(128)
);
CREATE INDEX pledge_notice_unit_idx ON pledge_notice (unit_code, created_at DESC);
