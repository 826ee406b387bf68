#!/usr/bin/env bash
# Bench: bulk revocation (POST /api/v1/revocations, issue #16 item 3) of 1,000, 10,000 and 100,000 proofs by each
# selector — a list of numbers, a matter and issue-date range, a signing key from an instant — with the time per
# proof, which must stay flat (linear total time), and 100,000 in at most 10 s.
#
# Starts the packaged service (its own embedded PostgreSQL on a throw-away data folder, demo data), issues a few
# real proofs per round through the API and fills the round up with SQL copies of them under new ids, numbers
# (well-formed, with their check character) and status-list slots — rows of real size, shape and index entries,
# whose signed payload names the original's number (bench data only: the transparency check would report them).
# Each round has its own issue day (matter selector) or its own department and key (key selector), so a round
# selects exactly its own proofs. Every revocation is timed end to end (curl), including its audit rows, its
# holders' log rows and the status list republished after the commit, and the CPU the service and its PostgreSQL
# spent on it (on a shared machine the wall time also measures the neighbours). Prints the service's RSS and heap
# and the load average at the end.
#
# Usage: bench/bulk-revoke.sh        Env: PORT (18080), SIZES ("1000 10000 100000"), SELECTORS ("numbers matter key")
set -euo pipefail
source "$(dirname "$0")/lib.sh"

SIZES="${SIZES:-1000 10000 100000}"
SELECTORS="${SELECTORS:-numbers matter key}"
ORIGINALS=5   # really issued proofs per round; the rest are copies

echo "== load before: $(uptime)"
start_service -Xmx1g ${JAVA_OPTS_EXTRA:-}
PGPORT=$(grep -o 'embedded PostgreSQL at jdbc:postgresql://localhost:[0-9]*' "$WORK/service.log" | head -1 | grep -o '[0-9]*$')
export PGPASSWORD; PGPASSWORD=$(head -1 "$WORK/data/pg-password")
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h localhost -p "$PGPORT" -U postgres -d postgres -At)

# CPU used so far by the service and its PostgreSQL (postmaster and every backend, live or exited), in seconds: a run's own cost,
# which other work on the machine does not inflate as it does the wall time.
PG_PID=$(head -1 "$(find "$WORK/data" -name postmaster.pid | head -1)")
TCK=$(getconf CLK_TCK)
cpu() { # java|pg
  local pids t=0 p
  if [[ $1 == java ]]; then pids=$SERVICE_PID; else pids="$PG_PID $(pgrep -P "$PG_PID" | tr '\n' ' ')"; fi
  for p in $pids; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done
  # and the backends that exited (a psql session's): the postmaster has reaped them (cutime + cstime)
  [[ $1 == pg ]] && t=$((t + $(awk '{print $16 + $17}' "/proc/$PG_PID/stat")))
  awk -v t="$t" -v h="$TCK" 'BEGIN { printf "%.2f", t / h }'
}

# Proof numbers as ProofNumbers makes them: ZM-<year>-XXXX-XXXX-XXXX-C, Crockford base32, Luhn mod 32 check character.
"${PSQL[@]}" <<'SQL'
CREATE OR REPLACE FUNCTION bench_number(year int, n bigint) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    alphabet constant text := '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    body text := '';
    input text;
    factor int := 2;
    total int := 0;
    addend int;
    v bigint := n;
BEGIN
    FOR i IN 1..12 LOOP
        body := substr(alphabet, (v % 32)::int + 1, 1) || body;
        v := v / 32;
    END LOOP;
    input := year::text || body;
    FOR i IN REVERSE length(input)..1 LOOP
        addend := factor * (strpos(alphabet, substr(input, i, 1)) - 1);
        factor := CASE WHEN factor = 2 THEN 1 ELSE 2 END;
        total := total + addend / 32 + addend % 32;
    END LOOP;
    RETURN 'ZM-' || year || '-' || substr(body, 1, 4) || '-' || substr(body, 5, 4) || '-' || substr(body, 9, 4) || '-'
        || substr(alphabet, ((32 - total % 32) % 32) + 1, 1);
END $$;
SQL

# The issuing departments of the demo data with a matter on the retained list issued electronically: one per key round.
mapfile -t PAIRS < <(curl -sf "$BASE/api/v1/lists/retained?size=100" | jq -r '[.items[]
  | select(.content | tostring | test("\"electronic\":true"))] | group_by(.departmentCode)[] | "\(.[0].departmentCode) \(.[0].code)"')
