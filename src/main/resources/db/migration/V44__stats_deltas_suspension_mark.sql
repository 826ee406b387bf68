-- Issue #15 review. (1) The statistics rollup no longer updates one row per department, day and metric in the
-- recording transaction: that row was a lock every issuance and verification of the department held until its
-- commit (one department's issuances queued behind each other's fsync), and two transactions touching two such
-- rows in opposite orders deadlocked (a verification bumps its issuer's and its unit's). The triggers now append
-- to stats_delta, which has no key and so no contention; StatsFolder moves the deltas into stats_daily every few
-- seconds (one replica at a time, in sorted key order), and the reports read both in one statement through the
-- *_all views below, so they still count every committed record at once: no lag and no drift.
CREATE TABLE stats_delta (
    department    VARCHAR(32)  NOT NULL,
    day           DATE         NOT NULL,
    metric        VARCHAR(40)  NOT NULL,
    n             BIGINT       NOT NULL
);
CREATE TABLE stats_latency_delta (
    department    VARCHAR(32)  NOT NULL,
    day           DATE         NOT NULL,
    minutes       INTEGER      NOT NULL,
    n             BIGINT       NOT NULL
);
-- by day, as the reports read them: after a bulk load the folded table's empty pages would otherwise be scanned
-- by every report until vacuum can truncate them (which it cannot while reports hold their share lock)
CREATE INDEX stats_delta_day_idx ON stats_delta (day);
CREATE INDEX stats_latency_delta_day_idx ON stats_latency_delta (day);
ALTER TABLE stats_delta SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000);
ALTER TABLE stats_latency_delta SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000);

CREATE OR REPLACE FUNCTION stats_bump(dept VARCHAR, at TIMESTAMPTZ, what VARCHAR, by BIGINT) RETURNS void AS $$
BEGIN
    IF dept IS NULL OR at IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO stats_delta (department, day, metric, n) VALUES (dept, (at AT TIME ZONE 'Asia/Shanghai')::date, what, by);
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION stats_bump_day(dept VARCHAR, d DATE, what VARCHAR, by BIGINT) RETURNS void AS $$
BEGIN
    INSERT INTO stats_delta (department, day, metric, n) VALUES (dept, d, what, by);
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION stats_on_request() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM stats_bump(NEW.issuer_dept, NEW.created_at, 'requests', 1);
        PERFORM stats_bump_day(NEW.issuer_dept, NEW.due_date, 'requests_due', 1);
    END IF;
    IF NEW.status <> 'PENDING' AND (TG_OP = 'INSERT' OR OLD.status = 'PENDING') THEN
        IF (NEW.decided_at AT TIME ZONE 'Asia/Shanghai')::date <= NEW.due_date THEN
            PERFORM stats_bump_day(NEW.issuer_dept, NEW.due_date, 'requests_due_on_time', 1);
        END IF;
        IF NEW.status = 'ISSUED' THEN
            INSERT INTO stats_latency_delta (department, day, minutes, n)
            VALUES (NEW.issuer_dept, (NEW.decided_at AT TIME ZONE 'Asia/Shanghai')::date,
                    GREATEST(0, floor(extract(epoch FROM NEW.decided_at - NEW.created_at) / 60))::int, 1);
        END IF;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- what the reports read: the folded rollup and the deltas not folded yet, in one snapshot
CREATE VIEW stats_daily_all AS
    SELECT department, day, metric, n FROM stats_daily
    UNION ALL SELECT department, day, metric, n FROM stats_delta;
CREATE VIEW stats_issue_latency_all AS
    SELECT department, day, minutes, n FROM stats_issue_latency
    UNION ALL SELECT department, day, minutes, n FROM stats_latency_delta;

-- (2) The status list's suspension mark: a counter each suspend and lift moves in its transaction. The old mark
-- (count and latest suspension_changed_at) was read with a scan of the department's proofs on every status-list
-- request, after the bits (a change between the two reads left a list fresh without it), and from replica clocks.
CREATE TABLE suspension_mark (
    issuer_dept   VARCHAR(32)  PRIMARY KEY,
    changes       BIGINT       NOT NULL
);
INSERT INTO suspension_mark (issuer_dept, changes)
SELECT issuer_dept, count(*) FROM proof WHERE suspension_changed_at IS NOT NULL GROUP BY issuer_dept;

