#!/usr/bin/env bash
# Online verification and the public status check, each against a floor measured in the same run:
# a trivial GET doing one indexed lookup (public, and with the same bearer-token check).
# Last, the service is restarted with its memory of verified signatures off, for a proof's first verification.
# Each run prints the CPU per request of the service and of PostgreSQL; the service's memory after each part.
# Usage: bench/verification.sh [duration, default 15s]
# Env:   WARMUP (default 30s per endpoint, not measured), VERIFY_WARMUP (default 90s: C2 needs that long for
#        the verification path on 2 cores; measured earlier, it reports the compiler, not the service)
#        PROFILE (0; 1: JFR recording of the measured part, before the restart, and its hottest frames)
source "$(dirname "$0")/lib.sh"
DURATION="${1:-15s}"
WARMUP="${WARMUP:-30s}"
VERIFY_WARMUP="${VERIFY_WARMUP:-90s}"
PROFILE="${PROFILE:-0}"
read -r -a EXTRA <<<"${SERVICE_OPTS:-}"
[ "$PROFILE" = 1 ] && EXTRA+=("-XX:StartFlightRecording=filename=$WORK/verify.jfr,settings=profile,dumponexit=true")
start_service "${EXTRA[@]}"

ISSUER=$(token ISSUER BZGAJ)
ADMIN=$(token ADMIN)
VERIFIER=$(token VERIFIER KELSZWZX)
MATTER=$(curl -sf "$BASE/api/v1/lists/retained?department=BZGAJ&size=100" \
  | python3 -c 'import sys,json; print(next(m["code"] for m in json.load(sys.stdin)["items"] if m.get("electronic", True)))')
curl -sf -X POST "$BASE/api/v1/using-units" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d "{\"unit\":\"KELSZWZX\",\"serviceMatter\":\"基准测试\",\"businessSystem\":\"bench\",\"proofMatterCode\":\"$MATTER\"}" >/dev/null || true
PROOF=$(curl -sf -X POST "$BASE/api/v1/proofs" -H "Authorization: Bearer $ISSUER" -H 'Content-Type: application/json' \
  -d "{\"matterCode\":\"$MATTER\",\"subject\":{\"kind\":\"PERSON\",\"name\":\"张三\",\"id\":\"11010519491231002X\"},\"claims\":{\"户籍地址\":\"库尔勒市\"},\"purpose\":\"基准测试\"}")
export NUMBER CODE TOKEN DEPT=BZGAJ
NUMBER=$(python3 -c 'import sys,json; print(json.load(sys.stdin)["number"])' <<<"$PROOF")
CODE=$(python3 -c 'import sys,json; print(json.load(sys.stdin)["verificationCode"])' <<<"$PROOF")

# "count sum" of the verification batch-size summary (/q/metrics)
batches() {
  curl -s "$BASE/q/metrics" | awk '/^certfree_verification_batch_size_count/ {c=$2} /^certfree_verification_batch_size_sum/ {s=$2} END {print c+0, s+0}'
}

echo "== warming up (not measured): verification $VERIFY_WARMUP, the other endpoints $WARMUP each"
warm_up "$WARMUP" "$BASE/api/v1/bench/floor/BZGAJ"
TOKEN=$VERIFIER warm_up "$WARMUP" -s "$ROOT/bench/auth-floor.lua" "$BASE"
TOKEN=$VERIFIER warm_up "$VERIFY_WARMUP" -s "$ROOT/bench/verify.lua" "$BASE"
warm_up "$WARMUP" "$BASE/api/v1/proofs/$NUMBER/status?code=$CODE"

p99x() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f×", a / b }'; }
for c in 8 32; do
  echo "== $c connections"
  measured "floor (GET by key)" "$c" "$DURATION" "$BASE/api/v1/bench/floor/BZGAJ"
  FLOOR=$(cat "$WORK/last-rps"); FLOOR_P99=$(cat "$WORK/last-p99")
  TOKEN=$VERIFIER measured "auth floor (GET by key)" "$c" "$DURATION" -s "$ROOT/bench/auth-floor.lua" "$BASE"; AUTH_FLOOR=$(cat "$WORK/last-rps")
  before=$(batches)
  TOKEN=$VERIFIER measured "verification (POST)" "$c" "$DURATION" -s "$ROOT/bench/verify.lua" "$BASE"
  VERIFY=$(cat "$WORK/last-rps"); VERIFY_P99=$(cat "$WORK/last-p99")
  echo "  receipts per signed batch (and per commit): $(awk -v a="$before" -v b="$(batches)" 'BEGIN { split(a, x); split(b, y); printf "%.1f", (y[2] - x[2]) / (y[1] - x[1]) }')"
  measured "status check (GET)" "$c" "$DURATION" "$BASE/api/v1/proofs/$NUMBER/status?code=$CODE"
  STATUS=$(cat "$WORK/last-rps"); STATUS_P99=$(cat "$WORK/last-p99")
  echo "verification / floor = $(ratio "$VERIFY" "$FLOOR")  (target ≥ 30%), p99 $(p99x "$VERIFY_P99" "$FLOOR_P99") the floor's (target ≤ 2×);" \
    "verification / auth floor = $(ratio "$VERIFY" "$AUTH_FLOOR")"
  echo "status check / floor = $(ratio "$STATUS" "$FLOOR")  (target ≥ 80% at 32), p99 $(p99x "$STATUS_P99" "$FLOOR_P99") the floor's"
  eval "FLOOR_$c=$FLOOR"
done
memory

# The figures above verify one proof over and over, so the stored proof's signature is always one the
# service remembers having checked. A proof verified for the first time costs an SM2 verification more:
# the same service with that memory off (certfree.keys.remembered-signatures=0), same database and floor.
echo "== first verification of a proof (stored signature checked every time; restart with certfree.keys.remembered-signatures=0)"
stop_service
if [ "$PROFILE" = 1 ]; then
  echo "== JFR execution samples of the run so far, warm-up included: by thread, hottest frames, innermost frame of ours"
  python3 "$ROOT/bench/jfr-summary.py" "$WORK/verify.jfr" 30 || true
  cp "$WORK/verify.jfr" "${PROFILE_OUT:-/tmp/verify.jfr}" 2>/dev/null || true
fi
start_service -Dcertfree.keys.remembered-signatures=0
TOKEN=$VERIFIER warm_up "$VERIFY_WARMUP" -s "$ROOT/bench/verify.lua" "$BASE"
for c in 8 32; do
  TOKEN=$VERIFIER measured "verification, not remembered" "$c" "$DURATION" -s "$ROOT/bench/verify.lua" "$BASE"; VERIFY=$(cat "$WORK/last-rps")
  floor="FLOOR_$c"
  echo "verification (signature checked) / floor = $(ratio "$VERIFY" "${!floor}")  (floor of the same run, $c connections)"
done
memory
