#!/usr/bin/env bash
# Bench: text search over the published retained list with 100,000 proof matters.
#
# Starts the packaged service (its own embedded PostgreSQL, on a throw-away data folder and a port
# other than 8080), loads COUNT approved matters with bench/seed-matters.sql (psql straight into the
# embedded database: a bench-only path) spread over draft batches, publishes those batches through the
# real API (manifests, hash chain, Merkle log, signatures and the current-list table are made by the
# service), then runs wrk against
#   search: GET /api/v1/lists/retained?q=<Chinese text>          (the endpoint under test)
#   broad:  GET /api/v1/lists/retained?q=证明                     (a term nearly every matter contains)
#   floor:  GET /api/v1/lists/retained/<code>                      (one indexed lookup, same stack)
# at 1, 8 and 32 connections (1 = service time without queueing; 8 and 32 saturate a small machine),
# and prints p50 / p99 latency, requests per second and search/floor ratios.
#
# Usage: bench/list-search.sh            (builds target/quarkus-app if missing)
# Env:   PORT (18431), COUNT (100000), BATCHES (20), DURATION (20s), DATA (/tmp/certfree-bench-data),
#        QUERY (户籍登记), REBUILD=1 to rebuild the package first, KEEP=1 to reuse the data folder of an
#        earlier run (skips loading and publishing).
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-18431}"
COUNT="${COUNT:-100000}"
BATCHES="${BATCHES:-20}"
DURATION="${DURATION:-20s}"
DATA="${DATA:-/tmp/certfree-bench-data}"
QUERY="${QUERY:-户籍登记}"
BASE="http://localhost:$PORT"
LOG="$DATA.log"

need() { command -v "$1" >/dev/null 2>&1 || { echo "installing $2"; apt-get install -y "$2" >/dev/null; }; }
need wrk wrk
need psql postgresql-client
need curl curl
need jq jq

if [[ "${REBUILD:-0}" == 1 || ! -f target/quarkus-app/quarkus-run.jar ]]; then
  echo "== building the package"
  ./mvnw -q -DskipTests package
fi

LOADED=0
if [[ "${KEEP:-0}" == 1 && -d "$DATA/pg" ]]; then LOADED=1; else rm -rf "$DATA"; fi
rm -f "$LOG"
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
echo "   embedded PostgreSQL on port $PGPORT"
export PGPASSWORD; PGPASSWORD=$(head -1 "$DATA/pg-password")  # the embedded database's generated superuser password
PSQL=(psql -X -q -h localhost -p "$PGPORT" -U postgres -d postgres)

if [[ "$LOADED" == 0 ]]; then
  echo "== loading $COUNT matters into $BATCHES draft batches (bench/seed-matters.sql)"
  start=$(date +%s)
  mapfile -t DRAFTS < <("${PSQL[@]}" -At -v count="$COUNT" -v batches="$BATCHES" -f bench/seed-matters.sql | grep -E '^[0-9]+$')
  echo "   loaded in $(( $(date +%s) - start )) s"

  TOKEN=$(curl -fsS -X POST "$BASE/api/v1/dev/tokens" -H 'Content-Type: application/json' \
    -d '{"role":"REVIEWER","dept":"BZSFJ"}' | jq -r .token)
  echo "== publishing ${#DRAFTS[@]} batches through the API"
  start=$(date +%s)
  for id in "${DRAFTS[@]}"; do
    curl -fsS -o /dev/null -X POST "$BASE/api/v1/publication-batches/$id/publish" \
      -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json'
  done
  echo "   published in $(( $(date +%s) - start )) s"
  "${PSQL[@]}" -c "ANALYZE list_entry; ANALYZE publication_entry;"
fi
LISTED=$(curl -fsS "$BASE/api/v1/lists/retained?size=1" | jq .total)
CODE=$(curl -fsS "$BASE/api/v1/lists/retained?size=1&page=1000" | jq -r '.items[0].code')
ENC=$(jq -rn --arg q "$QUERY" '$q|@uri')
BROAD=$(jq -rn --arg q "证明" '$q|@uri')
HITS=$(curl -fsS "$BASE/api/v1/lists/retained?q=$ENC" | jq -r 'if .totalExact then .total else "\(.total)+" end')
BROAD_HITS=$(curl -fsS "$BASE/api/v1/lists/retained?q=$BROAD" | jq -r 'if .totalExact then .total else "\(.total)+" end')
echo "== retained list: $LISTED matters; q=$QUERY matches $HITS, q=证明 matches $BROAD_HITS; floor code $CODE"
curl -fsS "$BASE/api/v1/transparency/verify" | jq -c '{consistent, batches, treeSize, signaturesChecked}'

declare -A URL=([search]="$BASE/api/v1/lists/retained?q=$ENC" [broad]="$BASE/api/v1/lists/retained?q=$BROAD"
                [floor]="$BASE/api/v1/lists/retained/$CODE")
ms() { # wrk latency ("1.23ms", "850.00us", "1.02s") -> milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
echo "== warm-up"
for name in floor search broad; do wrk -t2 -c8 -d5s "${URL[$name]}" >/dev/null; done

declare -A P50 P99 RPS
for c in 1 8 32; do
  for name in floor search broad; do
    out=$(wrk -t"$(( c < 2 ? 1 : 2 ))" -c"$c" -d"$DURATION" --latency "${URL[$name]}")
    P50[$name.$c]=$(ms "$(echo "$out" | awk '$1 == "50%" { print $2 }')")
    P99[$name.$c]=$(ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')")
    RPS[$name.$c]=$(echo "$out" | awk '/Requests\/sec/ { print $2 }')
    errors=$(echo "$out" | grep -E 'Non-2xx|Socket errors' || true)
    [[ -n "$errors" ]] && echo "   $name c=$c: $errors"
  done
done

echo
echo "== results ($COUNT matters, $LISTED on the retained list; wrk -t2 -d$DURATION; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-8s %5s %10s %10s %10s\n' endpoint conns p50_ms p99_ms req_per_s
for c in 1 8 32; do
  for name in floor search broad; do
    printf '%-8s %5s %10s %10s %10s\n' "$name" "$c" "${P50[$name.$c]}" "${P99[$name.$c]}" "${RPS[$name.$c]}"
  done
done
echo
for c in 1 8 32; do
  awk -v c="$c" -v sp50="${P50[search.$c]}" -v fp50="${P50[floor.$c]}" -v sp99="${P99[search.$c]}" -v fp99="${P99[floor.$c]}" \
      -v sr="${RPS[search.$c]}" -v fr="${RPS[floor.$c]}" \
      'BEGIN { printf "search/floor at %s connections: p50 x%.2f, p99 x%.2f, throughput %.0f%% of floor\n", c, sp50/fp50, sp99/fp99, 100*sr/fr }'
done
source bench/memory.sh  # the working directory is the repository (cd above)
memory_of "$APP" "$BASE"
