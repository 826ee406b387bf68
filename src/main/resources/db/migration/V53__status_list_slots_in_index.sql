-- A status list's publication reads the slot of every non-VALID proof of the department
-- (StatusSlots.snapshot: "status_list_index FROM proof WHERE issuer_dept = ? AND status <> 'VALID'"). The partial index
-- it uses held the department and revocation time only, so each of those rows cost a heap page read: at 8 million
-- proofs with 1 % revoked, 80,000 of them, 0.7 s of PostgreSQL CPU per publication (bench/scale.sh, 2026-11-30).
-- With the slot carried in the index the read is an index-only scan. Same key and predicate, so every other query
-- that used the index still does.
DROP INDEX proof_revoked_idx;
CREATE INDEX proof_revoked_idx ON proof (issuer_dept, revoked_at) INCLUDE (status_list_index) WHERE status <> 'VALID';
