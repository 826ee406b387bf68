-- Issue #13, item 5: 代办 — window-assisted service for people without phones (seed 巴政办发〔2023〕53号
-- 二.(三) 兜底保障 for older and disabled people; 巴政办发〔2023〕51号 四.(一) 帮办).
--
-- agent_authorisation: a holder's authorisation of an agent (a family member) to file proof requests
-- and/or grant consents in the holder's name, put on file at a service window by a clerk who checked
-- identity and scanned the signed (or notarised) paper form. Holder and agent are named by the blind
-- index of their resident IDs (HolderIndex) plus a masked copy for display; of the form only its
-- SHA-256 is kept. Read on every agent action (never cached): a revocation or expiry holds at once
-- on every replica.
CREATE TABLE agent_authorisation (
    id                  UUID         PRIMARY KEY,
    holder_id_index     VARCHAR(64)  NOT NULL,
    holder_name_masked  VARCHAR(100) NOT NULL,
    holder_id_masked    VARCHAR(32)  NOT NULL,
    agent_id_index      VARCHAR(64)  NOT NULL,
    agent_name_masked   VARCHAR(100) NOT NULL,
    agent_id_masked     VARCHAR(32)  NOT NULL,
    relationship        VARCHAR(32)  NOT NULL,
    basis               VARCHAR(32)  NOT NULL,
    covers_requests     BOOLEAN      NOT NULL,
    covers_consents     BOOLEAN      NOT NULL,
    identity_check      VARCHAR(32)  NOT NULL,
    evidence_sha256     VARCHAR(64)  NOT NULL CHECK (evidence_sha256 ~ '^[0-9a-f]{64}$'),
    filed_by            VARCHAR(128) NOT NULL,
    filed_unit          VARCHAR(32)  NOT NULL,
    filed_at            TIMESTAMPTZ  NOT NULL,
    valid_until         TIMESTAMPTZ  NOT NULL,
    revoked_at          TIMESTAMPTZ,
    revoked_by          VARCHAR(128),
    revoked_unit        VARCHAR(32),
    version             INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT agent_authorisation_period CHECK (valid_until > filed_at),
    CONSTRAINT agent_authorisation_covers CHECK (covers_requests OR covers_consents),
    CONSTRAINT agent_authorisation_not_self CHECK (holder_id_index <> agent_id_index),
    CONSTRAINT agent_authorisation_revoked CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
CREATE INDEX agent_authorisation_holder_idx ON agent_authorisation (holder_id_index, agent_id_index, filed_at DESC);
CREATE INDEX agent_authorisation_agent_idx ON agent_authorisation (agent_id_index, filed_at DESC);
CREATE INDEX agent_authorisation_unit_idx ON agent_authorisation (filed_unit, filed_at DESC);

-- An assisted proof request or consent belongs to the holder as if they had filed it; these columns
-- say that it was assisted, by whom and on what evidence. WINDOW: a clerk of a using unit (by = the
-- staff id, unit = theirs) for a holder present in person. AGENT: an authorised agent (by =
-- holder:<agent's blind index>), under authorisation_id, whose identity check and evidence are copied.
-- proof_request.authorisation_id has no foreign key: the table belongs to another feature (consent).
ALTER TABLE proof_request
    ADD COLUMN assisted_kind     VARCHAR(16) CHECK (assisted_kind IN ('WINDOW', 'AGENT')),
    ADD COLUMN assisted_by       VARCHAR(128),
    ADD COLUMN assisted_unit     VARCHAR(32),
    ADD COLUMN identity_check    VARCHAR(32),
    ADD COLUMN evidence_sha256   VARCHAR(64) CHECK (evidence_sha256 ~ '^[0-9a-f]{64}$'),
    ADD COLUMN authorisation_id  UUID,
    ADD CONSTRAINT proof_request_assisted CHECK (
        (assisted_kind IS NULL AND assisted_by IS NULL AND assisted_unit IS NULL AND identity_check IS NULL
            AND evidence_sha256 IS NULL AND authorisation_id IS NULL)
        OR (assisted_kind = 'WINDOW' AND assisted_by IS NOT NULL AND assisted_unit IS NOT NULL
            AND identity_check IS NOT NULL AND evidence_sha256 IS NOT NULL AND authorisation_id IS NULL)
        OR (assisted_kind = 'AGENT' AND assisted_by IS NOT NULL AND assisted_unit IS NULL
            AND identity_check IS NOT NULL AND evidence_sha256 IS NOT NULL AND authorisation_id IS NOT NULL));
CREATE INDEX proof_request_assisted_unit_idx ON proof_request (assisted_unit, created_at) WHERE assisted_unit IS NOT NULL;

ALTER TABLE consent
    ADD COLUMN assisted_kind     VARCHAR(16) CHECK (assisted_kind IN ('WINDOW', 'AGENT')),
    ADD COLUMN assisted_by       VARCHAR(128),
    ADD COLUMN assisted_unit     VARCHAR(32),
    ADD COLUMN identity_check    VARCHAR(32),
    ADD COLUMN evidence_sha256   VARCHAR(64) CHECK (evidence_sha256 ~ '^[0-9a-f]{64}$'),
    ADD COLUMN authorisation_id  UUID REFERENCES agent_authorisation (id),
    ADD CONSTRAINT consent_assisted CHECK (
        (assisted_kind IS NULL AND assisted_by IS NULL AND assisted_unit IS NULL AND identity_check IS NULL
            AND evidence_sha256 IS NULL AND authorisation_id IS NULL)
        OR (assisted_kind = 'WINDOW' AND assisted_by IS NOT NULL AND assisted_unit IS NOT NULL
            AND identity_check IS NOT NULL AND evidence_sha256 IS NOT NULL AND authorisation_id IS NULL)
        OR (assisted_kind = 'AGENT' AND assisted_by IS NOT NULL AND assisted_unit IS NULL
            AND identity_check IS NOT NULL AND evidence_sha256 IS NOT NULL AND authorisation_id IS NOT NULL));
