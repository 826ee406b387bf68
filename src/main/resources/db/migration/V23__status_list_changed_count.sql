-- How many of the department's proofs were no longer valid (revoked or superseded) in the snapshot a
-- status list was made from. A proof never becomes valid again, so the list is current exactly while
-- that number is unchanged; comparing times instead misses a revocation that commits after a list
-- made in between. NULL (lists made before this column) counts as stale.
ALTER TABLE status_list_publication ADD COLUMN changed_count BIGINT;
