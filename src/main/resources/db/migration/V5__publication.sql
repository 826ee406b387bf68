-- Publication batches of the proof-matter lists (feature publication): "成熟一批、发布一批".
-- A batch is assembled as a DRAFT by the justice bureau and published atomically; a published batch,
-- its entries and the tree heads of the transparency log are never changed (triggers below), only a
-- signature that was still pending may be filled in once.
CREATE TABLE publication_batch (
    id              BIGSERIAL    PRIMARY KEY,
    number          VARCHAR(32)  NOT NULL UNIQUE,
    title           VARCHAR(200),
    status          VARCHAR(16)  NOT NULL,
    authority_code  VARCHAR(32)  NOT NULL,
    created_by      VARCHAR(128) NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    published_by    VARCHAR(128),
    published_at    TIMESTAMPTZ,
    log_index       INTEGER      UNIQUE,
    previous_hash   VARCHAR(64),
    manifest        TEXT,
    manifest_hash   VARCHAR(64)  UNIQUE,
    signature       TEXT,
    signed_at       TIMESTAMPTZ,
    lock_version    INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT publication_batch_status CHECK (status IN ('DRAFT', 'PUBLISHED')),
    CONSTRAINT publication_batch_number_format CHECK (number ~ '^[0-9]{4}年第[1-9][0-9]{0,3}批$'),
    CONSTRAINT publication_batch_published CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL
        AND log_index IS NOT NULL AND manifest IS NOT NULL AND manifest_hash IS NOT NULL)),
    CONSTRAINT publication_batch_chain CHECK (status = 'DRAFT' OR (log_index = 0) = (previous_hash IS NULL))
);

CREATE INDEX publication_batch_published_idx ON publication_batch (published_at) WHERE status = 'PUBLISHED';

CREATE TABLE publication_entry (
    id              BIGSERIAL    PRIMARY KEY,
    batch_id        BIGINT       NOT NULL REFERENCES publication_batch (id),
    seq             INTEGER      NOT NULL,
    action          VARCHAR(8)   NOT NULL,
    matter_code     VARCHAR(48)  NOT NULL,
    kind            VARCHAR(16)  NOT NULL,
    matter_version  INTEGER      NOT NULL,
    department_code VARCHAR(32)  NOT NULL,
    name            VARCHAR(100) NOT NULL,
    scenarios       JSONB        NOT NULL,
    -- the full matter content as published (department name included), the manifest's entry content
    content         JSONB        NOT NULL,
    reason          VARCHAR(500),
    search_text     TEXT         NOT NULL,
    search_grams    TEXT[]       GENERATED ALWAYS AS (text_grams(search_text)) STORED,
    added_by        VARCHAR(128) NOT NULL,
    added_at        TIMESTAMPTZ  NOT NULL,
    -- copied from the batch when it is published: the fold for "as of" reads entries alone
    published_at    TIMESTAMPTZ,
    log_index       INTEGER,
    CONSTRAINT publication_entry_seq UNIQUE (batch_id, seq),
    CONSTRAINT publication_entry_once UNIQUE (batch_id, matter_code),
    CONSTRAINT publication_entry_action CHECK (action IN ('ADD', 'AMEND', 'REMOVE')),
    CONSTRAINT publication_entry_kind CHECK (kind IN ('RETAINED', 'CANCELLED', 'NOTIFY_COMMIT'))
);

-- "as of" reads: the latest published entry of each matter up to an instant
CREATE INDEX publication_entry_fold_idx ON publication_entry (kind, matter_code, log_index DESC)
    WHERE published_at IS NOT NULL;
CREATE INDEX publication_entry_time_idx ON publication_entry (kind, published_at) WHERE published_at IS NOT NULL;
CREATE INDEX publication_entry_grams_idx ON publication_entry USING gin (search_grams) WITH (fastupdate = off)
    WHERE published_at IS NOT NULL;

