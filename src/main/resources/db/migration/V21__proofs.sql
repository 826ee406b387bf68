-- Proof requests (开具申请) and issued electronic proofs (电子证明). Personal identifiers and names
-- are stored AES-GCM encrypted (*_enc) with an HMAC blind index (*_index) for lookup and a masked
-- copy (*_masked) for display; see PersonalDataProtector.

CREATE TABLE proof_request (
    id                  UUID         PRIMARY KEY,
    matter_code         VARCHAR(64)  NOT NULL,
    matter_version      INTEGER      NOT NULL,
    matter_name         VARCHAR(200) NOT NULL,
    issuer_dept         VARCHAR(32)  NOT NULL,
    requester_kind      VARCHAR(16)  NOT NULL CHECK (requester_kind IN ('CITIZEN', 'USING_UNIT')),
    requester_unit      VARCHAR(32),
    requested_by        VARCHAR(128) NOT NULL,
    consent_ref         VARCHAR(100),
    subject_kind        VARCHAR(16)  NOT NULL,
    subject_name_enc    TEXT         NOT NULL,
    subject_name_masked VARCHAR(100) NOT NULL,
    subject_id_enc      TEXT         NOT NULL,
    subject_id_index    VARCHAR(64)  NOT NULL,
    subject_id_masked   VARCHAR(32)  NOT NULL,
    purpose             VARCHAR(200) NOT NULL,
    status              VARCHAR(16)  NOT NULL CHECK (status IN ('PENDING', 'ISSUED', 'REJECTED')),
    created_at          TIMESTAMPTZ  NOT NULL,
    due_date            DATE         NOT NULL,
    decided_at          TIMESTAMPTZ,
    decided_by          VARCHAR(128),
    reject_reason       VARCHAR(500),
    proof_number        VARCHAR(32),
    version             INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX proof_request_dept_status_idx ON proof_request (issuer_dept, status, due_date);
CREATE INDEX proof_request_subject_idx ON proof_request (subject_id_index);
CREATE INDEX proof_request_unit_idx ON proof_request (requester_unit, created_at);

CREATE TABLE proof (
    id                  UUID         PRIMARY KEY,
    number              VARCHAR(32)  NOT NULL UNIQUE,
    code_enc            TEXT         NOT NULL,
    matter_code         VARCHAR(64)  NOT NULL,
    matter_version      INTEGER      NOT NULL,
    matter_name         VARCHAR(200) NOT NULL,
    issuer_dept         VARCHAR(32)  NOT NULL,
    issuer_name         VARCHAR(100) NOT NULL,
    subject_kind        VARCHAR(16)  NOT NULL,
    subject_name_enc    TEXT         NOT NULL,
    subject_name_masked VARCHAR(100) NOT NULL,
    subject_id_enc      TEXT         NOT NULL,
    subject_id_index    VARCHAR(64)  NOT NULL,
    subject_id_masked   VARCHAR(32)  NOT NULL,
    claims              JSONB        NOT NULL,
    purpose             VARCHAR(200) NOT NULL,
    issued_at           TIMESTAMPTZ  NOT NULL,
    valid_until         TIMESTAMPTZ  NOT NULL,
    status              VARCHAR(16)  NOT NULL CHECK (status IN ('VALID', 'REVOKED', 'SUPERSEDED')),
    revoked_at          TIMESTAMPTZ,
    revocation_reason   VARCHAR(32),
    revocation_note     VARCHAR(500),
    revoked_by          VARCHAR(128),
    superseded_by       VARCHAR(32),
    supersedes          VARCHAR(32),
    status_list_index   INTEGER      NOT NULL,
    payload             TEXT         NOT NULL,
    jws_compact         TEXT         NOT NULL,
    jws_json            TEXT         NOT NULL,
    request_id          UUID         REFERENCES proof_request (id),
    issued_by           VARCHAR(128) NOT NULL,
    version             INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT proof_valid_period CHECK (valid_until > issued_at),
    CONSTRAINT proof_status_list_slot UNIQUE (issuer_dept, status_list_index)
);
CREATE INDEX proof_subject_idx ON proof (subject_id_index, issued_at DESC);
CREATE INDEX proof_dept_issued_idx ON proof (issuer_dept, issued_at DESC);

-- The signed content of a proof never changes after issuance: only status columns may.
CREATE FUNCTION proof_content_is_immutable() RETURNS trigger AS $$
BEGIN
    IF NEW.number <> OLD.number OR NEW.payload <> OLD.payload OR NEW.jws_compact <> OLD.jws_compact
       OR NEW.jws_json <> OLD.jws_json OR NEW.subject_id_index <> OLD.subject_id_index
       OR NEW.issued_at <> OLD.issued_at OR NEW.valid_until <> OLD.valid_until THEN
        RAISE EXCEPTION 'the signed content of proof % cannot change', OLD.number;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER proof_immutable BEFORE UPDATE ON proof FOR EACH ROW EXECUTE FUNCTION proof_content_is_immutable();
CREATE FUNCTION proof_refuse_delete() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'proof % cannot be deleted: revoke it instead', OLD.number;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER proof_no_delete BEFORE DELETE ON proof FOR EACH ROW EXECUTE FUNCTION proof_refuse_delete();

-- What an issuing department holds about a subject for a matter (its data, pushed by its systems):
-- a request for an immediate matter is issued at once from it ("即时开具"); without it the
-- request waits for a person.
CREATE TABLE subject_record (
    issuer_dept         VARCHAR(32)  NOT NULL,
    matter_code         VARCHAR(64)  NOT NULL,
    subject_id_index    VARCHAR(64)  NOT NULL,
    subject_kind        VARCHAR(16)  NOT NULL,
    subject_name_enc    TEXT         NOT NULL,
    subject_id_enc      TEXT         NOT NULL,
    claims              JSONB        NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    updated_by          VARCHAR(128) NOT NULL,
    PRIMARY KEY (issuer_dept, matter_code, subject_id_index)
);
