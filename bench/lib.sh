# Shared by the bench/ scripts: build the packaged service if needed, run it on its own embedded
# PostgreSQL in a throwaway folder on PORT, wait until ready, and stop it on exit.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${PORT:-18080}"
BASE="http://localhost:$PORT"
WORK="$(mktemp -d /tmp/certfree-bench.XXXXXX)"

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 2; }
[ -f "$ROOT/target/quarkus-app/quarkus-run.jar" ] || (cd "$ROOT" && ./mvnw -q -DskipTests package)

start_service() {
  if curl -s -o /dev/null "$BASE/q/health/ready"; then
    echo "port $PORT is taken (an earlier run still going?): stop it or set PORT" >&2; exit 2
  fi
  (cd "$WORK" && exec java -Dquarkus.http.port="$PORT" -Dcertfree.status-check.per-minute=100000000 \
      -Dcertfree.status-check.burst=100000000 "$@" -jar "$ROOT/target/quarkus-app/quarkus-run.jar" >"$WORK/service.log" 2>&1) &
  SERVICE_PID=$!
  trap 'kill -TERM $SERVICE_PID 2>/dev/null; wait $SERVICE_PID 2>/dev/null; rm -rf "$WORK"' EXIT
  for _ in $(seq 1 240); do
    curl -sf "$BASE/q/health/ready" >/dev/null && return 0
    sleep 0.25
  done
  echo "service did not become ready; log:" >&2; tail -50 "$WORK/service.log" >&2; exit 1
}

# stop_service: SIGTERM and wait (the data folder stays, so start_service again reopens the same database)
stop_service() {
  kill -TERM "$SERVICE_PID" 2>/dev/null || true
  wait "$SERVICE_PID" 2>/dev/null || true
}

token() { # role [dept] [subject]
  local body="{\"role\":\"$1\"${2:+,\"dept\":\"$2\"}${3:+,\"subject\":\"$3\"}}"
  curl -sf -X POST "$BASE/api/v1/dev/tokens" -H 'Content-Type: application/json' -d "$body" \
    | sed 's/.*"token":"\([^"]*\)".*/\1/'
}

# run_wrk NAME CONNECTIONS DURATION [wrk args…] → prints "NAME c=N req/s=… p50=… p99=…"
run_wrk() {
  local name=$1 conns=$2 dur=$3; shift 3
  local out
  local threads=2; [ "$conns" -lt 2 ] && threads=1
  out=$(wrk -t"$threads" -c"$conns" -d"$dur" --latency "$@")
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")  # "Non-2xx or 3xx responses: N"
  printf '%-28s c=%-3s req/s=%-10s p50=%-9s p99=%-9s non-2xx=%s\n' "$name" "$conns" "$rps" "$p50" "$p99" "${non2xx:-0}"
  echo "$rps" > "$WORK/last-rps"
}

# warm_up DURATION [wrk args…]: load without measuring, so the JIT has compiled the hot paths
# (on 2 cores C2 needs one to two minutes of load before a Quarkus service reaches its peak).
warm_up() {
  local dur=$1; shift
  wrk -t2 -c8 -d"$dur" "$@" >/dev/null
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f%%", 100 * a / b }'; }
