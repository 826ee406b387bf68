#!/usr/bin/env bash
# Issuance throughput (proofs signed with SM2-SM3 + Ed25519 and stored durably, per second) against two floors
# measured in the same run: the single-row insert-and-commit floor of the service's own PostgreSQL (pgbench, a row
# of a stored proof's size with a unique key, synchronous_commit on, the same connection counts), and the raw
# signing rate of the same BouncyCastle algorithms (bench/SignRate.java). CPU per request of the service and of
# PostgreSQL besides the rates; the service's memory after the run.
# Usage: bench/issuance.sh [duration, default 20s]
# Env: WARMUP (default 120s of issuing first), PROFILE (0; 1: JFR recording of the measured runs and its hottest
#      frames), SERVICE_OPTS (extra JVM options of the service)
source "$(dirname "$0")/lib.sh"
DURATION="${1:-20s}"
WARMUP="${WARMUP:-120s}"
PROFILE="${PROFILE:-0}"
read -r -a EXTRA <<<"${SERVICE_OPTS:-}"
[ "$PROFILE" = 1 ] && EXTRA+=("-XX:StartFlightRecording=filename=$WORK/issue.jfr,settings=profile,dumponexit=true,delay=${WARMUP}")

echo "== raw signing rate (floor of what issuance can reach), 2 threads"
RAW=$(java -cp "$APP/lib/main/*" "$ROOT/bench/SignRate.java" 10 2)
echo "$RAW"
SM2_RATE=$(awk '/SM2-SM3/ {print $2}' <<<"$RAW")
ED_RATE=$(awk '/Ed25519/ {print $2}' <<<"$RAW")
# A proof carries one SM2-SM3 signature (shared by its compact and JSON forms) and one Ed25519: the
# signing-bound ceiling.
CEILING=$(awk -v s="$SM2_RATE" -v e="$ED_RATE" 'BEGIN { printf "%.0f", 1 / (1 / s + 1 / e) }')

start_service "${EXTRA[@]}"
MATTER=$(curl -sf "$BASE/api/v1/lists/retained?department=BZGAJ&size=100" \
  | python3 -c 'import sys,json; print(next(m["code"] for m in json.load(sys.stdin)["items"] if m.get("electronic", True)))')
export TOKEN MATTER
TOKEN=$(token ISSUER BZGAJ)
echo "== warming up for $WARMUP (issuing, not measured)"
warm_up "$WARMUP" -s "$ROOT/bench/issue.lua" "$BASE"

psql_service() {
  PGPASSWORD=$(cat "$WORK/data/pg-password") psql -qAtX -h localhost -p "$(sed -n 4p "$WORK/data/pg/postmaster.pid")" \
    -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"
}
# the floor's row: as large as a stored proof row (the warm-up's), random text so that it compresses no better
ROW=$(psql_service -c "SELECT avg(pg_column_size(p.*))::int FROM proof p WHERE issuer_dept = 'BZGAJ'")
PAD=$(python3 -c "import base64,os,sys; print(base64.b64encode(os.urandom($ROW)).decode()[:$ROW - 40])")
psql_service -c "CREATE TABLE bench_insert_floor (id uuid PRIMARY KEY, body text NOT NULL)"
FLOOR_SQL="$WORK/insert-floor.sql"; cp "$ROOT/bench/insert-floor.sql" "$FLOOR_SQL"
pg_floor "floor warm-up" 8 5 "$FLOOR_SQL" -M prepared -D pad="$PAD" >/dev/null
FLOOR_ROW=$(psql_service -c "SELECT avg(pg_column_size(f.*))::int FROM bench_insert_floor f")
echo "== stored proof row $ROW bytes (avg pg_column_size), floor row $FLOOR_ROW bytes;" \
  "synchronous_commit=$(psql_service -c 'SHOW synchronous_commit'), fsync=$(psql_service -c 'SHOW fsync')"

echo "== issuing proofs of $MATTER as BZGAJ for $DURATION, against the floor"
SECS=${DURATION%s}
for c in 8 32; do
  pg_floor "floor (INSERT + COMMIT)" "$c" "$SECS" "$FLOOR_SQL" -M prepared -D pad="$PAD"
  FLOOR=$(cat "$WORK/last-rps")
  measured "issue (POST /proofs)" "$c" "$DURATION" -s "$ROOT/bench/issue.lua" "$BASE"
  ISSUED=$(cat "$WORK/last-rps")
  echo "  issuance / insert floor at $c connections = $(ratio "$ISSUED" "$FLOOR")  (target ≥ 25%)"
  eval "ISSUED_$c=$ISSUED"
done
measured "issue (POST /proofs)" 1 "$DURATION" -s "$ROOT/bench/issue.lua" "$BASE"
memory
echo
echo "issuance: $ISSUED_8 proofs/s at 8 connections, $ISSUED_32 at 32; raw SM2-SM3 signing: $SM2_RATE/s"
echo "ratio issuance / raw SM2 signing = $(ratio "$ISSUED_8" "$SM2_RATE")"
echo "ratio issuance / signing-bound ceiling ($CEILING proofs/s: 1 × SM2-SM3 + 1 × Ed25519 per proof) = $(ratio "$ISSUED_8" "$CEILING")"

if [ "$PROFILE" = 1 ]; then
  stop_service
  echo "== JFR execution samples after the warm-up: by thread, hottest frames, innermost frame of ours (top 30)"
  python3 "$ROOT/bench/jfr-summary.py" "$WORK/issue.jfr" 30 || true
  cp "$WORK/issue.jfr" "${PROFILE_OUT:-/tmp/issue.jfr}" 2>/dev/null || true
fi
