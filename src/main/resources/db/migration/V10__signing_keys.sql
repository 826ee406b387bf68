-- Departments' signing keys (feature keys): one ACTIVE key per department and algorithm; rotation
-- retires the old one (still published for verification until publish_until); compromise marks a key
-- from an instant. Rows are never deleted. The private key is stored only sealed with AES-256-GCM
-- under the key-encryption key named by kek_id (associated data: department code and kid).
-- department_code is not a foreign key: features share no tables; the service checks departments.
CREATE TABLE signing_key (
    kid                    VARCHAR(64)  PRIMARY KEY,
    department_code        VARCHAR(32)  NOT NULL,
    algorithm              VARCHAR(16)  NOT NULL,
    state                  VARCHAR(16)  NOT NULL,
    public_key             BYTEA        NOT NULL,
    private_key_sealed     BYTEA        NOT NULL,
    kek_id                 VARCHAR(32)  NOT NULL,
    activated_at           TIMESTAMPTZ  NOT NULL,
    retired_at             TIMESTAMPTZ,
    publish_until          TIMESTAMPTZ,
    compromised_at         TIMESTAMPTZ,
    compromise_reason      VARCHAR(500),
    compromise_reported_at TIMESTAMPTZ,
    compromise_reported_by VARCHAR(128),
    version                INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT signing_key_algorithm CHECK (algorithm IN ('SM2_SM3', 'ED25519')),
    CONSTRAINT signing_key_state CHECK (state IN ('ACTIVE', 'RETIRED', 'COMPROMISED')),
    CONSTRAINT signing_key_public_length CHECK (
        (algorithm = 'SM2_SM3' AND octet_length(public_key) = 64)
        OR (algorithm = 'ED25519' AND octet_length(public_key) = 32)),
    CONSTRAINT signing_key_active_is_current CHECK (
        state <> 'ACTIVE' OR (retired_at IS NULL AND publish_until IS NULL AND compromised_at IS NULL)),
    CONSTRAINT signing_key_inactive_is_dated CHECK (
        state = 'ACTIVE' OR (retired_at IS NOT NULL AND publish_until IS NOT NULL)),
    CONSTRAINT signing_key_compromise_instant CHECK ((state = 'COMPROMISED') = (compromised_at IS NOT NULL))
);

CREATE UNIQUE INDEX signing_key_one_active ON signing_key (department_code, algorithm) WHERE state = 'ACTIVE';
CREATE INDEX signing_key_department_idx ON signing_key (department_code, activated_at DESC);
CREATE INDEX signing_key_published_idx ON signing_key (publish_until);
