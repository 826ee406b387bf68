-- Issue #16: bulk issuance stores a chunk of proofs in one multi-row INSERT.
-- The statistics rollup (V39) counted each proof with a row trigger: one upsert of the same stats_daily row
-- (department, day, metric) per proof, whose row lock a chunk of a bulk job then held from its first proof to its
-- commit. Counting per statement from the transition table gives the same counts with one upsert per metric and
-- statement (a batched insert of a chunk is one statement), in a fixed order, so no two writers deadlock on it.
CREATE FUNCTION stats_on_proofs() RETURNS trigger AS $$
BEGIN
    INSERT INTO stats_daily (department, day, metric, n)
    SELECT issuer_dept, (issued_at AT TIME ZONE 'Asia/Shanghai')::date,
           CASE WHEN supersedes IS NOT NULL THEN 'issued_reissue'
                WHEN request_id IS NULL THEN 'issued_direct'
                WHEN issued_by = 'system:immediate' THEN 'issued_immediate'
                ELSE 'issued_request' END, count(*)
      FROM inserted WHERE kind = 'PROOF' AND issuer_dept IS NOT NULL AND issued_at IS NOT NULL
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (department, day, metric) DO UPDATE SET n = stats_daily.n + EXCLUDED.n;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER stats_proof ON proof;
DROP FUNCTION stats_on_proof();
CREATE TRIGGER stats_proof AFTER INSERT ON proof REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION stats_on_proofs();
