-- The append-only and final tables refuse row UPDATE and DELETE (row triggers) but TRUNCATE removes
-- every row without firing them. A statement trigger refuses it on each of those tables.
CREATE FUNCTION refuse_truncate() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only and cannot be truncated', TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER verification_no_truncate BEFORE TRUNCATE ON verification
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
CREATE TRIGGER proof_no_truncate BEFORE TRUNCATE ON proof
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
CREATE TRIGGER matter_version_no_truncate BEFORE TRUNCATE ON matter_version
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
CREATE TRIGGER publication_batch_no_truncate BEFORE TRUNCATE ON publication_batch
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
CREATE TRIGGER publication_entry_no_truncate BEFORE TRUNCATE ON publication_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
CREATE TRIGGER transparency_tree_head_no_truncate BEFORE TRUNCATE ON transparency_tree_head
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
