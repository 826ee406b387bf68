-- Issue #16, item 3: a bulk revocation changes the status columns of 100,000 proofs in one statement.
--
-- Until now one BEFORE UPDATE trigger (V31's proof_content_is_immutable) compared every signed column of
-- OLD and NEW on every update, the three large TOASTed ones (payload, jws_compact, jws_json) and the
-- disclosures included: each comparison fetches both values, about a fifth of a revocation's cost in the
-- database. The same rules, split by what they guard:
--   1. the signed content never changes — checked when an UPDATE names one of its columns (BEFORE UPDATE OF);
--      a statement that does not name a column cannot change it, and Hibernate's updates name every column,
--      so every update that could change signed content is still checked, exactly as before;
--   2. the status only moves forward (V28) — checked on every update, as before (cheap: small columns).
-- Someone able to bypass triggers still can; the transparency check (proof.ProofIntegrity) reports it.
CREATE OR REPLACE FUNCTION proof_content_is_immutable() RETURNS trigger AS $$
BEGIN
    IF NEW.number <> OLD.number OR NEW.payload <> OLD.payload OR NEW.jws_compact <> OLD.jws_compact
       OR NEW.jws_json <> OLD.jws_json OR NEW.disclosures_enc <> OLD.disclosures_enc
       OR NEW.subject_id_index <> OLD.subject_id_index
       OR NEW.issued_at <> OLD.issued_at OR NEW.valid_until <> OLD.valid_until
       OR NEW.matter_code <> OLD.matter_code OR NEW.matter_version <> OLD.matter_version
       OR NEW.matter_name <> OLD.matter_name OR NEW.issuer_dept <> OLD.issuer_dept OR NEW.issuer_name <> OLD.issuer_name
       OR NEW.subject_kind <> OLD.subject_kind OR NEW.subject_name_masked <> OLD.subject_name_masked
       OR NEW.subject_id_masked <> OLD.subject_id_masked OR NEW.purpose <> OLD.purpose
       OR NEW.status_list_index <> OLD.status_list_index OR NEW.supersedes IS DISTINCT FROM OLD.supersedes THEN
        RAISE EXCEPTION 'the signed content of proof % cannot change', OLD.number
            USING ERRCODE = '23IMM';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION proof_status_is_final() RETURNS trigger AS $$
BEGIN
    IF OLD.status <> 'VALID' AND (NEW.status, NEW.revoked_at, NEW.revocation_reason, NEW.revocation_note,
            NEW.revoked_by, NEW.superseded_by) IS DISTINCT FROM (OLD.status, OLD.revoked_at, OLD.revocation_reason,
            OLD.revocation_note, OLD.revoked_by, OLD.superseded_by) THEN
        RAISE EXCEPTION 'proof % is % for good: its status cannot change', OLD.number, OLD.status
            USING ERRCODE = '23IMM';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER proof_immutable ON proof;
CREATE TRIGGER proof_immutable BEFORE UPDATE OF number, payload, jws_compact, jws_json, disclosures_enc, subject_id_index,
        issued_at, valid_until, matter_code, matter_version, matter_name, issuer_dept, issuer_name, subject_kind,
        subject_name_masked, subject_id_masked, purpose, status_list_index, supersedes
    ON proof FOR EACH ROW EXECUTE FUNCTION proof_content_is_immutable();
CREATE TRIGGER proof_status_final BEFORE UPDATE ON proof FOR EACH ROW EXECUTE FUNCTION proof_status_is_final();
