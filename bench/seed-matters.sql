-- BENCH ONLY — never run against a real database.
-- Loads :count approved proof matters straight into the catalogue tables and spreads them over
-- :batches draft publication batches of the justice bureau (BZSFJ), numbered 2099年第N批. The bench
-- script then publishes those drafts through the real API (manifests, hash chain, Merkle log,
-- signatures and the materialised current lists are all made by the service, not by this file).
-- Names are combined from the vocabulary of the seed (出生、教育、工作、养老、就医、企业开办、经营 …) and the
-- prefecture's counties, so Chinese substrings have realistic selectivity.
\set ON_ERROR_STOP on
BEGIN;

CREATE TEMP TABLE bench_vocab AS SELECT
    ARRAY['户籍','出生','婚姻','收入','居住','房屋','车辆','学历','学籍','职称','医师','教师','护士','退役','残疾',
          '低保','养老','医疗','工伤','失业','生育','纳税','社保','公积金','营业','食品','药品','建筑','道路','消防',
          '环保','林草','水利','农机','渔业','旅游','文化','广播','体育','殡葬'] AS subject,
    ARRAY['登记','关系','状况','资格','信息','记录','缴纳','使用','备案','许可','鉴定','认定','变更','注销','核查',
          '年审','审核','执业','经营','从业'] AS aspect,
    ARRAY['证明','情况证明','记录证明','证明材料','核实证明','情况说明'] AS form,
    ARRAY['库尔勒市','轮台县','尉犁县','若羌县','且末县','焉耆回族自治县','和静县','和硕县','博湖县'] AS county,
    ARRAY['BZGAJ','BZMZJ','BZRSJ','BZSWJ','BZSCJGJ','BZZJJ','BZWJW','BZJYJ','BZYBJ'] AS dept,
    ARRAY['BIRTH','SCHOOL_ENROLMENT','EDUCATION','EMPLOYMENT','HOUSING','HOUSEHOLD_REGISTRATION','MARRIAGE_FAMILY',
          'SOCIAL_ASSISTANCE','MEDICAL_CARE','RETIREMENT','ELDERLY_CARE','BUSINESS_STARTUP','BUSINESS_OPERATION',
          'INVESTMENT','BUSINESS_EXIT','CONTRACT','RECRUITMENT','TRANSPORT','CULTURE_TOURISM'] AS scenario,
    ARRAY['《中华人民共和国户口登记条例》','《中华人民共和国社会保险法》','《中华人民共和国税收征收管理法》',
          '《中华人民共和国市场主体登记管理条例》','《社会救助暂行办法》','《居住证暂行条例》'] AS law;

CREATE TEMP TABLE bench_matter AS
SELECT i,
       d.code AS department_code, d.name AS department_name,
       CASE i % 3 WHEN 0 THEN 'RETAINED' WHEN 1 THEN 'CANCELLED' ELSE 'NOTIFY_COMMIT' END AS kind,
       v.dept[1 + i % 9] || '-B' || lpad(i::text, 7, '0') AS code,
       v.county[1 + (i / 4800) % 9] || v.subject[1 + i % 40] || v.aspect[1 + (i / 40) % 20] || v.form[1 + (i / 800) % 6] AS name,
       jsonb_build_array(v.scenario[1 + i % 19], v.scenario[1 + (i / 19) % 19]) AS scenarios,
       v.law[1 + i % 6] AS law, '第' || (1 + i % 60) || '条' AS article
FROM generate_series(1, :count) AS i
CROSS JOIN bench_vocab v
JOIN department d ON d.code = v.dept[1 + i % 9];

