#!/usr/bin/env bash
# Bulk issuance (issue #16, item 2): COUNT proofs submitted as jobs of at most JOB_SIZE items (NDJSON, one POST
# each), issued by the service's workers with every proof signed (SM2-SM3 + Ed25519), audited and stored durably
# (synchronous_commit on), against the signing-bound ceiling measured in the same run (bench/SignRate.java).
# With KILL=1 (default) the service is killed with kill -9 once a third of the items are issued and started again
# on the same database: the jobs resume, and the script checks that exactly COUNT proofs exist afterwards.
# Usage: bench/bulk-issue.sh [COUNT, default 100000]
# Env: JOB_SIZE (100000), WARMUP (20000 items issued first, not measured), KILL (1), PROFILE (0; 1: JFR recording
#      and its hottest frames), SERVICE_OPTS (extra JVM options of the service)
source "$(dirname "$0")/lib.sh"
command -v psql >/dev/null || { echo "psql is needed: apt-get install -y postgresql-client" >&2; exit 2; }
COUNT="${1:-100000}"
JOB_SIZE="${JOB_SIZE:-100000}"
WARMUP="${WARMUP:-20000}"
KILL="${KILL:-1}"
PROFILE="${PROFILE:-0}"
read -r -a EXTRA <<<"${SERVICE_OPTS:-}"
[ "$PROFILE" = 1 ] && EXTRA+=("-XX:StartFlightRecording=filename=$WORK/bulk.jfr,settings=profile,dumponexit=true")

echo "== raw signing rate (floor of what issuance can reach), 2 threads"
RAW=$(java -cp "$APP/lib/main/*" "$ROOT/bench/SignRate.java" 10 2)
echo "$RAW"
SM2_RATE=$(awk '/SM2-SM3/ {print $2}' <<<"$RAW")
ED_RATE=$(awk '/Ed25519/ {print $2}' <<<"$RAW")
CEILING=$(awk -v s="$SM2_RATE" -v e="$ED_RATE" 'BEGIN { printf "%.0f", 1 / (1 / s + 1 / e) }')

start_service "${EXTRA[@]}"
MATTER=$(curl -sf "$BASE/api/v1/lists/retained?department=BZGAJ&size=100" \
  | python3 -c 'import sys,json; print(next(m["code"] for m in json.load(sys.stdin)["items"] if m.get("electronic", True)))')
TOKEN=$(token ISSUER BZGAJ)
AUTH=(-H "Authorization: Bearer $TOKEN")

# the department's proofs counted in the database itself (the listing's total is exact only up to 1000)
proofs_total() {
  PGPASSWORD=$(head -1 "$WORK/data/pg-password") psql -X -At -h localhost -U postgres -d postgres \
    -p "$(grep -o 'embedded PostgreSQL at jdbc:postgresql://localhost:[0-9]*' "$WORK/service.log" | head -1 | grep -o '[0-9]*$')" \
    -c "SELECT count(*) FROM proof WHERE issuer_dept = 'BZGAJ'"
}
submit() { # file → job id (one POST, the body streamed)
  curl -sf -X POST -T "$1" -H 'Content-Type: application/x-ndjson' "${AUTH[@]}" "$BASE/api/v1/issuance-jobs" \
    | python3 -c 'import sys,json; print(json.load(sys.stdin)["id"])'
}
progress() { # job ids → "done issued failed finished-jobs"
  local id d=0 i=0 f=0 fin=0 line
  for id in "$@"; do
    line=$(curl -sf "${AUTH[@]}" "$BASE/api/v1/issuance-jobs/$id" \
      | python3 -c 'import sys,json; j=json.load(sys.stdin); print(j["done"], j["issued"], j["failed"], 1 if j["status"] in ("DONE","CANCELLED") else 0)') || line="0 0 0 0"
    read -r a b c e <<<"$line"; d=$((d + a)); i=$((i + b)); f=$((f + c)); fin=$((fin + e))
  done
  echo "$d $i $f $fin"
}
wait_jobs() { # job ids: until every one is finished (or the service is gone: returns 1)
  while true; do
    read -r d i f fin <<<"$(progress "$@")"
    [ "$fin" -eq "$#" ] && return 0
    kill -0 "$SERVICE_PID" 2>/dev/null || return 1
    sleep 2
  done
}

echo "== generating $COUNT items (+ $WARMUP warm-up) as NDJSON files of at most $JOB_SIZE lines"
python3 "$ROOT/bench/bulk-items.py" "$MATTER" 0 "$WARMUP" warm > "$WORK/warmup.ndjson"
FILES=()
for ((start = 0; start < COUNT; start += JOB_SIZE)); do
  n=$((COUNT - start < JOB_SIZE ? COUNT - start : JOB_SIZE))
  python3 "$ROOT/bench/bulk-items.py" "$MATTER" "$start" "$n" "run" > "$WORK/job-$start.ndjson"
  FILES+=("$WORK/job-$start.ndjson")
done

if [ "$WARMUP" -gt 0 ]; then
  echo "== warming up: one job of $WARMUP items (not measured)"
  WID=$(submit "$WORK/warmup.ndjson")
  wait_jobs "$WID"
