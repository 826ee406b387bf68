-- Issue #13, item 4: the holders' access log covers every read of their personal data, not only
-- verifications. holder_access keeps what the system.access seam fires (HolderAccess): issuer staff
-- reading a proof or a proof request in full, downloads of a proof's PDF or QR code by anyone but the
-- holder, a using unit's 调取, window-assisted (代办) actions. One row per read or action, written in
-- its transaction; GET /api/v1/me/access-log shows these rows beside the verification table's.
--
-- Never personal data: the holder is named by the blind index of their identifier, the actor by their
-- staff id (a citizen agent as holder:<index>); details is an RFC 8785 JSON object of a few more
-- facts (a format, how identity was checked), never a name, identifier, claim or code.
--
-- Sealed like audit_event (V29/V30): txid is the writing transaction's, filled in by the database, and
-- mac is the HMAC-SHA256 of the row's other columns under the service's index key (configuration,
-- never in the database), so a row inserted with plain SQL and sealed like any other still shows.
CREATE TABLE holder_access (
    id                UUID         PRIMARY KEY,
    at                TIMESTAMPTZ  NOT NULL,
    subject_id_index  VARCHAR(64)  NOT NULL,
    kind              VARCHAR(32)  NOT NULL,
    unit_code         VARCHAR(32),
    actor             VARCHAR(128) NOT NULL,
    proof_number      VARCHAR(32),
    request_id        UUID,
    consent_id        UUID,
    purpose           VARCHAR(200),
    details           TEXT         NOT NULL,
    mac               VARCHAR(64)  NOT NULL,
    txid              BIGINT       NOT NULL DEFAULT pg_current_xact_id()::text::bigint
);
-- the holder's log, newest first, merged with verification_subject_idx (subject_id_index, verified_at DESC)
CREATE INDEX holder_access_subject_idx ON holder_access (subject_id_index, at DESC, id);
CREATE INDEX holder_access_txid_idx ON holder_access (txid, id);

CREATE TRIGGER holder_access_append_only BEFORE UPDATE OR DELETE ON holder_access
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER holder_access_no_truncate BEFORE TRUNCATE ON holder_access
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
