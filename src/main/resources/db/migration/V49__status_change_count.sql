-- Issue #16, item 1: every GET of a department's status list asked whether the last signed list is still current by
-- counting the department's proofs that are no longer VALID (an index-only scan that grows with revocations: 33 ms
-- with 30,000 revoked among 3 M proofs, bench/scale.sh). The same count is now kept as it changes: each statement
-- that makes proofs non-VALID (revoked, superseded; inserted so, as bench clones are) appends one row per department
-- with how many. Rows are only appended, so concurrent revocations (the chunks of a bulk run) never wait for each
-- other here, and a row commits with the statement that made it. proof.StatusChanges folds them into one row per
-- department now and then; the sum never changes by folding. A status never returns to VALID (V28), so the sum is
-- exactly the number of the department's non-VALID proofs, which is what a list records in changed_count.
CREATE TABLE status_change (
    issuer_dept VARCHAR(32) NOT NULL,
    n           BIGINT      NOT NULL
);
CREATE INDEX status_change_dept_idx ON status_change (issuer_dept) INCLUDE (n);

INSERT INTO status_change (issuer_dept, n)
SELECT issuer_dept, count(*) FROM proof WHERE status <> 'VALID' GROUP BY issuer_dept;

CREATE FUNCTION status_change_on_update() RETURNS trigger AS $$
BEGIN
    INSERT INTO status_change (issuer_dept, n)
    SELECT n.issuer_dept, count(*) FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE o.status = 'VALID' AND n.status <> 'VALID'
    GROUP BY n.issuer_dept;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION status_change_on_insert() RETURNS trigger AS $$
BEGIN
    INSERT INTO status_change (issuer_dept, n)
    SELECT issuer_dept, count(*) FROM inserted WHERE status <> 'VALID' GROUP BY issuer_dept;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER status_change_update AFTER UPDATE ON proof REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION status_change_on_update();
CREATE TRIGGER status_change_insert AFTER INSERT ON proof REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION status_change_on_insert();
