-- Departments and units: issuing departments (开具单位), using units / service windows (用证单位),
-- the justice bureau (审核). Codes are stable natural keys; rows are deactivated, never deleted,
-- because proofs and published lists keep referring to them.
CREATE TABLE department (
    code         VARCHAR(32)  PRIMARY KEY,
    name         VARCHAR(100) NOT NULL,
    kind         VARCHAR(32)  NOT NULL,
    uscc         VARCHAR(18)  UNIQUE,
    region_code  VARCHAR(6)   NOT NULL,
    parent_code  VARCHAR(32)  REFERENCES department (code),
    is_issuer    BOOLEAN      NOT NULL DEFAULT FALSE,
    is_using_unit BOOLEAN     NOT NULL DEFAULT FALSE,
    is_reviewer  BOOLEAN      NOT NULL DEFAULT FALSE,
    address      VARCHAR(200),
    phone        VARCHAR(40),
    active       BOOLEAN      NOT NULL DEFAULT TRUE,
    version      INTEGER      NOT NULL DEFAULT 0,
    created_at   TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    CONSTRAINT department_code_format CHECK (code ~ '^[A-Z][A-Z0-9-]{1,31}$'),
    CONSTRAINT department_region_format CHECK (region_code ~ '^[0-9]{6}$'),
    CONSTRAINT department_has_role CHECK (is_issuer OR is_using_unit OR is_reviewer),
    CONSTRAINT department_not_own_parent CHECK (parent_code IS NULL OR parent_code <> code)
);

CREATE INDEX department_parent_idx ON department (parent_code);
