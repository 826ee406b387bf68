-- Wrong verification codes per proof number, counted in PostgreSQL so that every client address and
-- every replica adds to the same count (issue #12, item 7). Numbers that were never issued are
-- counted too: a lock must not tell an issued number from an unknown one. Owned by the proof feature.
CREATE TABLE code_attempt (
    number          VARCHAR(64)  PRIMARY KEY,
    first_wrong_at  TIMESTAMPTZ  NOT NULL,
    wrong           INTEGER      NOT NULL CHECK (wrong > 0)
);
CREATE INDEX code_attempt_age_idx ON code_attempt (first_wrong_at);
