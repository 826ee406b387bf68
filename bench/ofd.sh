#!/usr/bin/env bash
# OFD proofs. Part "library" (bench/OfdBench.java, one thread, no service, no database): build, build + seal (GB/T
# 38540 SM2 seal, whole document) and verification of an upload, beside raw SM2-SM3 signing measured in the same run
# as the floor; wall and CPU time per operation, ratios, the signed size, the JVM's RSS and heap after.
# Part "endpoint" (the packaged service on its own embedded PostgreSQL, on PORT): GET /api/v1/proofs/{n}/ofd (read,
# build, seal with the department's ACTIVE SM2 key and seal) and GET …/pdf by the holder, beside the authenticated
# GET-by-key floor, in the same run, after warm-up; rates, ratios and CPU per request of the service and PostgreSQL;
# the service's RSS and heap after.
# Usage: bench/ofd.sh [seconds per library measurement, default 10] [library warm-up seconds, default 20]
# Part "verify": POST /api/v1/verifications/ofd (an uploaded OFD verified by a using unit), its own section below.
# Env:   PART=library|endpoint|verify|all (default all); DURATION (endpoint runs, default 15s); WARMUP (default 60s per
#        endpoint, not measured); CONNS (default "2 8"); PORT (default 18080)
# Run it under the bench lock on a shared machine: flock /work/bench.lock bench/ofd.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PART="${PART:-all}"
[ -f "$ROOT/target/quarkus-app/quarkus-run.jar" ] || (cd "$ROOT" && ./mvnw -q -DskipTests package)
echo "uptime before: $(uptime)"
if [ "$PART" = all ] || [ "$PART" = library ]; then
  java -Djava.awt.headless=true -cp "$ROOT/target/quarkus-app/app/*:$ROOT/target/quarkus-app/lib/main/*" \
    "$ROOT/bench/OfdBench.java" "${1:-10}" "${2:-20}"
fi
if [ "$PART" = all ] || [ "$PART" = endpoint ]; then
  (
    source "$ROOT/bench/lib.sh"
    DURATION="${DURATION:-15s}"
    WARMUP="${WARMUP:-60s}"
    start_service -Djava.awt.headless=true
    HOLDER=11010519491231002X
    ISSUER=$(token ISSUER BZGAJ)
    CITIZEN=$(token CITIZEN "" "$HOLDER")
    MATTER=$(curl -sf "$BASE/api/v1/lists/retained?department=BZGAJ&size=100" \
      | python3 -c 'import sys,json; print(next(m["code"] for m in json.load(sys.stdin)["items"] if m.get("electronic", True)))')
    NUMBER=$(curl -sf -X POST "$BASE/api/v1/proofs" -H "Authorization: Bearer $ISSUER" -H 'Content-Type: application/json' \
      -d "{\"matterCode\":\"$MATTER\",\"subject\":{\"kind\":\"PERSON\",\"name\":\"张三\",\"id\":\"$HOLDER\"},\"claims\":{\"户籍地址\":\"库尔勒市\"},\"purpose\":\"基准测试\"}" \
      | python3 -c 'import sys,json; print(json.load(sys.stdin)["number"])')
    OFD_URL="$BASE/api/v1/proofs/$NUMBER/ofd"; PDF_URL="$BASE/api/v1/proofs/$NUMBER/pdf"
    echo "proof $NUMBER: OFD $(curl -sf -H "Authorization: Bearer $CITIZEN" "$OFD_URL" | wc -c) bytes," \
      "PDF $(curl -sf -H "Authorization: Bearer $CITIZEN" "$PDF_URL" | wc -c) bytes"
    export TOKEN=$ISSUER DEPT=BZGAJ
    AUTH=(-H "Authorization: Bearer $CITIZEN")
    echo "== warming up (not measured): the floor 20s, PDF and OFD $WARMUP each"
    warm_up 20s -s "$ROOT/bench/auth-floor.lua" "$BASE"
    warm_up "$WARMUP" "${AUTH[@]}" "$PDF_URL"
    warm_up "$WARMUP" "${AUTH[@]}" "$OFD_URL"
    for c in ${CONNS:-2 8}; do
      echo "== $c connections"
      measured "auth floor (GET by key)" "$c" "$DURATION" -s "$ROOT/bench/auth-floor.lua" "$BASE"; FLOOR=$(cat "$WORK/last-rps")
      measured "GET proof PDF (holder)" "$c" "$DURATION" "${AUTH[@]}" "$PDF_URL"; PDF=$(cat "$WORK/last-rps")
      measured "GET proof OFD (holder)" "$c" "$DURATION" "${AUTH[@]}" "$OFD_URL"; OFD=$(cat "$WORK/last-rps")
      echo "OFD / floor = $(ratio "$OFD" "$FLOOR"); PDF / floor = $(ratio "$PDF" "$FLOOR"); OFD / PDF = $(ratio "$OFD" "$PDF")"
    done
    memory
  )