[[ ${#PAIRS[@]} -gt 0 ]] || { echo "no electronic retained matter in the demo data" >&2; exit 1; }

issue_originals() { # dept matter → issues ORIGINALS proofs as that department's issuer
  local token; token=$(token ISSUER "$1")
  for _ in $(seq 1 "$ORIGINALS"); do
    curl -sf -o /dev/null -X POST "$BASE/api/v1/proofs" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d "{\"matterCode\":\"$2\",\"subject\":{\"kind\":\"PERSON\",\"name\":\"张伟\",\"id\":\"652801199003151239\"},\"claims\":{\"户籍地址\":\"库尔勒市人民东路 12 号\"},\"purpose\":\"批量撤销测试\"}" \
      || return 1
  done
}

SEQ=0
copy() { # dept matter count day_offset → COUNT new rows copied from the department's proofs of MATTER of the last minute
  local dept=$1 matter=$2 count=$3 days=$4
  "${PSQL[@]}" <<SQL
WITH src AS (SELECT *, row_number() OVER (ORDER BY number) - 1 AS k, count(*) OVER () AS n FROM proof
             WHERE issuer_dept = '$dept' AND matter_code = '$matter' AND issued_at > now() - interval '1 minute'
               AND number NOT LIKE 'ZM-2001-%'),
     base AS (SELECT coalesce(max(status_list_index), 0) + 1 AS slot FROM proof WHERE issuer_dept = '$dept')
INSERT INTO proof (id, number, code_enc, matter_code, matter_version, matter_name, issuer_dept, issuer_name, subject_kind,
    subject_name_masked, subject_id_index, subject_id_masked, purpose, issued_at, valid_until, status, status_list_index,
    payload, jws_signatures, request_id, issued_by, disclosures_enc, kind)
SELECT gen_random_uuid(), bench_number(2001, $SEQ * 10000000 + i), s.code_enc, s.matter_code, s.matter_version, s.matter_name,
    s.issuer_dept, s.issuer_name, s.subject_kind, s.subject_name_masked, md5(i::text || '-$SEQ'), s.subject_id_masked,
    s.purpose, s.issued_at - $days * interval '1 day', s.valid_until, 'VALID', base.slot + i, s.payload, s.jws_signatures,
    s.request_id, s.issued_by, s.disclosures_enc, s.kind
FROM generate_series(0, $count - 1) AS i JOIN src s ON s.k = i % s.n, base;
SQL
}

declare -A ROUND_DAY=([1000]=400 [10000]=500 [100000]=600)
printf '%-8s %8s %7s %9s %10s %11s %9s  %s\n' selector revoked "load s" "revoke s" "µs/proof" "cpu java s" "cpu pg s" "status list"
round() { # selector size report(0/1)
    local sel=$1 n=$2 report=$3
    SEQ=$((SEQ + 1))
    # numbers and matter rounds in the first demo issuer; each key round in a department (and key) of its own
    if [[ $sel == key ]]; then pair=${PAIRS[$(( (1 + k++) % ${#PAIRS[@]} ))]}; else pair=${PAIRS[0]}; fi
    dept=${pair% *}; matter=${pair#* }
    t0=$(date +%s.%N)
    from=$(date -u +%Y-%m-%dT%H:%M:%SZ)   # the key rounds revoke what the key signed from here on
    issue_originals "$dept" "$matter"
    case $sel in
      numbers) # n copies, listed by number
        copy "$dept" "$matter" "$n" 0
        "${PSQL[@]}" -c "SELECT json_build_object('numbers', json_agg(bench_number(2001, $SEQ * 10000000 + i)),
                           'reason', 'ISSUED_IN_ERROR', 'note', 'bench') FROM generate_series(0, $n - 1) AS i" > "$WORK/body.json" ;;
      matter) # n copies dated DAYS back, selected by that Beijing day (± 1)
        days=${ROUND_DAY[$n]:-$((700 + SEQ))}
        copy "$dept" "$matter" "$n" "$days"
        printf '{"matter":{"code":"%s","issuedFrom":"%s","issuedTo":"%s"},"reason":"DATA_CHANGED","note":"bench"}' "$matter" \
          "$(TZ=Asia/Shanghai date -d "-$((days + 1)) days" +%F)" "$(TZ=Asia/Shanghai date -d "-$((days - 1)) days" +%F)" \
          > "$WORK/body.json" ;;
      key) # the originals and n - ORIGINALS copies (same signatures), selected by the key from just before them
        copy "$dept" "$matter" "$((n - ORIGINALS))" 0
        kid=$("${PSQL[@]}" -c "SELECT kid FROM signing_key WHERE department_code = '$dept' AND state = 'ACTIVE' AND algorithm = 'SM2_SM3'")
        printf '{"key":{"kid":"%s","from":"%s"},"reason":"KEY_COMPROMISE","note":"bench"}' "$kid" "$from" > "$WORK/body.json" ;;
    esac
    # statistics for the planner, and the load's dirty pages written now rather than during the timed run
    "${PSQL[@]}" -c "VACUUM ANALYZE proof" -c "CHECKPOINT" >/dev/null
    t1=$(date +%s.%N)
    j0=$(cpu java); p0=$(cpu pg)
    issuer=$(token ISSUER "$dept")
    out=$(curl -s -o "$WORK/answer.json" -w '%{http_code} %{time_total}' -X POST "$BASE/api/v1/revocations" \
      -H "Authorization: Bearer $issuer" -H 'Content-Type: application/json' --data-binary @"$WORK/body.json")
    code=${out% *}; secs=${out#* }
    j1=$(cpu java); p1=$(cpu pg)
    if [[ $code != 200 ]]; then echo "round $sel $n answered $code:"; cat "$WORK/answer.json"; echo; exit 1; fi
    revoked=$(jq .revoked "$WORK/answer.json")
    list=$("${PSQL[@]}" -c "SELECT max(number) FROM status_list_publication WHERE issuer_dept = '$dept'")
    [[ $report == 1 ]] || return 0
    printf '%-8s %8s %7.1f %9.2f %10.1f %11.2f %9.2f  %s #%s\n' "$sel" "$revoked" "$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')" \
      "$secs" "$(awk -v s="$secs" -v r="$revoked" 'BEGIN{print r ? 1e6*s/r : 0}')" "$(awk -v a="$j0" -v b="$j1" 'BEGIN{print b-a}')" \
      "$(awk -v a="$p0" -v b="$p1" 'BEGIN{print b-a}')" "$dept" "$list"
}

k=0
round numbers 5000 0   # warm-up, not reported: the first run of a code path measures the JIT
for sel in $SELECTORS; do
  for n in $SIZES; do
    round "$sel" "$n" 1
  done
done

# The floor, in the same run: 100,000 fresh copies revoked by one bare UPDATE from psql on one connection — the
# proof rows and their index entries alone, no audit or holders' log rows, no status list, no service.
SEQ=$((SEQ + 1)); pair=${PAIRS[0]}; issue_originals "${pair% *}" "${pair#* }"; copy "${pair% *}" "${pair#* }" 100000 0
"${PSQL[@]}" -c "VACUUM ANALYZE proof" -c "CHECKPOINT" >/dev/null
p0=$(cpu pg); f0=$(date +%s.%N)
"${PSQL[@]}" -c "UPDATE proof SET status = 'REVOKED', revoked_at = now(), revocation_reason = 'ISSUED_IN_ERROR',
    revocation_note = 'floor', revoked_by = 'bench', version = version + 1
  WHERE number = ANY(ARRAY(SELECT bench_number(2001, $SEQ * 10000000 + i) FROM generate_series(0, 99999) AS i))" >/dev/null
f1=$(date +%s.%N); p1=$(cpu pg)
printf '%-8s %8s %7s %9.2f %10.1f %11s %9.2f  (floor: bare UPDATE, one connection)\n' floor 100000 - \
  "$(awk -v a="$f0" -v b="$f1" 'BEGIN{print b-a}')" "$(awk -v a="$f0" -v b="$f1" 'BEGIN{print 1e6*(b-a)/100000}')" - \
  "$(awk -v a="$p0" -v b="$p1" 'BEGIN{print b-a}')"

# The matter selector's plan read on the rows now in the database (a department with 200,000+ proofs): with the
# index on (matter_code, issued_at) of V46, and without it (dropped in a transaction rolled back).
dept0=${PAIRS[0]% *}; matter0=${PAIRS[0]#* }
explain() { # matter from to
  echo "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT p.id FROM proof p WHERE p.issuer_dept = '$dept0' AND p.kind = 'PROOF'
    AND p.matter_code = '$1' AND p.issued_at >= '$2' AND p.issued_at < '$3';"
}
today_from=$(date -u -d '-1 day' +%F); today_to=$(date -u -d '+1 day' +%F)
m_from=$(date -u -d "-$((ROUND_DAY[100000] + 1)) days" +%F); m_to=$(date -u -d "-$((ROUND_DAY[100000] - 1)) days" +%F)
for with in with without; do
  echo "== EXPLAIN $with proof_matter_issued_idx: (1) the 100k matter round's selection, (2) another matter on the days"
  echo "   of the numbers rounds' 116,000 proofs of $matter0"
  { echo "BEGIN;"; [[ $with == without ]] && echo "DROP INDEX proof_matter_issued_idx;"
    explain "$matter0" "$m_from" "$m_to"; explain "NO-SUCH-MATTER" "$today_from" "$today_to"; echo "ROLLBACK;"
  } | "${PSQL[@]}" | grep -E "Scan|Execution Time|Buffers|Rows Removed" | head -20
done

kdept=$("${PSQL[@]}" -c "SELECT department FROM revocation_run WHERE selector = 'key' ORDER BY created_at DESC LIMIT 1")
echo "== EXPLAIN the 100k key round's plan read (its candidates: the department's proofs issued since)"
"${PSQL[@]}" -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT p.id, p.number, p.status FROM proof p WHERE p.issuer_dept = '$kdept'
  AND p.kind = 'PROOF' AND p.issued_at >= now() - interval '1 hour' LIMIT 100001" | grep -E "Scan|Execution Time|Buffers|Filter"

memory
uptime
echo "== where the time went, per run (the service's lines: the request's checks; the plan (selection read, run and"
echo "   chunks stored); the chunks, each revoked with its log rows on certfree.revocations.workers connections; the status list)"
grep -o "request checked.*\|Revocation run .*\|Status list [0-9]* of .*" "$WORK/service.log"
