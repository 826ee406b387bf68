# Shared by the bench/ scripts: build the packaged service if needed, run it on its own embedded
# PostgreSQL in a throwaway folder on PORT, wait until ready, and stop it on exit.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export BENCH_DIR="$ROOT/bench"
PORT="${PORT:-18080}"
BASE="http://localhost:$PORT"
WORK="$(mktemp -d /tmp/certfree-bench.XXXXXX)"

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 2; }
# APP: the packaged service to run (default: this tree's, built if missing; another build's for a before/after)
APP="${APP:-$ROOT/target/quarkus-app}"
[ -f "$APP/quarkus-run.jar" ] || (cd "$ROOT" && ./mvnw -q -DskipTests package)

start_service() {
  if curl -s -o /dev/null "$BASE/q/health/ready"; then
    echo "port $PORT is taken (an earlier run still going?): stop it or set PORT" >&2; exit 2
  fi
  (cd "$WORK" && exec java -Dquarkus.http.port="$PORT" -Dcertfree.status-check.per-minute=100000000 \
      -Dcertfree.status-check.burst=100000000 "$@" -jar "$APP/quarkus-run.jar" >"$WORK/service.log" 2>&1) &
  SERVICE_PID=$!
  # the service's own exit status (143 after SIGTERM) must not become the script's: keep the script's
  trap 'rc=$?; kill -TERM $SERVICE_PID 2>/dev/null || true; wait $SERVICE_PID 2>/dev/null || true; rm -rf "$WORK"; exit $rc' EXIT
  # READY_SECONDS: on 2 cores shared with other builds the demo data alone can take minutes
  for _ in $(seq 1 $((4 * ${READY_SECONDS:-600}))); do
    curl -sf "$BASE/q/health/ready" >/dev/null && return 0
    kill -0 "$SERVICE_PID" 2>/dev/null || break
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
  awk -v v="$p99" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f\n", n }' \
    > "$WORK/last-p99"
  grep '^status ' <<<"$out" | sed 's/^/  /' || true # a script's status counts (bench/statuses.lua)
}

# warm_up DURATION [wrk args…]: load without measuring, so the JIT has compiled the hot paths
# (on 2 cores C2 needs one to two minutes of load before a Quarkus service reaches its peak).
warm_up() {
  local dur=$1; shift
  wrk -t2 -c8 -d"$dur" "$@" >/dev/null
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f%%", 100 * a / b }'; }

cpu_ticks() { # summed utime+stime (clock ticks) of the given pids
  local t=0 p
  for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done
  echo "$t"
}
pg_ticks() { # CPU of the embedded PostgreSQL: the postmaster, its processes, and those it has reaped
  local pm; pm=$(head -1 "$WORK/data/pg/postmaster.pid" 2>/dev/null) || { echo 0; return; }
  echo $(( $(cpu_ticks "$pm" $(pgrep -P "$pm")) + $(awk '{print $16 + $17}' "/proc/$pm/stat" 2>/dev/null || echo 0) ))
}
HZ=$(getconf CLK_TCK)

# measured NAME CONNECTIONS DURATION [wrk args…]: run_wrk, then the CPU per request of the service and of
# its PostgreSQL during the run (load from other processes changes these least)
measured() {
  local s0 p0 s1 p1 rps dur
  s0=$(cpu_ticks "$SERVICE_PID"); p0=$(pg_ticks)
  run_wrk "$@"
  s1=$(cpu_ticks "$SERVICE_PID"); p1=$(pg_ticks)
  rps=$(cat "$WORK/last-rps"); dur=${3%s}
  awk -v s=$((s1 - s0)) -v p=$((p1 - p0)) -v h="$HZ" -v r="$rps" -v d="$dur" \
    'BEGIN { n = r * d; printf "  CPU per request: service %.3f ms, PostgreSQL %.3f ms\n", 1000 * s / h / n, 1000 * p / h / n }'
}

# pg_floor NAME CONNECTIONS SECONDS SQL-FILE [pgbench -D var=value…]: pgbench against the service's own embedded
# PostgreSQL (same server, same settings, the service idle) → "NAME c=N tps=… p99=…" and PostgreSQL's CPU per
# transaction; the rate in $WORK/last-rps
pg_floor() {
  local name=$1 conns=$2 secs=$3 file=$4; shift 4
  local port out p0 p1 tps p99
  port=$(sed -n 4p "$WORK/data/pg/postmaster.pid")
  p0=$(pg_ticks)
  out=$(PGPASSWORD=$(cat "$WORK/data/pg-password") pgbench -h localhost -p "$port" -U postgres -n -c "$conns" -j 2 \
    -T "$secs" -f "$file" -l --log-prefix="$WORK/pgbench" "$@" postgres 2>&1)
  p1=$(pg_ticks)
  tps=$(awk '/^tps/ {printf "%.0f", $3}' <<<"$out")
  p99=$(cat "$WORK"/pgbench.* | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {printf "%.2fms", a[int(NR*0.99)] / 1000}')
  rm -f "$WORK"/pgbench.*
  printf '%-28s c=%-3s req/s=%-10s p99=%-9s\n' "$name" "$conns" "$tps" "$p99"
  awk -v p=$((p1 - p0)) -v h="$HZ" -v r="$tps" -v d="$secs" 'BEGIN { printf "  CPU per transaction: PostgreSQL %.3f ms\n", 1000 * p / h / (r * d) }'
  echo "$tps" > "$WORK/last-rps"
  echo "${p99%ms}" > "$WORK/last-p99"
}

source "$ROOT/bench/memory.sh"
memory() { memory_of "$SERVICE_PID" "$BASE"; }
