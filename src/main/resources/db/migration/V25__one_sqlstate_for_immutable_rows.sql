-- Every refusal to change an immutable or append-only row raises one SQLSTATE: 23IMM.
--
-- Until now the triggers disagreed: V4, V5 and V24 raised integrity_constraint_violation (23000),
-- which the service mapped to a generic "conflict, read again" 409, while V21 (proof) and V22
-- (verification) raised plain RAISE EXCEPTION (P0001, raise_exception), which it could only answer
-- with a 500. One code lets the problem mapper (system.http.ProblemMappers) recognise this refusal
-- whatever table, statement or access path (Hibernate or plain JDBC) it came through, and answer 409
-- with a text that says the record is final.
--
-- Why 23IMM: it stays in class 23, integrity constraint violation, which is what the refusal is (a
-- rule of the data, enforced by the database); drivers, Hibernate (ConstraintViolationException) and
-- monitoring treat it as such. Its subclass is our own — PostgreSQL's own codes in class 23 are
-- digits or start with P (23P01), so "IMM" cannot collide with one, and it reads as "immutable" in a
-- log line. Codes ending in 000 are class codes and are avoided, as the PostgreSQL manual asks.
--
-- The functions keep their logic and their messages (tests and operators read them); only the code
-- changes. Triggers call functions by name, so replacing the functions is enough.

-- V4: an approved or rejected version of a matter is final.
CREATE OR REPLACE FUNCTION matter_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status IN ('APPROVED', 'REJECTED') THEN
        RAISE EXCEPTION 'matter version %/% is % and cannot be changed', OLD.matter_code, OLD.number, OLD.status
            USING ERRCODE = '23IMM';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END $$;

-- V5: published batches, their entries and tree heads are final; a pending signature may be filled in once.
CREATE OR REPLACE FUNCTION publication_final_guard() RETURNS trigger LANGUAGE plpgsql AS $$
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
        USING ERRCODE = '23IMM';
END $$;

-- V5: no entry may be added to a batch that is already published.
CREATE OR REPLACE FUNCTION publication_entry_insert_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM publication_batch WHERE id = NEW.batch_id AND status = 'PUBLISHED') THEN
        RAISE EXCEPTION 'batch % is published; entries cannot be added', NEW.batch_id
            USING ERRCODE = '23IMM';
    END IF;
    RETURN NEW;
END $$;

-- V21: the signed content of a proof never changes after issuance, and a proof is never deleted.
CREATE OR REPLACE FUNCTION proof_content_is_immutable() RETURNS trigger AS $$
BEGIN
    IF NEW.number <> OLD.number OR NEW.payload <> OLD.payload OR NEW.jws_compact <> OLD.jws_compact
       OR NEW.jws_json <> OLD.jws_json OR NEW.subject_id_index <> OLD.subject_id_index
       OR NEW.issued_at <> OLD.issued_at OR NEW.valid_until <> OLD.valid_until THEN
        RAISE EXCEPTION 'the signed content of proof % cannot change', OLD.number
            USING ERRCODE = '23IMM';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION proof_refuse_delete() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'proof % cannot be deleted: revoke it instead', OLD.number
        USING ERRCODE = '23IMM';
END;
$$ LANGUAGE plpgsql;

-- V22: the verification log is append-only.
CREATE OR REPLACE FUNCTION verification_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the verification log is append-only'
        USING ERRCODE = '23IMM';
END;
$$ LANGUAGE plpgsql;

-- V24: TRUNCATE is refused on every append-only and final table.
CREATE OR REPLACE FUNCTION refuse_truncate() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only and cannot be truncated', TG_TABLE_NAME
        USING ERRCODE = '23IMM';
END;
$$ LANGUAGE plpgsql;