ALTER TABLE bench_matter ADD COLUMN details jsonb, ADD COLUMN content jsonb, ADD COLUMN search_text text;
UPDATE bench_matter SET details = CASE kind
    WHEN 'RETAINED' THEN jsonb_build_object('legalBases', jsonb_build_array(jsonb_build_object('law', law, 'article', article)),
        'channel', 'ONLINE_AND_WINDOW', 'timeLimit', jsonb_build_object('kind', 'WORKING_DAYS', 'workingDays', 1 + i % 10),
        'validityDays', 90, 'electronic', true)
    WHEN 'CANCELLED' THEN jsonb_build_object('replacement', 'DATA_SHARING',
        'handlingInstead', '办理单位通过数据共享核查' || name || '所载信息，不再要求申请人提交。',
        'sharedDataSource', '一体化政务服务平台共享数据')
    ELSE jsonb_build_object('commitment', jsonb_build_object('proofObligation', '申请人应当符合' || name || '所证明的条件。',
        'proofContent', '本人承诺' || name || '所载事项真实。', 'legalLiability', '承诺不实的，依法撤销并记入信用记录。'),
        'checkMethod', 'DATA_SHARING', 'checkWithinDays', 30) END;
UPDATE bench_matter SET
    content = jsonb_build_object('code', code, 'kind', kind, 'kindUri', 'urn:certfree:list-kind:' ||
            CASE kind WHEN 'RETAINED' THEN 'retained' WHEN 'CANCELLED' THEN 'cancelled' ELSE 'notify-commit' END,
        'version', 1, 'name', name, 'scenarios', scenarios,
        'department', jsonb_build_object('code', department_code, 'name', department_name),
        CASE kind WHEN 'RETAINED' THEN 'retained' WHEN 'CANCELLED' THEN 'cancelled' ELSE 'notifyCommit' END, details,
        'approvedBy', 'BZSFJ', 'approvedAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
    search_text = concat_ws(' ', code, name, department_name,
        CASE kind WHEN 'RETAINED' THEN law
                  WHEN 'CANCELLED' THEN details ->> 'handlingInstead' || ' ' || (details ->> 'sharedDataSource')
                  ELSE details -> 'commitment' ->> 'proofContent' || ' ' || (details -> 'commitment' ->> 'proofObligation') END);

INSERT INTO proof_matter (code, kind, department_code, name, scenarios, latest_number, latest_status, search_text,
                          created_by, created_at, updated_at)
SELECT code, kind, department_code, name, scenarios, 1, 'APPROVED', search_text, 'bench-loader', now(), now()
FROM bench_matter;

INSERT INTO matter_version (matter_code, number, proposal, status, name, scenarios, details, created_by, created_at,
                            updated_by, updated_at, submitted_by, submitted_at, reviewed_by, reviewer_department, reviewed_at,
                            review_comment)
SELECT code, 1, 'CONTENT', 'APPROVED', name, scenarios, details, 'bench-loader', now(), 'bench-loader', now(),
       'bench-loader', now(), 'bench-reviewer', 'BZSFJ', now(), '压测数据'
FROM bench_matter;

INSERT INTO publication_batch (number, title, status, authority_code, created_by, created_at, updated_at)
SELECT '2099年第' || n || '批', '压测批次 ' || n, 'DRAFT', 'BZSFJ', 'bench-loader', now(), now()
FROM generate_series(1, :batches) AS n;

INSERT INTO publication_entry (batch_id, seq, action, matter_code, kind, matter_version, department_code, name, scenarios,
                               content, search_text, added_by, added_at)
SELECT b.id, row_number() OVER (PARTITION BY b.id ORDER BY m.code), 'ADD', m.code, m.kind, 1, m.department_code, m.name,
       m.scenarios, m.content, m.search_text, 'bench-loader', now()
FROM bench_matter m
JOIN publication_batch b ON b.number = '2099年第' || (1 + m.i % :batches) || '批';

COMMIT;
ANALYZE proof_matter;
ANALYZE matter_version;
ANALYZE publication_entry;
SELECT id FROM publication_batch WHERE number LIKE '2099年第%批' AND status = 'DRAFT' ORDER BY id;
