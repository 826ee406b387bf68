-- #17 item 5: purpose-bound copies (加注件) of a proof. A copy binds one proof to one using unit, one purpose
-- and an expiry; its signed token (a JWS by the issuing department carrying an SD-JWT presentation of the
-- proof with the disclosures the holder chose) is kept encrypted (it holds those disclosures), so the copy's
-- printable or OFD form can be made again from this row alone. No personal data in clear: the holder is
-- named by the blind index of their identifier, as in proof.
CREATE TABLE proof_copy (
    id               UUID         PRIMARY KEY,
    proof_number     VARCHAR(32)  NOT NULL,
    subject_id_index VARCHAR(64)  NOT NULL,
    issuer_dept      VARCHAR(32)  NOT NULL,
    matter_code      VARCHAR(64)  NOT NULL,
    unit_code        VARCHAR(32)  NOT NULL,
    purpose          VARCHAR(200) NOT NULL,
    disclose         JSONB        NOT NULL,
    made_at          TIMESTAMPTZ  NOT NULL,
    expires_at       TIMESTAMPTZ  NOT NULL,
    withdrawn_at     TIMESTAMPTZ,
    made_by          VARCHAR(128) NOT NULL,
    consent_id       UUID,
    token_sha256     VARCHAR(64)  NOT NULL,
    token_enc        TEXT         NOT NULL,
    token_json_enc   TEXT         NOT NULL,
    CONSTRAINT proof_copy_expiry CHECK (expires_at > made_at),
    CONSTRAINT proof_copy_withdrawn CHECK (withdrawn_at IS NULL OR withdrawn_at >= made_at)
);
-- the limit's count (copies of one proof made lately) and the holder's list
CREATE INDEX proof_copy_number_idx ON proof_copy (proof_number, made_at DESC);
CREATE INDEX proof_copy_holder_idx ON proof_copy (subject_id_index, made_at DESC);
