-- Issue #13, item 1: no personal data in clear at rest (outside the proof table's signed forms, which
-- selective disclosure changes).
--
-- What SQL can convert exactly, it converts here. What needs the personal-data keys (configuration,
-- never in the database) is converted by the service at start, before it serves a request:
-- proof.LegacySubjectRecords encrypts subject_record claims still in clear and
-- system.idempotency.LegacyIdempotencyRecords re-keys the idempotency records of citizens and encrypts
-- stored answers still in clear. Both convert only rows in the old form, so a restart (or a second
-- replica starting at the same time) converts nothing twice.

-- proof_request.requested_by held a citizen's resident ID (the token subject). A citizen files only
-- about themselves, so their identifier is the request's subject, whose blind index the row already
-- holds: the actor becomes holder:<index>, as Caller.actor() names a citizen from now on.
UPDATE proof_request SET requested_by = 'holder:' || subject_id_index
 WHERE requester_kind = 'CITIZEN' AND requested_by NOT LIKE 'holder:%';
ALTER TABLE proof_request ADD CONSTRAINT proof_request_citizen_by_index
    CHECK (requester_kind <> 'CITIZEN' OR requested_by LIKE 'holder:%');

-- subject_record.claims was plain jsonb (addresses, spouses' names): now the JSON text encrypted under
-- the personal-data key (purpose "subject_record.claims"). Rows converted here to text are still clear
-- JSON ("{…}") until the service encrypts them at start; a ciphertext is base64 and never starts with "{".
ALTER TABLE subject_record RENAME COLUMN claims TO claims_enc;
ALTER TABLE subject_record ALTER COLUMN claims_enc TYPE TEXT USING claims_enc::text;
-- What the service looks for at every start: empty once converted, so the look costs nothing.
CREATE INDEX subject_record_claims_in_clear_idx ON subject_record (issuer_dept) WHERE claims_enc LIKE '{%';
