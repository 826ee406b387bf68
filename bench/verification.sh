#!/usr/bin/env bash
# Online verification and the public status check, each against a floor measured in the same run:
# a trivial GET doing one indexed lookup (public, and with the same bearer-token check).
# Usage: bench/verification.sh [duration, default 15s]   Env: WARMUP (default 40s per endpoint, not measured)
source "$(dirname "$0")/lib.sh"
DURATION="${1:-15s}"
WARMUP="${WARMUP:-40s}"
start_service

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

echo "== warming up each endpoint for $WARMUP (not measured)"
warm_up "$WARMUP" "$BASE/api/v1/bench/floor/BZGAJ"
TOKEN=$VERIFIER warm_up "$WARMUP" -s "$ROOT/bench/auth-floor.lua" "$BASE"
TOKEN=$VERIFIER warm_up "$WARMUP" -s "$ROOT/bench/verify.lua" "$BASE"
warm_up "$WARMUP" "$BASE/api/v1/proofs/$NUMBER/status?code=$CODE"

for c in 8 32; do
  echo "== $c connections"
  run_wrk "floor (GET by key)" "$c" "$DURATION" "$BASE/api/v1/bench/floor/BZGAJ"; FLOOR=$(cat "$WORK/last-rps")
  TOKEN=$VERIFIER run_wrk "auth floor (GET by key)" "$c" "$DURATION" -s "$ROOT/bench/auth-floor.lua" "$BASE"; AUTH_FLOOR=$(cat "$WORK/last-rps")
  TOKEN=$VERIFIER run_wrk "verification (POST)" "$c" "$DURATION" -s "$ROOT/bench/verify.lua" "$BASE"; VERIFY=$(cat "$WORK/last-rps")
  run_wrk "status check (GET)" "$c" "$DURATION" "$BASE/api/v1/proofs/$NUMBER/status?code=$CODE"; STATUS=$(cat "$WORK/last-rps")
  echo "verification / floor = $(ratio "$VERIFY" "$FLOOR")  (target ≥ 50%); verification / auth floor = $(ratio "$VERIFY" "$AUTH_FLOOR")"
  echo "status check / floor = $(ratio "$STATUS" "$FLOOR")  (target ≥ 70%)"
done