fi

BEFORE=$(proofs_total)
echo "== issuing $COUNT proofs of $MATTER as BZGAJ in ${#FILES[@]} job(s)"
CPU0_SVC=$(cpu_ticks "$SERVICE_PID"); CPU0_PG=$(pg_ticks)
T0=$(date +%s.%N)
IDS=()
for f in "${FILES[@]}"; do
  IDS+=("$(submit "$f")")
done
T_SUBMITTED=$(date +%s.%N)
echo "   all jobs stored after $(awk -v a="$T0" -v b="$T_SUBMITTED" 'BEGIN { printf "%.1f", b - a }') s"
KILLED=0
CPU_SVC=0; CPU_PG=0
while true; do
  read -r d i f fin <<<"$(progress "${IDS[@]}")"
  if [ "$KILL" = 1 ] && [ "$KILLED" = 0 ] && [ "$d" -ge $((COUNT / 3)) ]; then
    echo "   $d/$COUNT done: kill -9 of the service (pid $SERVICE_PID)"
    CPU_SVC=$(( $(cpu_ticks "$SERVICE_PID") - CPU0_SVC )); CPU_PG=$(( $(pg_ticks) - CPU0_PG ))
    kill -9 "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true
    T_KILL=$(date +%s.%N)
    start_service "${EXTRA[@]}"
    T_BACK=$(date +%s.%N)
    echo "   restarted in $(awk -v a="$T_KILL" -v b="$T_BACK" 'BEGIN { printf "%.1f", b - a }') s; the jobs resume"
    AUTH=(-H "Authorization: Bearer $(token ISSUER BZGAJ)")
    CPU0_PG=$(pg_ticks); CPU0_SVC=$(cpu_ticks "$SERVICE_PID")
    KILLED=1
    continue
  fi
  [ "$fin" -eq "${#IDS[@]}" ] && break
  sleep 2
done
T1=$(date +%s.%N)
CPU_SVC=$(( CPU_SVC + $(cpu_ticks "$SERVICE_PID") - CPU0_SVC ))
CPU_PG=$(( CPU_PG + $(pg_ticks) - CPU0_PG ))
read -r d ISSUED FAILED fin <<<"$(progress "${IDS[@]}")"
AFTER=$(proofs_total)
SECS=$(awk -v a="$T0" -v b="$T1" 'BEGIN { printf "%.1f", b - a }')
RATE=$(awk -v n="$ISSUED" -v s="$SECS" 'BEGIN { printf "%.0f", n / s }')

echo "== checking: every item has exactly one proof"
NUMBERS=0
for id in "${IDS[@]}"; do
  curl -sf "${AUTH[@]}" "$BASE/api/v1/issuance-jobs/$id/results" > "$WORK/results.ndjson"
  NUMBERS=$((NUMBERS + $(python3 -c 'import sys,json
seen=set()
for l in open(sys.argv[1]):
    r=json.loads(l)
    if r["status"]=="ISSUED": seen.add(r["number"])
print(len(seen))' "$WORK/results.ndjson")))
done
echo "   issued $ISSUED, failed $FAILED; distinct proof numbers in the results $NUMBERS; proofs of BZGAJ $BEFORE → $AFTER (+$((AFTER - BEFORE)))"
if [ "$ISSUED" -ne "$COUNT" ] || [ "$NUMBERS" -ne "$COUNT" ] || [ $((AFTER - BEFORE)) -ne "$COUNT" ]; then
  echo "MISMATCH: a proof was lost or made twice" >&2; EXIT=1
else
  echo "   exact: $COUNT items, $COUNT proofs"
fi

memory

echo
echo "bulk issuance: $ISSUED proofs in $SECS s = $RATE proofs/s (from the first POST to the last job done$([ "$KILLED" = 1 ] && echo ', a kill -9 and restart included'))"
echo "CPU per proof: service $(awk -v t="$CPU_SVC" -v h="$HZ" -v n="$ISSUED" 'BEGIN { printf "%.2f", 1000 * t / h / n }') ms, PostgreSQL $(awk -v t="$CPU_PG" -v h="$HZ" -v n="$ISSUED" 'BEGIN { printf "%.2f", 1000 * t / h / n }') ms"
echo "raw signing: SM2-SM3 $SM2_RATE/s, Ed25519 $ED_RATE/s on 2 threads; signing-bound ceiling $CEILING proofs/s (1 × SM2-SM3 + 1 × Ed25519 per proof)"
echo "ratio bulk issuance / signing-bound ceiling = $(ratio "$RATE" "$CEILING")"
echo "goal 1,000,000 in 15 min = 1,111/s: $(ratio "$RATE" 1111) of it$([ "$RATE" -ge 1111 ] && echo ' (met)' || echo ' (not met)')"

if [ "$PROFILE" = 1 ]; then
  stop_service
  echo "== hottest frames (JFR execution samples, top 25)"
  jfr print --events jdk.ExecutionSample "$WORK/bulk.jfr" | awk '/stackTrace = \[/ { getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); print }' \
    | sort | uniq -c | sort -rn | head -25 || true
fi
exit "${EXIT:-0}"
