-- Issue #12, item 5: a general audit log of staff actions.
--
-- audit_event: one row per staff action (department and key changes, catalogue edits and reviews,
-- batches, issuance, revocation, decisions, consents, the 用证 list, exports), written in the
-- transaction of the action itself, so it commits or rolls back with it. Append-only like the
-- holders' access log (verification); never a name, identifier, claim or verification code.
CREATE TABLE audit_event (
    id                UUID         PRIMARY KEY,
    at                TIMESTAMPTZ  NOT NULL,
    actor             VARCHAR(128) NOT NULL,
    actor_department  VARCHAR(32),
    action            VARCHAR(64)  NOT NULL,
    department        VARCHAR(32),
    target_type       VARCHAR(32),
    target_id         VARCHAR(128),
    outcome           VARCHAR(16)  NOT NULL,
    details           TEXT         NOT NULL,
    correlation_id    VARCHAR(64),
    -- the writing transaction's id, filled in by the database: what sealing ranges and orders rows by (V30)
    txid              BIGINT       NOT NULL DEFAULT pg_current_xact_id()::text::bigint
);
CREATE INDEX audit_event_at_idx ON audit_event (at DESC, id);
CREATE INDEX audit_event_actor_idx ON audit_event (actor, at DESC);
CREATE INDEX audit_event_action_idx ON audit_event (action, at DESC);
CREATE INDEX audit_event_department_idx ON audit_event (department, at DESC);
CREATE INDEX audit_event_txid_idx ON audit_event (txid, id);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME
        USING ERRCODE = '23IMM';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
