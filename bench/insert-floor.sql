-- pgbench script of bench/issuance.sh: the single-row insert-and-commit floor (one row of a stored proof's size,
-- unique key, autocommit with synchronous_commit on); :pad is random text of that size (pgbench -D, -M prepared)
INSERT INTO bench_insert_floor (id, body) VALUES (gen_random_uuid(), :pad);
