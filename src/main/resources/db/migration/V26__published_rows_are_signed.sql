-- A published batch and every tree head are signed when they are stored: there is no "signature
-- pending" state any more (the service never produced one; the code path is gone). The final-row
-- guard of V5/V25 no longer lets a missing signature be filled in later, and the database refuses a
-- published batch or a tree head without its signature.

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
    RAISE EXCEPTION '% is published and cannot be changed (% refused)', TG_TABLE_NAME, TG_OP
        USING ERRCODE = '23IMM';
END $$;

ALTER TABLE publication_batch ADD CONSTRAINT publication_batch_published_signed
    CHECK (status <> 'PUBLISHED' OR (signature IS NOT NULL AND signed_at IS NOT NULL));
ALTER TABLE transparency_tree_head ADD CONSTRAINT transparency_tree_head_signed
    CHECK (signature IS NOT NULL AND signed_at IS NOT NULL);
