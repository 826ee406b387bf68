-- A proof is an SD-JWT (RFC 9901): its signed payload carries salted digests of the subject's name
-- and identifier and of each claim, never the values; the disclosures (salt, name, value) are kept
-- encrypted under the personal-data key (disclosures_enc) and handed to the holder, and with their
-- consent to a using unit. The clear claims and the separately encrypted subject are gone: what the
-- service shows about a proof's subject and claims comes from the disclosures, checked against the
-- signed digests (proof.SignedProofs). Consents name the disclosures they cover.
--
-- A proof issued before this (payload "ver":1) carries its subject and claims in clear and cannot be
-- re-signed without becoming another proof; no deployment holds any, so a database that does (an old
-- demo folder) is refused rather than kept half-private: delete the demo data folder (./data) and
-- start again, and the demo data is created afresh.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM proof) THEN
        RAISE EXCEPTION 'this database holds proofs issued before selective disclosure (V31): they carry personal data in clear. Delete the demo data folder (./data) and start again.';
    END IF;
END;
$$;

ALTER TABLE proof DROP COLUMN claims;
ALTER TABLE proof DROP COLUMN subject_name_enc;
ALTER TABLE proof DROP COLUMN subject_id_enc;
ALTER TABLE proof ADD COLUMN disclosures_enc TEXT NOT NULL;

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
    IF OLD.status <> 'VALID' AND (NEW.status, NEW.revoked_at, NEW.revocation_reason, NEW.revocation_note,
            NEW.revoked_by, NEW.superseded_by) IS DISTINCT FROM (OLD.status, OLD.revoked_at, OLD.revocation_reason,
            OLD.revocation_note, OLD.revoked_by, OLD.superseded_by) THEN
        RAISE EXCEPTION 'proof % is % for good: its status cannot change', OLD.number, OLD.status
            USING ERRCODE = '23IMM';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

-- What a consent lets its unit see: the paths of the disclosures, a JSON array of "subject.name",
-- "subject.id" and "claims.<name>"; NULL: all of them.
ALTER TABLE consent ADD COLUMN disclose JSONB;
