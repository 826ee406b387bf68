#!/usr/bin/env bash
# Status check against the floor, for two or more builds run alternately (paired A/B): each build is started
# on its own fresh embedded database with demo data, warmed up, then measured twice — the floor GET by key
# and the public status check of a demo proof, 10 s each at 8 connections. Only ratios within one start
# compare (the VM's floor moves ±20 % and more between runs).
# Usage: bench/status-paired.sh <quarkus-run.jar> [<quarkus-run.jar> …]   (e.g. target/quarkus-app/quarkus-run.jar
#        of this checkout and of another worktree); ROUNDS (default 2) alternations.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 <quarkus-run.jar> [<quarkus-run.jar> …]" >&2; exit 2; }
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 2; }
PORT="${PORT:-18099}"
one() {
  local jar=$1 work; work=$(mktemp -d /tmp/certfree-paired.XXXXXX)
  (cd "$work" && exec java -Dquarkus.http.port="$PORT" -Dcertfree.status-check.per-minute=100000000 \
      -Dcertfree.status-check.burst=100000000 -jar "$(realpath "$jar")" >"$work/service.log" 2>&1) &
  local pid=$!
  for _ in $(seq 1 120); do curl -sf "localhost:$PORT/q/health/ready" >/dev/null && break; sleep 2; done
  local link n c url
  link=$(grep -o "verify?n=[^ ]*" "$work/service.log" | tail -1); n=${link#verify?n=}; n=${n%%&*}; c=${link##*c=}
  url="http://localhost:$PORT/api/v1/proofs/$n/status?code=$c"
  wrk -t2 -c8 -d25s "$url" >/dev/null; wrk -t2 -c8 -d15s "http://localhost:$PORT/api/v1/bench/floor/BZGAJ" >/dev/null
  local floor status
  floor=$(wrk -t2 -c8 -d10s "http://localhost:$PORT/api/v1/bench/floor/BZGAJ" | awk '/Requests\/sec/{print $2}')
  status=$(wrk -t2 -c8 -d10s "$url" | awk '/Requests\/sec/{print $2}')
  echo "$jar floor=$floor status=$status status/floor=$(python3 -c "print(round($status/$floor*100))")%"
  kill "$pid"; wait "$pid" 2>/dev/null || true; rm -rf "$work"
}
for _ in $(seq 1 "${ROUNDS:-2}"); do
  for jar in "$@"; do one "$jar"; done
done
