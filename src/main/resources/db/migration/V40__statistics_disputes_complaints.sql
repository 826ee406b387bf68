-- Issue #15, item 6: disputes and complaints in the statistics rollup (V39's stats_daily), as new metric names
-- written by triggers in the same transaction as the record they count, so the figures never drift.

-- 异议 per issuing department: opened (day opened); on the decision (day decided) upheld (REISSUE or REVOKE) or
-- dismissed, and decided late when the decision day (Asia/Shanghai) is after the due day. The decision is the
-- one change of status a dispute has (OPEN → UPHELD/DISMISSED; V37's check keeps outcome and decided_at with it).
CREATE FUNCTION stats_on_dispute() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM stats_bump(NEW.issuer_dept, NEW.opened_at, 'disputes_opened', 1);
    END IF;
    IF NEW.status <> 'OPEN' AND (TG_OP = 'INSERT' OR OLD.status = 'OPEN') THEN
        PERFORM stats_bump(NEW.issuer_dept, NEW.decided_at,
            CASE WHEN NEW.outcome = 'DISMISSED' THEN 'disputes_dismissed' ELSE 'disputes_upheld' END, 1);
        IF (NEW.decided_at AT TIME ZONE 'Asia/Shanghai')::date > NEW.due_on THEN
            PERFORM stats_bump(NEW.issuer_dept, NEW.decided_at, 'disputes_decided_late', 1);
        END IF;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER stats_dispute AFTER INSERT OR UPDATE OF status ON dispute
    FOR EACH ROW EXECUTE FUNCTION stats_on_dispute();

-- 违规索要证明 complaints per unit complained about: received (day filed); founded or dismissed (day closed)
CREATE FUNCTION stats_on_demand_complaint() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM stats_bump(NEW.department_code, NEW.filed_at, 'complaints_received', 1);
    END IF;
    IF NEW.status IN ('FOUNDED', 'DISMISSED')
            AND (TG_OP = 'INSERT' OR OLD.status NOT IN ('FOUNDED', 'DISMISSED')) THEN
        PERFORM stats_bump(NEW.department_code, NEW.closed_at,
            CASE WHEN NEW.status = 'FOUNDED' THEN 'complaints_founded' ELSE 'complaints_dismissed' END, 1);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER stats_demand_complaint AFTER INSERT OR UPDATE OF status ON demand_complaint
    FOR EACH ROW EXECUTE FUNCTION stats_on_demand_complaint();

-- the records already there when this migration runs (V39 created the rollup, so these metrics have no rows yet)
INSERT INTO stats_daily (department, day, metric, n)
SELECT department, day, metric, count(*) FROM (
    SELECT issuer_dept AS department, (opened_at AT TIME ZONE 'Asia/Shanghai')::date AS day,
           'disputes_opened' AS metric FROM dispute
    UNION ALL SELECT issuer_dept, (decided_at AT TIME ZONE 'Asia/Shanghai')::date,
           CASE WHEN outcome = 'DISMISSED' THEN 'disputes_dismissed' ELSE 'disputes_upheld' END
      FROM dispute WHERE status <> 'OPEN'
    UNION ALL SELECT issuer_dept, (decided_at AT TIME ZONE 'Asia/Shanghai')::date, 'disputes_decided_late'
      FROM dispute WHERE status <> 'OPEN' AND (decided_at AT TIME ZONE 'Asia/Shanghai')::date > due_on
    UNION ALL SELECT department_code, (filed_at AT TIME ZONE 'Asia/Shanghai')::date, 'complaints_received'
      FROM demand_complaint
    UNION ALL SELECT department_code, (closed_at AT TIME ZONE 'Asia/Shanghai')::date,
           CASE WHEN status = 'FOUNDED' THEN 'complaints_founded' ELSE 'complaints_dismissed' END
      FROM demand_complaint WHERE status IN ('FOUNDED', 'DISMISSED')
) AS existing GROUP BY department, day, metric;
