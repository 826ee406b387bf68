#!/usr/bin/env bash
# Bench: the 工作台账, GET /api/v1/statistics for one month, against the floor, with COUNT proofs on record.
#
# Starts the packaged service (its own embedded PostgreSQL, on a throw-away data folder), loads COUNT proofs
# straight into the proof table with psql (a bench-only path: unsigned rows, spread over the last 365 days and
# the demo departments). The statistics triggers write their deltas as they would for issued proofs, so the load
# time includes their cost, and the script waits for StatsFolder to fold them into the rollup. Then wrk runs
#   month:  GET /api/v1/statistics?from=<first of last month>&to=<its last day>   (all departments, ADMIN)
#   dept:   the same for one department
#   floor:  GET /api/v1/bench/floor/BZGAJ                                          (one lookup by primary key)
# at 1 and 8 connections and prints p50 / p99, requests per second and the month/floor ratio. The statistics
# read only the rollup (departments × days × metrics rows), so their cost does not grow with COUNT.
#
# Usage: bench/statistics.sh     Env: PORT (18432), COUNT (1000000), DURATION (15s), DATA (/tmp/certfree-bench-stats),
#        REBUILD=1 to rebuild the package first.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-18432}"
COUNT="${COUNT:-1000000}"
DURATION="${DURATION:-15s}"
DATA="${DATA:-/tmp/certfree-bench-stats}"
BASE="http://localhost:$PORT"
LOG="$DATA.log"

need() { command -v "$1" >/dev/null 2>&1 || { echo "installing $2"; apt-get install -y "$2" >/dev/null; }; }
need wrk wrk
need psql postgresql-client
need curl curl

if [[ "${REBUILD:-0}" == 1 || ! -f target/quarkus-app/quarkus-run.jar ]]; then
  echo "== building the package"
  ./mvnw -q -DskipTests package
fi

rm -rf "$DATA" "$LOG"
echo "== starting the service on port $PORT (data in $DATA, log in $LOG)"
java -Xmx1g -Dquarkus.http.port="$PORT" -Dcertfree.data-dir="$DATA" -jar target/quarkus-app/quarkus-run.jar >"$LOG" 2>&1 &
APP=$!
cleanup() { kill "$APP" 2>/dev/null && wait "$APP" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 1 180); do
  curl -fsS "$BASE/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$APP" 2>/dev/null || { echo "service died, see $LOG"; exit 1; }
  sleep 1
done
curl -fsS "$BASE/q/health/ready" >/dev/null
PGPORT=$(grep -o 'embedded PostgreSQL at jdbc:postgresql://localhost:[0-9]*' "$LOG" | head -1 | grep -o '[0-9]*$')
export PGPASSWORD; PGPASSWORD=$(head -1 "$DATA/pg-password")
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h localhost -p "$PGPORT" -U postgres -d postgres)

echo "== loading $COUNT proofs (triggers keep the rollup)"
START=$(date +%s.%N)
"${PSQL[@]}" <<SQL
WITH d AS (SELECT array_agg(code ORDER BY code) AS codes FROM department)
INSERT INTO proof (id, number, code_enc, matter_code, matter_version, matter_name, issuer_dept, issuer_name,
    subject_kind, subject_name_masked, subject_id_index, subject_id_masked, purpose, issued_at, valid_until, status,
    status_list_index, payload, jws_signatures, issued_by, disclosures_enc, kind)
SELECT gen_random_uuid(), 'BENCH' || i, 'x', 'BENCH-R001', 1, 'bench', d.codes[1 + i % array_length(d.codes, 1)], 'bench',
    'PERSON', '*', md5(i::text), '*', 'bench', now() - (i % 365) * interval '1 day' - (i % 86400) * interval '1 second',
    now() + interval '1 year', 'VALID', 50000000 + i, '{}', '{}', 'bench', 'x', 'PROOF'
FROM generate_series(1, $COUNT) AS i, d;
SQL
END=$(date +%s.%N)
awk -v s="$START" -v e="$END" -v n="$COUNT" 'BEGIN { printf "   loaded in %.1f s (%.0f proofs/s with the rollup triggers)\n", e - s, n / (e - s) }'
# the triggers wrote one delta per proof; StatsFolder moves them into the rollup within seconds (reports read both)
START=$(date +%s.%N)
for _ in $(seq 1 120); do
  [[ "$("${PSQL[@]}" -At -c "SELECT count(*) FROM (SELECT 1 FROM stats_delta LIMIT 1) d")" == 0 ]] && break
  sleep 0.5
done
END=$(date +%s.%N)
awk -v s="$START" -v e="$END" 'BEGIN { printf "   deltas folded into the rollup %.1f s after the load\n", e - s }'
"${PSQL[@]}" -At -c "SELECT 'rollup rows: ' || count(*) || ', unfolded deltas: ' || (SELECT count(*) FROM stats_delta) FROM stats_daily"

TOKEN=$(curl -sf -X POST "$BASE/api/v1/dev/tokens" -H 'Content-Type: application/json' -d '{"role":"ADMIN"}' \
  | sed 's/.*"token":"\([^"]*\)".*/\1/')
FROM=$(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m-%d)
TO=$(date -d "$(date +%Y-%m-01) -1 day" +%Y-%m-%d)
MONTH="$BASE/api/v1/statistics?from=$FROM&to=$TO"
DEPT="$MONTH&department=BZGAJ"
FLOOR="$BASE/api/v1/bench/floor/BZGAJ"
curl -fsS -H "Authorization: Bearer $TOKEN" "$DEPT" | head -c 400; echo

row() { # name conns url [auth]
  local out rps p50 p99
  if [[ -n "${4:-}" ]]; then out=$(wrk -t1 -c"$2" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$3")
  else out=$(wrk -t1 -c"$2" -d"$DURATION" --latency "$3"); fi
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out"); p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  printf '%-8s c=%-3s req/s=%-10s p50=%-9s p99=%s\n' "$1" "$2" "$rps" "$p50" "$p99"
  echo "$rps" > "$DATA.$1.$2"
}
echo "== warm-up"; wrk -t2 -c8 -d10s -H "Authorization: Bearer $TOKEN" "$MONTH" >/dev/null
echo "== $COUNT proofs, month $FROM..$TO"
for c in 1 8; do
  row month "$c" "$MONTH" auth
  row dept "$c" "$DEPT" auth
  row floor "$c" "$FLOOR"
done
for c in 1 8; do
  awk -v a="$(cat "$DATA.month.$c")" -v b="$(cat "$DATA.floor.$c")" -v c="$c" \
    'BEGIN { printf "month/floor at c=%s: %.0f%% of the floor'"'"'s throughput\n", c, 100 * a / b }'
done
source bench/memory.sh  # the working directory is the repository (cd above)
memory_of "$APP" "$BASE"
