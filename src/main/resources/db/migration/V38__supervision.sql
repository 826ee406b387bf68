-- Issue #15, items 2 and 3: disputes on published list entries and complaints that a unit demanded a proof.
-- Both are handled by the justice bureau (a department with the REVIEWER role). Free text may name people:
-- it is stored encrypted (*_enc, AES-GCM, system.crypto.PersonalDataProtector). Who filed is stored as the
-- caller's actor (a staff id, or "holder:" + blind index for a citizen), never a resident ID in clear.

-- A dispute (异议) on a matter as published: "this proof should be cancelled", "its legal basis was repealed".
-- Upheld, change_matter_code/change_version name the catalogue version drafted for the next batch
-- (the link back: GET /api/v1/list-disputes?matter=).
CREATE TABLE list_dispute (
    id                 UUID         PRIMARY KEY,
    matter_code        VARCHAR(48)  NOT NULL,
    list_kind          VARCHAR(16)  NOT NULL CHECK (list_kind IN ('RETAINED', 'CANCELLED', 'NOTIFY_COMMIT')),
    matter_version     INTEGER      NOT NULL,
    batch_number       VARCHAR(64)  NOT NULL,
    claim              VARCHAR(32)  NOT NULL CHECK (claim IN ('SHOULD_BE_CANCELLED', 'LEGAL_BASIS_REPEALED', 'OTHER')),
    text_enc           TEXT         NOT NULL,
    opened_by          VARCHAR(128) NOT NULL,
    opened_at          TIMESTAMPTZ  NOT NULL,
    status             VARCHAR(16)  NOT NULL CHECK (status IN ('OPEN', 'UPHELD', 'DISMISSED')),
    answer_enc         TEXT,
    change_matter_code VARCHAR(48),
    change_version     INTEGER,
    closed_by          VARCHAR(128),
    closed_at          TIMESTAMPTZ,
    lock_version       INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT list_dispute_closed CHECK ((status = 'OPEN') = (closed_at IS NULL)),
    CONSTRAINT list_dispute_upheld_change CHECK (status <> 'UPHELD' OR change_version IS NOT NULL)
);
CREATE INDEX list_dispute_matter ON list_dispute (matter_code, opened_at DESC);
CREATE INDEX list_dispute_opener ON list_dispute (opened_by, opened_at DESC);
CREATE INDEX list_dispute_status ON list_dispute (status, opened_at DESC);

-- A complaint (违规索要证明) that a unit demanded a proof it should not have. evidence: the point-in-time
-- answer (publication.ListHistory) for the matter at the demand date, taken when the complaint was filed.
CREATE TABLE demand_complaint (
    id                 UUID         PRIMARY KEY,
    department_code    VARCHAR(32)  NOT NULL,
    matter_code        VARCHAR(48),
    matter_name        VARCHAR(200) NOT NULL,
    ground             VARCHAR(24)  NOT NULL CHECK (ground IN ('CANCELLED', 'NOT_RETAINED', 'VERIFIABLE_ONLINE')),
    demanded_on        DATE         NOT NULL,
    description_enc    TEXT         NOT NULL,
    evidence           JSONB,
    complainant        VARCHAR(128) NOT NULL,
    filed_at           TIMESTAMPTZ  NOT NULL,
    status             VARCHAR(16)  NOT NULL
        CHECK (status IN ('ASSIGNED', 'INVESTIGATING', 'FOUNDED', 'DISMISSED')),
    investigator       VARCHAR(128),
    outcome_enc        TEXT,
    closed_by          VARCHAR(128),
    closed_at          TIMESTAMPTZ,
    lock_version       INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT demand_complaint_closed CHECK ((status IN ('FOUNDED', 'DISMISSED')) = (closed_at IS NOT NULL))
);
CREATE INDEX demand_complaint_unit ON demand_complaint (department_code, filed_at);
CREATE INDEX demand_complaint_complainant ON demand_complaint (complainant, filed_at DESC);
CREATE INDEX demand_complaint_status ON demand_complaint (status, filed_at DESC);
