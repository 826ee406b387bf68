-- Issue #17, item 2: each issuing department's electronic seal (GB/T 38540 V4, .esl) that its OFD proofs carry, and
-- the demo seal maker. Feature ofd owns both tables.

-- A department's seals: the current one (replaced_at IS NULL, at most one per department) and every one it replaced,
-- kept for audit (never deleted: an OFD sealed before a rotation still names its seal). A seal is public (every OFD
-- carries it), so nothing here is encrypted. DEMO seals are made by the service's demo seal maker when a department's
-- active SM2 key has no seal listing its certificate; OFFICIAL ones are loaded by an ADMIN from the official seal system.
CREATE TABLE department_seal (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    department_code      VARCHAR(32)  NOT NULL,
    seal_id              VARCHAR(128) NOT NULL,             -- 印章标识 (esID)
    name                 VARCHAR(256) NOT NULL,
    esl                  BYTEA        NOT NULL,             -- DER of SESeal
    valid_from           TIMESTAMPTZ  NOT NULL,
    valid_until          TIMESTAMPTZ  NOT NULL,
    signer_fingerprints  JSONB        NOT NULL,             -- hex SHA-256 of each certificate the seal lists
    maker                VARCHAR(512) NOT NULL,             -- RFC 4514 subject of the seal maker's certificate
    source               VARCHAR(16)  NOT NULL,
    loaded_at            TIMESTAMPTZ  NOT NULL,
    loaded_by            VARCHAR(128) NOT NULL,
    replaced_at          TIMESTAMPTZ,
    CONSTRAINT department_seal_source CHECK (source IN ('DEMO', 'OFFICIAL')),
    CONSTRAINT department_seal_validity CHECK (valid_until > valid_from)
);
CREATE UNIQUE INDEX department_seal_current ON department_seal (department_code) WHERE replaced_at IS NULL;
CREATE INDEX department_seal_history ON department_seal (department_code, loaded_at DESC);

-- The demo seal maker (demo mode only): one SM2 key per database, so every replica makes seals under the same maker,
-- its certificate issued by the demo root, its private key (PKCS#8) sealed under the KEK (AES-256-GCM, associated data
-- "certfree-seal-maker" and the row id) like the demo root's. Production never makes seals.
CREATE TABLE seal_maker (
    id                 VARCHAR(32)  PRIMARY KEY,
    certificate        BYTEA        NOT NULL,
    private_key_sealed BYTEA        NOT NULL,
    kek_id             VARCHAR(32)  NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL
);
