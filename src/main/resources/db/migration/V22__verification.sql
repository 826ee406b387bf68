-- 用证清单 (seed 四.(一).2): which using unit may verify or retrieve which proof matter, for which
-- handling matter and business system. Kept by ADMIN, readable by everyone.
CREATE TABLE usage_entry (
    id                UUID         PRIMARY KEY,
    unit_code         VARCHAR(32)  NOT NULL,
    service_matter    VARCHAR(200) NOT NULL,
    business_system   VARCHAR(200) NOT NULL,
    proof_matter_code VARCHAR(64)  NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL,
    created_by        VARCHAR(128) NOT NULL,
    CONSTRAINT usage_entry_unique UNIQUE (unit_code, proof_matter_code, service_matter)
);
CREATE INDEX usage_entry_matter_idx ON usage_entry (proof_matter_code, unit_code);

-- A holder's consent that a using unit may retrieve the full content of their proofs of a matter.
CREATE TABLE consent (
    id                UUID         PRIMARY KEY,
    subject_id_index  VARCHAR(64)  NOT NULL,
    unit_code         VARCHAR(32)  NOT NULL,
    matter_code       VARCHAR(64)  NOT NULL,
    purpose           VARCHAR(200) NOT NULL,
    granted_at        TIMESTAMPTZ  NOT NULL,
    expires_at        TIMESTAMPTZ  NOT NULL,
    revoked_at        TIMESTAMPTZ,
    CONSTRAINT consent_period CHECK (expires_at > granted_at)
);
CREATE INDEX consent_lookup_idx ON consent (subject_id_index, unit_code, matter_code);

-- Every verification and retrieval, answered on the issuing department's authority. This is also
-- the holder's "who accessed my proofs" log: append-only, no API edits or deletes it.
CREATE TABLE verification (
    id                  UUID         PRIMARY KEY,
    proof_number        VARCHAR(32),
    subject_id_index    VARCHAR(64),
    issuer_dept         VARCHAR(32),
    matter_code         VARCHAR(64),
    unit_code           VARCHAR(32)  NOT NULL,
    verifier            VARCHAR(128) NOT NULL,
    purpose             VARCHAR(200) NOT NULL,
    service_matter      VARCHAR(200),
    indication          VARCHAR(32)  NOT NULL,
    sub_indication      VARCHAR(32),
    proof_status        VARCHAR(16),
    retrieved           BOOLEAN      NOT NULL,
    consent_id          UUID,
    verified_at         TIMESTAMPTZ  NOT NULL,
    receipt             TEXT
);
CREATE INDEX verification_subject_idx ON verification (subject_id_index, verified_at DESC);
CREATE INDEX verification_unit_idx ON verification (unit_code, verified_at DESC);
CREATE INDEX verification_issuer_idx ON verification (issuer_dept, verified_at DESC);

CREATE FUNCTION verification_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the verification log is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER verification_append_only BEFORE UPDATE OR DELETE ON verification
    FOR EACH ROW EXECUTE FUNCTION verification_is_append_only();

-- Signed status lists per issuing department, numbered upwards (W3C Bitstring Status List style).
CREATE TABLE status_list_publication (
    issuer_dept   VARCHAR(32)  NOT NULL,
    number        BIGINT       NOT NULL,
    issued_at     TIMESTAMPTZ  NOT NULL,
    valid_until   TIMESTAMPTZ  NOT NULL,
    size          INTEGER      NOT NULL,
    jws           TEXT         NOT NULL,
    PRIMARY KEY (issuer_dept, number)
);
CREATE INDEX proof_revoked_idx ON proof (issuer_dept, revoked_at) WHERE status <> 'VALID';
