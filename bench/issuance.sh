#!/usr/bin/env bash
# Issuance throughput (proofs signed with SM2-SM3 + Ed25519 and stored durably, per second) against
# the raw signing rate of the same BouncyCastle algorithms on the same machine, in the same run.
# Usage: bench/issuance.sh [duration, default 20s]   Env: WARMUP (default 120s of issuing first)
source "$(dirname "$0")/lib.sh"
DURATION="${1:-20s}"
WARMUP="${WARMUP:-120s}"

echo "== raw signing rate (floor of what issuance can reach), 2 threads"
RAW=$(java -cp "$ROOT/target/quarkus-app/lib/main/*" "$ROOT/bench/SignRate.java" 10 2)
echo "$RAW"
SM2_RATE=$(awk '/SM2-SM3/ {print $2}' <<<"$RAW")
ED_RATE=$(awk '/Ed25519/ {print $2}' <<<"$RAW")
# A proof carries one SM2-SM3 signature (shared by its compact and JSON forms) and one Ed25519: the
# signing-bound ceiling.
CEILING=$(awk -v s="$SM2_RATE" -v e="$ED_RATE" 'BEGIN { printf "%.0f", 1 / (1 / s + 1 / e) }')

start_service
MATTER=$(curl -sf "$BASE/api/v1/lists/retained?department=BZGAJ&size=100" \
  | python3 -c 'import sys,json; print(next(m["code"] for m in json.load(sys.stdin)["items"] if m.get("electronic", True)))')
export TOKEN MATTER
TOKEN=$(token ISSUER BZGAJ)
echo "== warming up for $WARMUP (issuing, not measured)"
warm_up "$WARMUP" -s "$ROOT/bench/issue.lua" "$BASE"
echo "== issuing proofs of $MATTER as BZGAJ for $DURATION"
run_wrk "issue (POST /proofs)" 8 "$DURATION" -s "$ROOT/bench/issue.lua" "$BASE"
ISSUED=$(cat "$WORK/last-rps")
run_wrk "issue (POST /proofs)" 32 "$DURATION" -s "$ROOT/bench/issue.lua" "$BASE"
run_wrk "issue (POST /proofs)" 1 "$DURATION" -s "$ROOT/bench/issue.lua" "$BASE"
echo
echo "issuance: $ISSUED proofs/s at 8 connections; raw SM2-SM3 signing: $SM2_RATE/s"
echo "ratio issuance / raw SM2 signing = $(ratio "$ISSUED" "$SM2_RATE")"
echo "ratio issuance / signing-bound ceiling ($CEILING proofs/s: 1 × SM2-SM3 + 1 × Ed25519 per proof) = $(ratio "$ISSUED" "$CEILING")"
