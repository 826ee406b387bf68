#!/usr/bin/env bash
# The online check of a purpose-bound copy (加注件, POST /api/v1/copy-verifications) beside, in the same run, the
# authenticated floor (GET one department by key with the same bearer-token check) and the online verification of
# the proof itself (POST /api/v1/verifications by number + code). A copy check verifies the copy's JWS and the
# proof's JWS inside it (both remembered once checked), reads the copy and the proof, and writes one holder
# access-log row per check (synchronous commit). CPU per request of the service and PostgreSQL for each run; the
# service's memory at the end.
# Usage: bench/copies.sh [duration, default 15s]
# Env:   WARMUP (default 60s per POST endpoint, 20s for the floor; not measured)
source "$(dirname "$0")/lib.sh"
DURATION="${1:-15s}"
WARMUP="${WARMUP:-60s}"
start_service

HOLDER=11010519491231002X
ISSUER=$(token ISSUER BZGAJ)
ADMIN=$(token ADMIN)
CITIZEN=$(token CITIZEN "" "$HOLDER")
VERIFIER=$(token VERIFIER KELSZWZX)
MATTER=$(curl -sf "$BASE/api/v1/lists/retained?department=BZGAJ&size=100" \
  | python3 -c 'import sys,json; print(next(m["code"] for m in json.load(sys.stdin)["items"] if m.get("electronic", True)))')
curl -sf -X POST "$BASE/api/v1/using-units" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d "{\"unit\":\"KELSZWZX\",\"serviceMatter\":\"基准测试\",\"businessSystem\":\"bench\",\"proofMatterCode\":\"$MATTER\"}" >/dev/null || true
PROOF=$(curl -sf -X POST "$BASE/api/v1/proofs" -H "Authorization: Bearer $ISSUER" -H 'Content-Type: application/json' \
  -d "{\"matterCode\":\"$MATTER\",\"subject\":{\"kind\":\"PERSON\",\"name\":\"张三\",\"id\":\"$HOLDER\"},\"claims\":{\"户籍地址\":\"库尔勒市\"},\"purpose\":\"基准测试\"}")
export NUMBER CODE COPY_TOKEN DEPT=BZGAJ
NUMBER=$(python3 -c 'import sys,json; print(json.load(sys.stdin)["number"])' <<<"$PROOF")
CODE=$(python3 -c 'import sys,json; print(json.load(sys.stdin)["verificationCode"])' <<<"$PROOF")
COPY=$(curl -sf -X POST "$BASE/api/v1/copies" -H "Authorization: Bearer $CITIZEN" -H 'Content-Type: application/json' \
  -d "{\"proofNumber\":\"$NUMBER\",\"unit\":\"KELSZWZX\",\"purpose\":\"基准测试\",\"disclose\":[\"subject.name\",\"claims.户籍地址\"]}")
COPY_TOKEN=$(python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])' <<<"$COPY")
echo "copy token: ${#COPY_TOKEN} characters"
curl -sf -X POST "$BASE/api/v1/copy-verifications" -H "Authorization: Bearer $VERIFIER" -H 'Content-Type: application/json' \
  -d "{\"token\":\"$COPY_TOKEN\"}" | python3 -c 'import sys,json; r=json.load(sys.stdin); print("one check:", r["indication"]); assert r["indication"]=="TOTAL_PASSED"'

echo "== warming up (not measured): each POST $WARMUP, the floor 20s"
TOKEN=$VERIFIER warm_up 20s -s "$ROOT/bench/auth-floor.lua" "$BASE"
TOKEN=$VERIFIER warm_up "$WARMUP" -s "$ROOT/bench/verify.lua" "$BASE"
TOKEN=$VERIFIER warm_up "$WARMUP" -s "$ROOT/bench/copy-check.lua" "$BASE"

for c in 8 32; do
  echo "== $c connections"
  TOKEN=$VERIFIER measured "auth floor (GET by key)" "$c" "$DURATION" -s "$ROOT/bench/auth-floor.lua" "$BASE"; FLOOR=$(cat "$WORK/last-rps")
  TOKEN=$VERIFIER measured "proof verification (POST)" "$c" "$DURATION" -s "$ROOT/bench/verify.lua" "$BASE"; VERIFY=$(cat "$WORK/last-rps")
  TOKEN=$VERIFIER measured "copy check (POST)" "$c" "$DURATION" -s "$ROOT/bench/copy-check.lua" "$BASE"; CHECK=$(cat "$WORK/last-rps")
  echo "copy check / auth floor = $(ratio "$CHECK" "$FLOOR"); copy check / proof verification = $(ratio "$CHECK" "$VERIFY")"
done
memory
