-- A proof's record only moves forward, and a compromised key's signatures can be found in SQL.
--
-- 1. Every column that repeats the signed payload is as immutable as the payload (V21 guarded only
--    some of them), and the status only moves forward: VALID → REVOKED or SUPERSEDED, and a proof that
--    is no longer VALID never changes again (nothing returns to VALID, a revocation is not rewritten).
--    Someone able to bypass triggers (a superuser with session_replication_role = replica) still can:
--    what the service serves about a proof comes from its signed payload, and the transparency check
--    compares the rows with what was signed (proof.ProofIntegrity).
CREATE OR REPLACE FUNCTION proof_content_is_immutable() RETURNS trigger AS $$
BEGIN
    IF NEW.number <> OLD.number OR NEW.payload <> OLD.payload OR NEW.jws_compact <> OLD.jws_compact
       OR NEW.jws_json <> OLD.jws_json OR NEW.subject_id_index <> OLD.subject_id_index
       OR NEW.issued_at <> OLD.issued_at OR NEW.valid_until <> OLD.valid_until
       OR NEW.claims <> OLD.claims OR NEW.matter_code <> OLD.matter_code OR NEW.matter_version <> OLD.matter_version
       OR NEW.matter_name <> OLD.matter_name OR NEW.issuer_dept <> OLD.issuer_dept OR NEW.issuer_name <> OLD.issuer_name
       OR NEW.subject_kind <> OLD.subject_kind OR NEW.subject_name_enc <> OLD.subject_name_enc
       OR NEW.subject_id_enc <> OLD.subject_id_enc OR NEW.purpose <> OLD.purpose
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

-- 2. The protected headers ({"alg","kid","typ","iat"}, see keys.Jws) of every signature of a JWS in
--    the general JSON serialization, decoded: what a key compromise looks for (kid, iat).
CREATE FUNCTION jws_signature_headers(jws_json TEXT) RETURNS SETOF JSONB
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT convert_from(decode(rpad(translate(s ->> 'protected', '-_', '+/'),
               (length(s ->> 'protected') + 3) / 4 * 4, '='), 'base64'), 'UTF8')::jsonb
    FROM jsonb_array_elements(jws_json::jsonb -> 'signatures') s
$$;
