-- Issue #16, item 1 (bench/scale.sh): verifications are counted once per statement, as proofs are since V43.
-- The row trigger of V39 appended two to four stats_delta rows per verification (its issuer's and its unit's
-- counts), one plpgsql call and up to four single-row INSERTs each. The verification log is written a batch at a
-- time in one multi-row INSERT (verification.VerificationStore), so counting from the statement's transition
-- table gives the same counts with one INSERT per statement: a batch of n receipts appends at most 4 rows
-- grouped by department, day and metric instead of 2n to 4n, and a load of millions of rows (the scale bench's
-- filler) is counted in one pass instead of one call per row. What is counted is unchanged (StatisticsTest
-- recounts the raw rows): received by the issuer, made by the unit, retrievals both ways; a verification of an
-- unknown number has no issuer and counts for the unit only.
CREATE FUNCTION stats_on_verifications() RETURNS trigger AS $$
BEGIN
    INSERT INTO stats_delta (department, day, metric, n)
    SELECT department, day, metric, count(*)
      FROM (SELECT issuer_dept AS department, (verified_at AT TIME ZONE 'Asia/Shanghai')::date AS day,
                   'verifications_received' AS metric
              FROM inserted WHERE issuer_dept IS NOT NULL AND verified_at IS NOT NULL
            UNION ALL
            SELECT unit_code, (verified_at AT TIME ZONE 'Asia/Shanghai')::date, 'verifications_made'
              FROM inserted WHERE unit_code IS NOT NULL AND verified_at IS NOT NULL
            UNION ALL
            SELECT issuer_dept, (verified_at AT TIME ZONE 'Asia/Shanghai')::date, 'retrievals_received'
              FROM inserted WHERE retrieved AND issuer_dept IS NOT NULL AND verified_at IS NOT NULL
            UNION ALL
            SELECT unit_code, (verified_at AT TIME ZONE 'Asia/Shanghai')::date, 'retrievals_made'
              FROM inserted WHERE retrieved AND unit_code IS NOT NULL AND verified_at IS NOT NULL) counted
     GROUP BY 1, 2, 3;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER stats_verification ON verification;
DROP FUNCTION stats_on_verification();
CREATE TRIGGER stats_verification AFTER INSERT ON verification REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION stats_on_verifications();
