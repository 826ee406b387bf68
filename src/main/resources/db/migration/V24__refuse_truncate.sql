-- The append-only and final tables refuse row UPDATE and DELETE (row triggers) but TRUNCATE removes
-- every row without firing them. A statement trigger refuses it on each of those tables.
CREATE FUNCTION refuse_truncate() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only and cannot be truncated', TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['verification', 'proof', 'matter_version', 'publication_batch', 'publication_entry',
                             'transparency_tree_head'] LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate()',
                       t || '_no_truncate', t);
    END LOOP;
END $$;