-- (3) A using unit may dispute a document it was shown (a passed verification of that number by the unit).
CREATE INDEX verification_proof_unit_idx ON verification (proof_number, unit_code);

-- (4) A decided dispute is final: its signed decision covers its outcome and the digest of its note, and the row
-- that tells them may not be rewritten or removed afterwards (23IMM, as every immutable row since V25).
CREATE FUNCTION dispute_final_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.status <> 'OPEN' THEN
        RAISE EXCEPTION 'dispute % is % and cannot be changed', OLD.id, OLD.status USING ERRCODE = '23IMM';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER dispute_final BEFORE UPDATE OR DELETE ON dispute FOR EACH ROW EXECUTE FUNCTION dispute_final_guard();

-- (5) An inspection draw records the digest of its candidates (the ids sorted, joined by line feeds), so a recount
-- of the closed period shows it was drawn from all of them and only them; draws before this have none.
ALTER TABLE inspection_draw ADD COLUMN candidates_sha256 VARCHAR(64);

-- (6) Disputes overdue, as requests overdue: each dispute counts as due on its due day, and as decided on time
-- there when it was decided by then; the report's overdue figure is due minus on time over the days already past,
-- so an open dispute past its day counts, not only one decided late.
CREATE OR REPLACE FUNCTION stats_on_dispute() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM stats_bump(NEW.issuer_dept, NEW.opened_at, 'disputes_opened', 1);
        PERFORM stats_bump_day(NEW.issuer_dept, NEW.due_on, 'disputes_due', 1);
    ELSIF NEW.due_on <> OLD.due_on THEN -- a deadline moved while open: it is due on the new day
        PERFORM stats_bump_day(OLD.issuer_dept, OLD.due_on, 'disputes_due', -1);
        PERFORM stats_bump_day(NEW.issuer_dept, NEW.due_on, 'disputes_due', 1);
    END IF;
    IF NEW.status <> 'OPEN' AND (TG_OP = 'INSERT' OR OLD.status = 'OPEN') THEN
        PERFORM stats_bump(NEW.issuer_dept, NEW.decided_at,
            CASE WHEN NEW.outcome = 'DISMISSED' THEN 'disputes_dismissed' ELSE 'disputes_upheld' END, 1);
        IF (NEW.decided_at AT TIME ZONE 'Asia/Shanghai')::date > NEW.due_on THEN
            PERFORM stats_bump(NEW.issuer_dept, NEW.decided_at, 'disputes_decided_late', 1);
        ELSE
            PERFORM stats_bump_day(NEW.issuer_dept, NEW.due_on, 'disputes_due_on_time', 1);
        END IF;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER stats_dispute ON dispute;
CREATE TRIGGER stats_dispute AFTER INSERT OR UPDATE OF status, due_on ON dispute
    FOR EACH ROW EXECUTE FUNCTION stats_on_dispute();
INSERT INTO stats_daily (department, day, metric, n)
SELECT issuer_dept, due_on, 'disputes_due', count(*) FROM dispute GROUP BY 1, 2
UNION ALL
SELECT issuer_dept, due_on, 'disputes_due_on_time', count(*) FROM dispute
 WHERE status <> 'OPEN' AND (decided_at AT TIME ZONE 'Asia/Shanghai')::date <= due_on GROUP BY 1, 2;

-- (7) V43 counts inserted proofs once per statement (a bulk chunk is one multi-row INSERT); it now appends its
-- per-statement sums to the deltas as every other count does, so no issuance waits on another's rollup row.
CREATE OR REPLACE FUNCTION stats_on_proofs() RETURNS trigger AS $$
BEGIN
    INSERT INTO stats_delta (department, day, metric, n)
    SELECT issuer_dept, (issued_at AT TIME ZONE 'Asia/Shanghai')::date,
           CASE WHEN supersedes IS NOT NULL THEN 'issued_reissue'
                WHEN request_id IS NULL THEN 'issued_direct'
                WHEN issued_by = 'system:immediate' THEN 'issued_immediate'
                ELSE 'issued_request' END, count(*)
      FROM inserted WHERE kind = 'PROOF' AND issuer_dept IS NOT NULL AND issued_at IS NOT NULL
     GROUP BY 1, 2, 3;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