fi
echo "uptime after: $(uptime)"

# ----------------------------------------------------------------------------------------------------------------------
# #17 item 4 — verification of an uploaded OFD THROUGH THE SERVICE (POST /api/v1/verifications/ofd), apart from the
# library figures above: the packaged service on its own embedded database (bench/lib.sh), a demo proof of BZGAJ as
# the service seals it (downloaded by its holder from GET /api/v1/proofs/{n}/ofd), uploaded by a using unit with wrk
# (bench/ofd-verify.lua). Floors in the same run:
# the authenticated GET by key and the JSON verification of the same proof by number + code. Requests per second,
# ratios, CPU per request of the service and of its PostgreSQL, the service's memory after.
# Env: PART=verify runs only it; PORT (default 18092), ENDPOINT_DURATION (15s),
# ENDPOINT_WARMUP (60s per POST, 20s for the floor), ENDPOINT_CONNECTIONS ("2 8").
ofd_endpoint_section() (
  export PORT="${PORT:-18092}"
  source "$ROOT/bench/lib.sh"
  local duration="${ENDPOINT_DURATION:-15s}" warmup="${ENDPOINT_WARMUP:-60s}"
  echo "== OFD verification through the service (port $PORT), uptime: $(uptime)"
  start_service -Djava.awt.headless=true
  local holder=11010519491231002X issuer admin verifier matter
  issuer=$(token ISSUER BZGAJ); admin=$(token ADMIN); verifier=$(token VERIFIER KELSZWZX)
  matter=$(curl -sf "$BASE/api/v1/lists/retained?department=BZGAJ&size=100" \
    | python3 -c 'import sys,json; print(next(m["code"] for m in json.load(sys.stdin)["items"] if m.get("electronic", True)))')
  curl -sf -X POST "$BASE/api/v1/using-units" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d "{\"unit\":\"KELSZWZX\",\"serviceMatter\":\"基准测试\",\"businessSystem\":\"bench\",\"proofMatterCode\":\"$matter\"}" >/dev/null || true
  curl -sf -X POST "$BASE/api/v1/proofs" -H "Authorization: Bearer $issuer" -H 'Content-Type: application/json' \
    -d "{\"matterCode\":\"$matter\",\"subject\":{\"kind\":\"PERSON\",\"name\":\"张三\",\"id\":\"$holder\"},\"claims\":{\"户籍地址\":\"库尔勒市\"},\"purpose\":\"基准测试\"}" \
    >"$WORK/proof.json"
  export TOKEN=$verifier DEPT=BZGAJ OFD_FILE="$WORK/proof.ofd" NUMBER CODE
  NUMBER=$(python3 -c 'import sys,json; print(json.load(sys.stdin)["number"])' <"$WORK/proof.json")
  CODE=$(python3 -c 'import sys,json; print(json.load(sys.stdin)["verificationCode"])' <"$WORK/proof.json")
  curl -sf "$BASE/api/v1/proofs/$NUMBER/ofd" -H "Authorization: Bearer $(token CITIZEN "" "$holder")" -o "$WORK/proof.ofd"
  curl -sf -X POST "$BASE/api/v1/verifications/ofd?purpose=bench" -H "Authorization: Bearer $verifier" \
    -H 'Content-Type: application/ofd' --data-binary @"$WORK/proof.ofd" \
    | python3 -c 'import sys,json; r=json.load(sys.stdin); print("one upload:", r["indication"]); assert r["indication"]=="TOTAL_PASSED"'
  echo "== warming up (not measured): the floor 20s, each POST $warmup"
  warm_up 20s -s "$ROOT/bench/auth-floor.lua" "$BASE"
  warm_up "$warmup" -s "$ROOT/bench/verify.lua" "$BASE"
  warm_up "$warmup" -s "$ROOT/bench/ofd-verify.lua" "$BASE"
  local c floor json ofd
  for c in ${ENDPOINT_CONNECTIONS:-2 8}; do
    echo "== $c connections"
    measured "auth floor (GET by key)" "$c" "$duration" -s "$ROOT/bench/auth-floor.lua" "$BASE"; floor=$(cat "$WORK/last-rps")
    measured "JSON verification (POST)" "$c" "$duration" -s "$ROOT/bench/verify.lua" "$BASE"; json=$(cat "$WORK/last-rps")
    measured "OFD upload verification" "$c" "$duration" -s "$ROOT/bench/ofd-verify.lua" "$BASE"; ofd=$(cat "$WORK/last-rps")
    echo "OFD verification / auth floor = $(ratio "$ofd" "$floor"); / JSON verification = $(ratio "$ofd" "$json")"
  done
  memory
  echo "uptime after the endpoint section: $(uptime)"
)
if [ "$PART" = all ] || [ "$PART" = verify ]; then ofd_endpoint_section; fi