-- The effective lists as of now: maintained when a batch is published, so reading a list is an indexed
-- lookup. GIN indexes here are built without the pending list (fastupdate = off): the lists are written
-- only at publication and read all the time, and a pending list makes every search scan it linearly. It is derived data (the fold of all published entries); the verification endpoint recomputes it.
CREATE TABLE list_entry (
    matter_code     VARCHAR(48)  PRIMARY KEY,
    kind            VARCHAR(16)  NOT NULL,
    matter_version  INTEGER      NOT NULL,
    department_code VARCHAR(32)  NOT NULL,
    name            VARCHAR(100) NOT NULL,
    scenarios       JSONB        NOT NULL,
    content         JSONB        NOT NULL,
    search_text     TEXT         NOT NULL,
    search_grams    TEXT[]       GENERATED ALWAYS AS (text_grams(search_text)) STORED,
    batch_id        BIGINT       NOT NULL REFERENCES publication_batch (id),
    log_index       INTEGER      NOT NULL,
    effective_since TIMESTAMPTZ  NOT NULL
);

CREATE INDEX list_entry_kind_idx ON list_entry (kind, matter_code);
CREATE INDEX list_entry_department_idx ON list_entry (kind, department_code, matter_code);
CREATE INDEX list_entry_scenarios_idx ON list_entry USING gin (scenarios jsonb_path_ops) WITH (fastupdate = off);
CREATE INDEX list_entry_grams_idx ON list_entry USING gin (search_grams) WITH (fastupdate = off);

-- Signed tree heads of the append-only Merkle log (RFC 9162 style) whose leaves are the batches'
-- manifest hashes in publication order; one head per tree size.
CREATE TABLE transparency_tree_head (
    tree_size       INTEGER      PRIMARY KEY,
    root_hash       VARCHAR(64)  NOT NULL,
    issued_at       TIMESTAMPTZ  NOT NULL,
    authority_code  VARCHAR(32)  NOT NULL,
    payload         TEXT         NOT NULL,
    signature       TEXT,
    signed_at       TIMESTAMPTZ,
    CONSTRAINT transparency_tree_head_size CHECK (tree_size > 0)
);

-- Published batches, their entries and tree heads are final. The only change allowed is filling in
-- a signature that was still pending, once, leaving every other column as it was.
CREATE FUNCTION publication_final_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    final BOOLEAN;
BEGIN
    -- fields read through to_jsonb: PL/pgSQL resolves OLD.x per table, and this function serves three
    final := CASE TG_TABLE_NAME
        WHEN 'publication_batch' THEN (to_jsonb(OLD) ->> 'status') = 'PUBLISHED'
        WHEN 'publication_entry' THEN (to_jsonb(OLD) ->> 'published_at') IS NOT NULL
        ELSE TRUE END;
    IF NOT final THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    IF TG_OP = 'UPDATE' AND TG_TABLE_NAME IN ('publication_batch', 'transparency_tree_head')
            AND (to_jsonb(OLD) ->> 'signature') IS NULL
            AND (to_jsonb(NEW) - 'signature' - 'signed_at') = (to_jsonb(OLD) - 'signature' - 'signed_at') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% is published and cannot be changed (% refused)', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END $$;

CREATE TRIGGER publication_batch_final BEFORE UPDATE OR DELETE ON publication_batch
    FOR EACH ROW EXECUTE FUNCTION publication_final_guard();
CREATE TRIGGER publication_entry_final BEFORE UPDATE OR DELETE ON publication_entry
    FOR EACH ROW EXECUTE FUNCTION publication_final_guard();
CREATE TRIGGER transparency_tree_head_final BEFORE UPDATE OR DELETE ON transparency_tree_head
    FOR EACH ROW EXECUTE FUNCTION publication_final_guard();

-- No entry may be added to a batch that is already published.
CREATE FUNCTION publication_entry_insert_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM publication_batch WHERE id = NEW.batch_id AND status = 'PUBLISHED') THEN
        RAISE EXCEPTION 'batch % is published; entries cannot be added', NEW.batch_id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER publication_entry_insert BEFORE INSERT ON publication_entry
    FOR EACH ROW EXECUTE FUNCTION publication_entry_insert_guard();
