-- 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04, ../shared/reference/holidays-2026.md): days off
-- include the weekends inside each span; make-up working days are weekends worked in exchange (调休).
INSERT INTO calendar_day (day, kind, name, source)
SELECT d::date, 'HOLIDAY', n, '国务院办公厅2026年部分节假日安排通知' FROM (VALUES
    ('2026-01-01', '元旦'), ('2026-01-02', '元旦'), ('2026-01-03', '元旦'),
    ('2026-02-15', '春节'), ('2026-02-16', '春节'), ('2026-02-17', '春节'), ('2026-02-18', '春节'), ('2026-02-19', '春节'),
    ('2026-02-20', '春节'), ('2026-02-21', '春节'), ('2026-02-22', '春节'), ('2026-02-23', '春节'),
    ('2026-04-04', '清明节'), ('2026-04-05', '清明节'), ('2026-04-06', '清明节'),
    ('2026-05-01', '劳动节'), ('2026-05-02', '劳动节'), ('2026-05-03', '劳动节'), ('2026-05-04', '劳动节'), ('2026-05-05', '劳动节'),
    ('2026-06-19', '端午节'), ('2026-06-20', '端午节'), ('2026-06-21', '端午节'),
    ('2026-09-25', '中秋节'), ('2026-09-26', '中秋节'), ('2026-09-27', '中秋节'),
    ('2026-10-01', '国庆节'), ('2026-10-02', '国庆节'), ('2026-10-03', '国庆节'), ('2026-10-04', '国庆节'),
    ('2026-10-05', '国庆节'), ('2026-10-06', '国庆节'), ('2026-10-07', '国庆节')) AS h(d, n)
ON CONFLICT (day) DO NOTHING;
INSERT INTO calendar_day (day, kind, name, source)
SELECT d::date, 'WORKDAY', n, '国务院办公厅2026年部分节假日安排通知' FROM (VALUES
    ('2026-01-04', '元旦调休上班'), ('2026-02-14', '春节调休上班'), ('2026-02-28', '春节调休上班'),
    ('2026-05-09', '劳动节调休上班'), ('2026-09-20', '国庆节调休上班'), ('2026-10-10', '国庆节调休上班')) AS w(d, n)
ON CONFLICT (day) DO NOTHING;

-- A deadline that runs into a year whose arrangement nobody has entered is counted from weekends alone:
-- the request says so instead of passing it off as exact.
ALTER TABLE proof_request ADD COLUMN due_date_provisional BOOLEAN NOT NULL DEFAULT FALSE;
