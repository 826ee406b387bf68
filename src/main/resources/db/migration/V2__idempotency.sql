-- Responses of POSTs sent with an Idempotency-Key, so that a retry answers the same and creates
-- nothing new. The row is written in the same transaction as the work it records.
CREATE TABLE idempotency_record (
    principal     VARCHAR(128) NOT NULL,
    key           VARCHAR(100) NOT NULL,
    request_hash  VARCHAR(64)  NOT NULL,
    status        INTEGER,
    location      VARCHAR(500),
    body          TEXT,
    created_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (principal, key)
);

CREATE INDEX idempotency_record_created_idx ON idempotency_record (created_at);
