-- Proof matters (证明事项) of the three lists and their reviewed versions (feature catalog).
-- A matter's code, kind and department never change; what it says is versioned. A version goes
-- DRAFT -> SUBMITTED -> APPROVED | REJECTED; approved and rejected versions are never changed in
-- place (trigger below), an amendment is a new version.
CREATE SEQUENCE matter_code_seq START 1;

CREATE TABLE proof_matter (
    code            VARCHAR(48)  PRIMARY KEY,
    kind            VARCHAR(16)  NOT NULL,
    department_code VARCHAR(32)  NOT NULL,
    -- copies of the latest version, so the catalogue can be searched without a join
    name            VARCHAR(100) NOT NULL,
    scenarios       JSONB        NOT NULL,
    latest_number   INTEGER      NOT NULL,
    latest_status   VARCHAR(16)  NOT NULL,
    search_text     TEXT         NOT NULL,
    search_grams    TEXT[]       GENERATED ALWAYS AS (text_grams(search_text)) STORED,
    created_by      VARCHAR(128) NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    lock_version    INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT proof_matter_code_format CHECK (code ~ '^[A-Z][A-Z0-9-]{2,47}$'),
    CONSTRAINT proof_matter_kind CHECK (kind IN ('RETAINED', 'CANCELLED', 'NOTIFY_COMMIT')),
    CONSTRAINT proof_matter_status CHECK (latest_status IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED'))
);

CREATE INDEX proof_matter_kind_idx ON proof_matter (kind, code);
CREATE INDEX proof_matter_department_idx ON proof_matter (department_code, code);
CREATE INDEX proof_matter_status_idx ON proof_matter (latest_status, code);
CREATE INDEX proof_matter_scenarios_idx ON proof_matter USING gin (scenarios jsonb_path_ops) WITH (fastupdate = off);
CREATE INDEX proof_matter_grams_idx ON proof_matter USING gin (search_grams) WITH (fastupdate = off);

CREATE TABLE matter_version (
    id              BIGSERIAL    PRIMARY KEY,
    matter_code     VARCHAR(48)  NOT NULL REFERENCES proof_matter (code),
    number          INTEGER      NOT NULL,
    proposal        VARCHAR(16)  NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    name            VARCHAR(100) NOT NULL,
    description     VARCHAR(1000),
    scenarios       JSONB        NOT NULL,
    details         JSONB        NOT NULL,
    removal_reason  VARCHAR(500),
    review_comment  VARCHAR(500),
    created_by      VARCHAR(128) NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_by      VARCHAR(128) NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    submitted_by    VARCHAR(128),
    submitted_at    TIMESTAMPTZ,
    reviewed_by     VARCHAR(128),
    reviewer_department VARCHAR(32),
    reviewed_at     TIMESTAMPTZ,
    lock_version    INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT matter_version_number UNIQUE (matter_code, number),
    CONSTRAINT matter_version_proposal CHECK (proposal IN ('CONTENT', 'REMOVAL')),
    CONSTRAINT matter_version_status CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED')),
    CONSTRAINT matter_version_rejection_reason CHECK (status <> 'REJECTED' OR review_comment IS NOT NULL),
    CONSTRAINT matter_version_removal_reason CHECK (proposal <> 'REMOVAL' OR removal_reason IS NOT NULL),
    CONSTRAINT matter_version_reviewed CHECK (status NOT IN ('APPROVED', 'REJECTED')
        OR (reviewed_by IS NOT NULL AND reviewed_at IS NOT NULL))
);

-- At most one version of a matter is open for editing or review at a time.
CREATE UNIQUE INDEX matter_version_one_open_idx ON matter_version (matter_code)
    WHERE status IN ('DRAFT', 'SUBMITTED');
CREATE INDEX matter_version_status_idx ON matter_version (status, matter_code);

-- Belt and braces: a reviewed version is final, whatever code runs against the database.
CREATE FUNCTION matter_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status IN ('APPROVED', 'REJECTED') THEN
        RAISE EXCEPTION 'matter version %/% is % and cannot be changed', OLD.matter_code, OLD.number, OLD.status
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER matter_version_final BEFORE UPDATE OR DELETE ON matter_version
    FOR EACH ROW EXECUTE FUNCTION matter_version_guard();
