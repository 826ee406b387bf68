-- Issue #16, item 1: a proof stored its signed payload three times — as itself (payload), base64url inside the
-- compact JWS (jws_compact) and again inside the general JSON JWS (jws_json) — about 1.4 kB of a 3.8 kB row
-- twice over. Now the payload is stored once and beside it only the signatures, in the general JSON serialization
-- with the payload detached (RFC 7515 Appendix F), the compact form's SM2-SM3 signature first:
--   {"signatures":[{"protected":"<b64url>","signature":"<b64url>"},…]}
-- Both forms are rebuilt on read (keys.DetachedJws), byte for byte the ones signed: the signed payload is the
-- base64url of the stored payload's UTF-8. V28's jws_signature_headers reads this column as it read jws_json.

-- base64url without padding of a text's UTF-8, as JWS encodes a payload (encode() wraps lines every 76 characters).
CREATE FUNCTION pg_temp.b64url(t TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT rtrim(translate(replace(encode(convert_to(t, 'UTF8'), 'base64'), E'\n', ''), '+/', '-_'), '=')
$$;

ALTER TABLE proof ADD COLUMN jws_signatures TEXT;

-- The compact form's signature first, then the others in their order. Only "protected" and "signature": a stored
-- JWS with an unprotected header or anything else is not one this service made, and stops the migration below.
UPDATE proof p SET jws_signatures = (
    SELECT '{"signatures":[' || string_agg(format('{"protected":"%s","signature":"%s"}', s ->> 'protected', s ->> 'signature'),
               ',' ORDER BY (s ->> 'protected') || '.' <> split_part(p.jws_compact, '.', 1) || '.', i) || ']}'
    FROM jsonb_array_elements(p.jws_json::jsonb -> 'signatures') WITH ORDINALITY AS e(s, i));

-- Nothing may be lost: every stored form must be exactly what the payload and the kept signatures rebuild.
DO $$
DECLARE
    bad TEXT;
BEGIN
    SELECT p.number INTO bad FROM proof p
    WHERE p.jws_signatures IS NULL
       OR (p.jws_json::jsonb ->> 'payload') IS DISTINCT FROM pg_temp.b64url(p.payload)
       OR (SELECT count(*) FROM jsonb_object_keys(p.jws_json::jsonb)) <> 2
       OR EXISTS (SELECT 1 FROM jsonb_array_elements(p.jws_json::jsonb -> 'signatures') s
                  WHERE (SELECT count(*) FROM jsonb_object_keys(s)) <> 2 OR s ->> 'protected' IS NULL OR s ->> 'signature' IS NULL)
       OR p.jws_compact IS DISTINCT FROM (
              SELECT (s ->> 'protected') || '.' || pg_temp.b64url(p.payload) || '.' || (s ->> 'signature')
              FROM jsonb_array_elements(p.jws_signatures::jsonb -> 'signatures') WITH ORDINALITY AS e(s, i) WHERE i = 1)
    LIMIT 1;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'proof %: its stored JWS forms are not its payload and signatures; not migrated', bad;
    END IF;
END $$;

ALTER TABLE proof ALTER COLUMN jws_signatures SET NOT NULL;

-- V42's guard of the signed content, with the new column in place of the two dropped ones.
DROP TRIGGER proof_immutable ON proof;
ALTER TABLE proof DROP COLUMN jws_compact, DROP COLUMN jws_json;

CREATE OR REPLACE FUNCTION proof_content_is_immutable() RETURNS trigger AS $$
BEGIN
    IF NEW.number <> OLD.number OR NEW.payload <> OLD.payload OR NEW.jws_signatures <> OLD.jws_signatures
       OR NEW.disclosures_enc <> OLD.disclosures_enc
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

CREATE TRIGGER proof_immutable BEFORE UPDATE OF number, payload, jws_signatures, disclosures_enc, subject_id_index,
        issued_at, valid_until, matter_code, matter_version, matter_name, issuer_dept, issuer_name, subject_kind,
        subject_name_masked, subject_id_masked, purpose, status_list_index, supersedes
    ON proof FOR EACH ROW EXECUTE FUNCTION proof_content_is_immutable();
