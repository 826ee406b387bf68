-- Issue #15, items 4, 6 and 7: supervision signals, the statistics rollup (工作台账) and inspection draws.

-- 监督信号: a using unit asked for (REQUEST), verified (VERIFY) or put on its 用证 list (USAGE_LIST) a matter
-- that was cancelled or not on the retained list at that moment. One row per unit, matter, channel and day
-- (an upsert counts the repeats); written in its own transaction, so a refusal's rollback keeps it.
CREATE TABLE list_signal (
    unit_code     VARCHAR(32)  NOT NULL,
    matter_code   VARCHAR(64)  NOT NULL,
    channel       VARCHAR(16)  NOT NULL CHECK (channel IN ('REQUEST', 'VERIFY', 'USAGE_LIST')),
    day           DATE         NOT NULL,
    list_state    VARCHAR(16)  NOT NULL CHECK (list_state IN ('CANCELLED', 'NOT_RETAINED')),
    attempts      INTEGER      NOT NULL CHECK (attempts > 0),
    first_at      TIMESTAMPTZ  NOT NULL,
    last_at       TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (unit_code, matter_code, channel, day)
);
CREATE INDEX list_signal_day_idx ON list_signal (day, unit_code);

-- The statistics rollup: one row per department, day (Asia/Shanghai) and metric, kept by the triggers below
-- in the same transaction as the record they count, so it never drifts from the records and a month of a
-- department is at most (30 × metrics) rows however many proofs there are. New metrics (disputes, complaints)
-- are new metric names written by their own triggers: the extension point is the metric column.
CREATE TABLE stats_daily (
    department    VARCHAR(32)  NOT NULL,
    day           DATE         NOT NULL,
    metric        VARCHAR(40)  NOT NULL,
    n             BIGINT       NOT NULL,
    PRIMARY KEY (department, day, metric)
);
-- all departments for a period (the justice bureau's view) reads by day, not by department
CREATE INDEX stats_daily_day_idx ON stats_daily (day) INCLUDE (department, metric, n);

-- Time from request to issue, in whole minutes, per department and day of issue: percentiles exact to the minute.
CREATE TABLE stats_issue_latency (
    department    VARCHAR(32)  NOT NULL,
    day           DATE         NOT NULL,
    minutes       INTEGER      NOT NULL,
    n             BIGINT       NOT NULL,
    PRIMARY KEY (department, day, minutes)
);
CREATE INDEX stats_issue_latency_day_idx ON stats_issue_latency (day) INCLUDE (department, minutes, n);

-- 随机抽查: the draw and what it was drawn from, so anyone can recompute it.
CREATE TABLE inspection_draw (
    id             UUID         PRIMARY KEY,
    kind           VARCHAR(16)  NOT NULL CHECK (kind IN ('PROOF', 'PLEDGE', 'VERIFICATION')),
    department     VARCHAR(32)  NOT NULL,
    period_from    DATE         NOT NULL,
    period_to      DATE         NOT NULL,
    size           INTEGER      NOT NULL,
    seed_tree_size INTEGER      NOT NULL,
    seed_root_hash VARCHAR(64)  NOT NULL,
    candidates     INTEGER      NOT NULL,
    items          TEXT         NOT NULL,
    drawn_by       VARCHAR(128) NOT NULL,
    drawn_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX inspection_draw_dept_idx ON inspection_draw (department, drawn_at DESC);

CREATE FUNCTION stats_bump(dept VARCHAR, at TIMESTAMPTZ, what VARCHAR, by BIGINT) RETURNS void AS $$
BEGIN
    IF dept IS NULL OR at IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO stats_daily (department, day, metric, n)
    VALUES (dept, (at AT TIME ZONE 'Asia/Shanghai')::date, what, by)
    ON CONFLICT (department, day, metric) DO UPDATE SET n = stats_daily.n + EXCLUDED.n;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION stats_bump_day(dept VARCHAR, d DATE, what VARCHAR, by BIGINT) RETURNS void AS $$
BEGIN
    INSERT INTO stats_daily (department, day, metric, n) VALUES (dept, d, what, by)
    ON CONFLICT (department, day, metric) DO UPDATE SET n = stats_daily.n + EXCLUDED.n;
END;
$$ LANGUAGE plpgsql;

-- proofs issued, by channel (as IssuanceService logs "via"); pledge documents are counted as pledges instead
CREATE FUNCTION stats_on_proof() RETURNS trigger AS $$
BEGIN
    IF NEW.kind = 'PROOF' THEN
        PERFORM stats_bump(NEW.issuer_dept, NEW.issued_at,
            CASE WHEN NEW.supersedes IS NOT NULL THEN 'issued_reissue'
                 WHEN NEW.request_id IS NULL THEN 'issued_direct'
                 WHEN NEW.issued_by = 'system:immediate' THEN 'issued_immediate'
                 ELSE 'issued_request' END, 1);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER stats_proof AFTER INSERT ON proof FOR EACH ROW EXECUTE FUNCTION stats_on_proof();

-- requests: filed (by creation day), due (by due date), decided by the due date (by due date), issue latency
CREATE FUNCTION stats_on_request() RETURNS trigger AS $$
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
            INSERT INTO stats_issue_latency (department, day, minutes, n)
            VALUES (NEW.issuer_dept, (NEW.decided_at AT TIME ZONE 'Asia/Shanghai')::date,
                    GREATEST(0, floor(extract(epoch FROM NEW.decided_at - NEW.created_at) / 60))::int, 1)
            ON CONFLICT (department, day, minutes) DO UPDATE SET n = stats_issue_latency.n + 1;
        END IF;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER stats_request AFTER INSERT OR UPDATE OF status ON proof_request
    FOR EACH ROW EXECUTE FUNCTION stats_on_request();

-- verifications: received by the issuer, made by the unit; retrievals (content fetched with consent) both ways
CREATE FUNCTION stats_on_verification() RETURNS trigger AS $$
BEGIN
    PERFORM stats_bump(NEW.issuer_dept, NEW.verified_at, 'verifications_received', 1);
    PERFORM stats_bump(NEW.unit_code, NEW.verified_at, 'verifications_made', 1);
    IF NEW.retrieved THEN
        PERFORM stats_bump(NEW.issuer_dept, NEW.verified_at, 'retrievals_received', 1);
        PERFORM stats_bump(NEW.unit_code, NEW.verified_at, 'retrievals_made', 1);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER stats_verification AFTER INSERT ON verification FOR EACH ROW EXECUTE FUNCTION stats_on_verification();

-- pledges of the department's notify-and-commit matters
CREATE FUNCTION stats_on_pledge() RETURNS trigger AS $$
BEGIN
    PERFORM stats_bump(NEW.department_code, NEW.pledged_at, 'pledges', 1);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER stats_pledge AFTER INSERT ON pledge FOR EACH ROW EXECUTE FUNCTION stats_on_pledge();

-- false findings: a check closed (after review) with the result FALSE, on the day it closed
CREATE FUNCTION stats_on_pledge_check() RETURNS trigger AS $$
BEGIN
    IF NEW.status = 'CLOSED' AND OLD.status <> 'CLOSED' AND NEW.result = 'FALSE' THEN
        PERFORM stats_bump(NEW.department_code, NEW.closed_at, 'false_findings', 1);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER stats_pledge_check AFTER UPDATE OF status ON pledge_check
    FOR EACH ROW EXECUTE FUNCTION stats_on_pledge_check();

-- supervision signals against the unit: one per (unit, matter, channel, day) row inserted (repeats update it)
CREATE FUNCTION stats_on_list_signal() RETURNS trigger AS $$
BEGIN
    PERFORM stats_bump_day(NEW.unit_code, NEW.day, 'signals', 1);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER stats_list_signal AFTER INSERT ON list_signal FOR EACH ROW EXECUTE FUNCTION stats_on_list_signal();

-- the records already there when this migration runs
INSERT INTO stats_daily (department, day, metric, n)
SELECT department, day, metric, count(*) FROM (
    SELECT issuer_dept AS department, (issued_at AT TIME ZONE 'Asia/Shanghai')::date AS day,
           CASE WHEN supersedes IS NOT NULL THEN 'issued_reissue' WHEN request_id IS NULL THEN 'issued_direct'
                WHEN issued_by = 'system:immediate' THEN 'issued_immediate' ELSE 'issued_request' END AS metric
      FROM proof WHERE kind = 'PROOF'
    UNION ALL SELECT issuer_dept, (created_at AT TIME ZONE 'Asia/Shanghai')::date, 'requests' FROM proof_request
    UNION ALL SELECT issuer_dept, due_date, 'requests_due' FROM proof_request
    UNION ALL SELECT issuer_dept, due_date, 'requests_due_on_time' FROM proof_request
      WHERE status <> 'PENDING' AND (decided_at AT TIME ZONE 'Asia/Shanghai')::date <= due_date
    UNION ALL SELECT issuer_dept, (verified_at AT TIME ZONE 'Asia/Shanghai')::date, 'verifications_received'
      FROM verification WHERE issuer_dept IS NOT NULL
    UNION ALL SELECT unit_code, (verified_at AT TIME ZONE 'Asia/Shanghai')::date, 'verifications_made' FROM verification
    UNION ALL SELECT issuer_dept, (verified_at AT TIME ZONE 'Asia/Shanghai')::date, 'retrievals_received'
      FROM verification WHERE retrieved AND issuer_dept IS NOT NULL
    UNION ALL SELECT unit_code, (verified_at AT TIME ZONE 'Asia/Shanghai')::date, 'retrievals_made'
      FROM verification WHERE retrieved
    UNION ALL SELECT department_code, (pledged_at AT TIME ZONE 'Asia/Shanghai')::date, 'pledges' FROM pledge
    UNION ALL SELECT department_code, (closed_at AT TIME ZONE 'Asia/Shanghai')::date, 'false_findings'
      FROM pledge_check WHERE status = 'CLOSED' AND result = 'FALSE'
) AS existing GROUP BY department, day, metric;

INSERT INTO stats_issue_latency (department, day, minutes, n)
SELECT issuer_dept, (decided_at AT TIME ZONE 'Asia/Shanghai')::date,
       GREATEST(0, floor(extract(epoch FROM decided_at - created_at) / 60))::int, count(*)
  FROM proof_request WHERE status = 'ISSUED' GROUP BY 1, 2, 3;
