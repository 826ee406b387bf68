#!/usr/bin/env bash
# Scale (issue #16, item 1): the same paths measured on a database of SIZES proofs, smallest first, growing the SAME
# database between the sizes, so each pair of figures comes from one run and one service:
#   verification   POST /api/v1/verifications (number + code of a real proof, at random)      8 and 32 connections
#   status         GET  /api/v1/proofs/{number}/status?code=…                                  8 and 32
#   status list    GET  /api/v1/status-lists/BZGAJ (the current signed list: its freshness check) 8
#   publication    a proof revoked, then GET /api/v1/status-lists/BZGAJ (a new list signed over every slot), PUBLISH times
#   listing        GET  /api/v1/proofs?matter=…&status=VALID&page=0..4 as the issuer (its filtered listing)    8
#   access log     GET  /api/v1/me/access-log as one of 200 real citizens                                   8
#   statistics     GET  /api/v1/statistics?from=…&to=… for last month (ADMIN)                                8
#   floor          GET  /api/v1/bench/floor/BZGAJ (one lookup by primary key: how fast the machine is right now)
# and prints req/s, p99 and CPU per request (service and PostgreSQL) per size, and the ratios of the largest size to
# the smallest (goal: p99 ≤ 1.5 ×, throughput ≥ 0.8 ×), bytes on disk per proof (table, indexes, TOAST), build times,
# the service's RSS and heap.
#
# How the database is built: REAL proofs are issued through the API (one bulk issuance job, every proof signed,
# audited, stored as issuance stores it); some are verified (real verification rows with signed receipts) and read by
# their issuer (real holder_access rows). Every other proof is a clone of a real one made in SQL, with the column list
# read from information_schema at run time (so a change of the proof table's columns needs no change here), replacing
# only what must differ: id, number, holder (subject_id_index: about three proofs per holder), issued_at and
# valid_until (spread over the last 365 days), status-list slot (unique per department), and 1 % revoked. Each clone
# gets one audit row ("proof.issued", cloned from its source's); one row in the verification log per VERIFY_EVERY
# proofs and one holder_access row per ACCESS_EVERY proofs (cloned from real ones, pointing at the clone). Inserts run CHUNK rows per
# transaction, with every index and trigger in place: the statistics count the clones (per statement, V43/V48), and
# the audit and access logs seal them (the service's sealer signs their checkpoints before anything is measured).
# Cloned rows keep their source's MAC, receipt and signature, which name the source: GET /api/v1/transparency/verify
# would report them (ROW_MAC, receipts, signatures) and is not run here; the status check and the verification are
# only asked about real proofs. Then VACUUM ANALYZE and CHECKPOINT, so neither autovacuum nor the checkpointer runs
# during the measurement.
#
# Usage: bench/scale.sh
# Env:   SIZES ("10000 10000000"), REAL (3000 proofs issued for real), CHUNK (1000000 rows per transaction),
#        VERIFY_EVERY (1: a verification per proof), ACCESS_EVERY (5), DURATION (15s), WARMUP (60s, first size),
#        REWARM (15s per path at later sizes), PUBLISH (30 publications per size), LOCK (/work/bench.lock: taken for the
#        measuring phases only; empty: none), ATTACH (a kept run's folder, its service still up on PORT: settle and
#        measure again at the size it has, against the first size measured), MIN_FREE_GB (12: growing stops below this much free disk), KEEP=1 keeps the database folder (printed) after the run.
source "$(dirname "$0")/lib.sh"
SIZES="${SIZES:-10000 10000000}"
REAL="${REAL:-3000}"
CHUNK="${CHUNK:-1000000}"
VERIFY_EVERY="${VERIFY_EVERY:-1}"
ACCESS_EVERY="${ACCESS_EVERY:-5}"
DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-60s}"
REWARM="${REWARM:-15s}"
PUBLISH="${PUBLISH:-30}"
MIN_FREE_GB="${MIN_FREE_GB:-12}"
LOCK="${LOCK-/work/bench.lock}"
SLOT_BASE=1048576 # clones' status-list slots start here; real proofs take random slots below 131,072 (REAL < 65,536)
HZ=$(getconf CLK_TCK)
RESULTS="$WORK/results.txt"
: >"$RESULTS"
read -r -a SIZE_LIST <<<"$SIZES"
LARGEST=${SIZE_LIST[$((${#SIZE_LIST[@]} - 1))]}
[ "$REAL" -lt "${SIZE_LIST[0]}" ] || { echo "REAL ($REAL) must be below the smallest size" >&2; exit 2; }
command -v psql >/dev/null || { echo "psql is needed: apt-get install -y postgresql-client" >&2; exit 2; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

T_START=$(date +%s.%N)
if [ -z "${ATTACH:-}" ]; then
  start_service
else # a kept run's folder whose service still runs on PORT: measure it again, as it is now
  rm -rf "$WORK"; WORK=$ATTACH; RESULTS="$WORK/results.txt" # (the fresh folder lib.sh made is not used)
  SERVICE_PID=$(pgrep -f "quarkus.http.port=$PORT " | head -1)
  [ -n "$SERVICE_PID" ] || { echo "no service on port $PORT" >&2; exit 2; }
fi
PGPORT=$(grep -o 'embedded PostgreSQL at jdbc:postgresql://localhost:[0-9]*' "$WORK/service.log" | head -1 | grep -o '[0-9]*$')
export PGPASSWORD; PGPASSWORD=$(head -1 "$WORK/data/pg-password")
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h localhost -p "$PGPORT" -U postgres -d postgres)
sql() { "${PSQL[@]}" -At -c "$1"; }

cpu_ticks() { # summed utime+stime (clock ticks) of the given pids
  local t=0 p
  for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done
  echo "$t"
}
pg_ticks() { # CPU of the embedded PostgreSQL: the postmaster, its processes, and those it has reaped
  local pm; pm=$(head -1 "$WORK/data/pg/postmaster.pid" 2>/dev/null) || { echo 0; return; }
  echo $(( $(cpu_ticks "$pm" $(pgrep -P "$pm")) + $(awk '{print $16 + $17}' "/proc/$pm/stat" 2>/dev/null || echo 0) ))
}
memory() {
  echo "   service memory: $(grep -E 'VmRSS' "/proc/$SERVICE_PID/status" | tr -s ' ')," \
    "$(curl -sf "$BASE/q/metrics" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {h += $NF} /^jvm_memory_max_bytes\{.*area="heap"/ && $NF > 0 {m += $NF}
      END { printf "heap used %.0f MB of max %.0f MB", h / 1048576, m / 1048576 }')"
}

MATTER=$(curl -sf "$BASE/api/v1/lists/retained?department=BZGAJ&size=100" \
  | python3 -c 'import sys,json; print(next(m["code"] for m in json.load(sys.stdin)["items"] if m.get("electronic", True)))')
ISSUER=$(token ISSUER BZGAJ)
ADMIN=$(token ADMIN)
VERIFIER=$(token VERIFIER KELSZWZX)
curl -sf -X POST "$BASE/api/v1/using-units" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d "{\"unit\":\"KELSZWZX\",\"serviceMatter\":\"基准测试\",\"businessSystem\":\"bench\",\"proofMatterCode\":\"$MATTER\"}" >/dev/null || true

# ---------------------------------------------------------------------------------------------------------------
if [ -z "${ATTACH:-}" ]; then
echo "== $REAL proofs issued for real (one bulk issuance job of $MATTER as BZGAJ)"
T0=$(date +%s.%N)
python3 "$ROOT/bench/bulk-items.py" "$MATTER" 0 "$REAL" scale >"$WORK/real.ndjson"
JOB=$(curl -sf -X POST -T "$WORK/real.ndjson" -H 'Content-Type: application/x-ndjson' -H "Authorization: Bearer $ISSUER" \
  "$BASE/api/v1/issuance-jobs" | python3 -c 'import sys,json; print(json.load(sys.stdin)["id"])')
until curl -sf -H "Authorization: Bearer $ISSUER" "$BASE/api/v1/issuance-jobs/$JOB" \
    | python3 -c 'import sys,json; sys.exit(0 if json.load(sys.stdin)["status"] in ("DONE","CANCELLED") else 1)'; do
  sleep 2
done
curl -sf -H "Authorization: Bearer $ISSUER" "$BASE/api/v1/issuance-jobs/$JOB/results" >"$WORK/real-results.ndjson"
# real.tsv: number, code, the holder's resident ID (issued ones only)
python3 - "$WORK/real.ndjson" "$WORK/real-results.ndjson" >"$WORK/real.tsv" <<'PY'
import json, sys
items = [json.loads(l) for l in open(sys.argv[1])]
for l in open(sys.argv[2]):
    r = json.loads(l)
    if r["status"] == "ISSUED":
        print(r["number"], r["verificationCode"], items[r["line"] - 1]["subject"]["id"], sep="\t")
PY
ISSUED=$(wc -l <"$WORK/real.tsv")
echo "   $ISSUED issued in $(secs "$T0" "$(date +%s.%N)") s"
[ "$ISSUED" -eq "$REAL" ] || { echo "only $ISSUED of $REAL issued" >&2; exit 1; }
# the last PUBLISH × sizes proofs are revoked by the publication runs; the others are verified and checked
RESERVED=$((PUBLISH * ${#SIZE_LIST[@]}))
head -n $((REAL - RESERVED)) "$WORK/real.tsv" >"$WORK/pool.tsv"
tail -n "$RESERVED" "$WORK/real.tsv" | cut -f1 >"$WORK/revocable.txt"
cut -f1 "$WORK/pool.tsv" >"$WORK/pool-numbers.txt" # the clones' sources (the demo data's proofs and pledges are not)

# request files for bench/scale.lua (METHOD TAB PATH TAB TOKEN TAB BODY)
awk -F'\t' -v t="$VERIFIER" '{ printf "POST\t/api/v1/verifications\t%s\t{\"number\":\"%s\",\"code\":\"%s\",\"purpose\":\"基准测试\"}\n", t, $1, $2 }' \
  "$WORK/pool.tsv" >"$WORK/verify.req"
awk -F'\t' '{ printf "GET\t/api/v1/proofs/%s/status?code=%s\t\t\n", $1, $2 }' "$WORK/pool.tsv" >"$WORK/status.req"
awk -F'\t' -v t="$ISSUER" '{ printf "GET\t/api/v1/proofs/%s?purpose=%%E6%%A0%%B8%%E5%%AF%%B9\t%s\t\n", $1, t }' "$WORK/pool.tsv" >"$WORK/read.req"
printf 'GET\t/api/v1/status-lists/BZGAJ\t\t\n' >"$WORK/statuslist.req"
for p in 0 1 2 3 4; do printf 'GET\t/api/v1/proofs?matter=%s&status=VALID&size=20&page=%s\t%s\t\n' "$MATTER" "$p" "$ISSUER"; done >"$WORK/listing.req"
head -n 200 "$WORK/pool.tsv" | while IFS=$'\t' read -r _ _ id; do
  printf 'GET\t/api/v1/me/access-log?size=20\t%s\t\n' "$(token CITIZEN "" "$id")"
done >"$WORK/accesslog.req"
FROM=$(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m-%d)
TO=$(date -d "$(date +%Y-%m-01) -1 day" +%Y-%m-%d)
printf 'GET\t/api/v1/statistics?from=%s&to=%s\t%s\t\n' "$FROM" "$TO" "$ADMIN" >"$WORK/statistics.req"
printf 'GET\t/api/v1/bench/floor/BZGAJ\t\t\n' >"$WORK/floor.req"

echo "== real activity to clone: verifications (with signed receipts) and reads by the issuer (holder_access rows)"
REQS="$WORK/verify.req" wrk -t2 -c8 -d10s -s "$ROOT/bench/scale.lua" "$BASE" >/dev/null
REQS="$WORK/read.req" wrk -t2 -c8 -d5s -s "$ROOT/bench/scale.lua" "$BASE" >/dev/null
sql "SELECT '   verification rows ' || (SELECT count(*) FROM verification) || ', holder_access rows '
  || (SELECT count(*) FROM holder_access) || ', audit rows ' || (SELECT count(*) FROM audit_event)"
T_SEEDED=$(date +%s.%N)
fi

# ---------------------------------------------------------------------------------------------------------------
# Cloning. The select list of each table is built from information_schema: a column named in the override list gets
# its expression, txid is left to its default (the loading transaction's, as for any insert), any other column is
# copied from the source row.
columns() { sql "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '$1'
  AND column_name <> 'txid' ORDER BY ordinal_position"; }
select_list() { # table alias "col=expr" … → "col1, col2 …|expr1, expr2 …"
  local table=$1 alias=$2; shift 2
  local -A over=()
  local kv
  for kv in "$@"; do over[${kv%%=*}]=${kv#*=}; done
  local names=() exprs=() c
  while read -r c; do
    names+=("$c")
    if [ -n "${over[$c]+x}" ]; then exprs+=("${over[$c]}"); unset "over[$c]"; else exprs+=("$alias.$c"); fi
  done < <(columns "$table")
  [ ${#over[@]} -eq 0 ] || { echo "override of a column $table does not have: ${!over[*]}" >&2; exit 1; }
  local IFS=,
  echo "${names[*]}|${exprs[*]}"
}
has_column() { [ "$(sql "SELECT count(*) FROM information_schema.columns WHERE table_name = '$1' AND column_name = '$2'")" = 1 ]; }

# the i-th clone (i ≥ 1): its number, holder, age in seconds (0 … 365 days, scattered), times
NUM="'ZM-2026-' || upper(substr(md5(g.i::text), 1, 4)) || '-' || substr(upper(lpad(to_hex(g.i), 8, '0')), 1, 4) || '-' || substr(upper(lpad(to_hex(g.i), 8, '0')), 5, 4) || '-S'"
HOLDER="encode(sha256(convert_to('scale-holder-' || (g.i / 3), 'UTF8')), 'hex')"
AGE="(1 + (g.i::bigint * 7919) % 31536000)"
ISSUED_AT="(:'t0'::timestamptz - $AGE * interval '1 second')"
LATER="(:'t0'::timestamptz - ($AGE / 2) * interval '1 second')" # between issuance and now
PROOF_OVER=(
  "id=gen_random_uuid()" "number=$NUM" "subject_id_index=$HOLDER" "issued_at=$ISSUED_AT"
  "valid_until=$ISSUED_AT + (s.valid_until - s.issued_at)" "status_list_index=$SLOT_BASE + g.i"
  "status=CASE WHEN g.i % 100 = 0 THEN 'REVOKED' ELSE s.status END")
has_column proof revoked_at && PROOF_OVER+=("revoked_at=CASE WHEN g.i % 100 = 0 THEN $LATER ELSE s.revoked_at END")
has_column proof revocation_reason && PROOF_OVER+=("revocation_reason=CASE WHEN g.i % 100 = 0 THEN 'DATA_CHANGED' ELSE s.revocation_reason END")
has_column proof revoked_by && PROOF_OVER+=("revoked_by=CASE WHEN g.i % 100 = 0 THEN s.issued_by ELSE s.revoked_by END")
IFS='|' read -r P_COLS P_EXPRS <<<"$(select_list proof s "${PROOF_OVER[@]}")"
IFS='|' read -r A_COLS A_EXPRS <<<"$(select_list audit_event a "id=gen_random_uuid()" "at=$ISSUED_AT" "target_id=$NUM")"
IFS='|' read -r V_COLS V_EXPRS <<<"$(select_list verification v "id=gen_random_uuid()" "proof_number=$NUM" \
  "subject_id_index=$HOLDER" "verified_at=$LATER")"
IFS='|' read -r H_COLS H_EXPRS <<<"$(select_list holder_access h "id=gen_random_uuid()" "proof_number=$NUM" \
  "subject_id_index=$HOLDER" "at=$LATER")"
T_CLONE0=$(sql "SELECT now()")
if [ -z "${ATTACH:-}" ]; then
# the sources, listed once in a schema of the bench's own (not the service's): the real proofs with their audit row
# ("proof.issued"), the real verification and holder_access rows
"${PSQL[@]}" <<SQL
CREATE SCHEMA scale_bench;
CREATE TABLE scale_bench.real (number text PRIMARY KEY);
\\copy scale_bench.real FROM '$WORK/pool-numbers.txt'
CREATE TABLE scale_bench.src AS
  SELECT (row_number() OVER (ORDER BY p.number) - 1)::int AS k, p.id, p.number,
         (SELECT a.id FROM audit_event a WHERE a.target_id = p.number AND a.action = 'proof.issued' LIMIT 1) AS audit_id
  FROM proof p JOIN scale_bench.real r ON r.number = p.number;
CREATE TABLE scale_bench.vsrc AS
  SELECT (row_number() OVER (ORDER BY v.id) - 1)::int AS k, v.id FROM verification v JOIN scale_bench.src s ON s.number = v.proof_number;
CREATE TABLE scale_bench.hsrc AS
  SELECT (row_number() OVER (ORDER BY h.id) - 1)::int AS k, h.id FROM holder_access h JOIN scale_bench.src s ON s.number = h.proof_number;
CREATE UNIQUE INDEX ON scale_bench.src (k); CREATE UNIQUE INDEX ON scale_bench.vsrc (k); CREATE UNIQUE INDEX ON scale_bench.hsrc (k);
ANALYZE scale_bench.src; ANALYZE scale_bench.vsrc; ANALYZE scale_bench.hsrc;
SQL
[ "$(sql "SELECT count(*) FROM scale_bench.src WHERE audit_id IS NULL")" = 0 ] || { echo "a real proof without its audit row" >&2; exit 1; }
fi

load_chunk() { # first last: clones first…last and their log rows, in one transaction
  "${PSQL[@]}" -v t0="$T_CLONE0" <<SQL
SET synchronous_commit = off; -- bench load only: the CHECKPOINT after the load makes it durable
BEGIN;
INSERT INTO proof ($P_COLS)
  SELECT $P_EXPRS FROM generate_series($1, $2) AS g(i)
  JOIN scale_bench.src src ON src.k = g.i % (SELECT count(*) FROM scale_bench.src) JOIN proof s ON s.id = src.id;
INSERT INTO audit_event ($A_COLS)
  SELECT $A_EXPRS FROM generate_series($1, $2) AS g(i)
  JOIN scale_bench.src src ON src.k = g.i % (SELECT count(*) FROM scale_bench.src) JOIN audit_event a ON a.id = src.audit_id;
INSERT INTO verification ($V_COLS)
  SELECT $V_EXPRS FROM generate_series($1, $2) AS g(i)
  JOIN scale_bench.vsrc vsrc ON vsrc.k = (g.i / $VERIFY_EVERY) % (SELECT count(*) FROM scale_bench.vsrc)
  JOIN verification v ON v.id = vsrc.id
  WHERE g.i % $VERIFY_EVERY = 0;
INSERT INTO holder_access ($H_COLS)
  SELECT $H_EXPRS FROM generate_series($1, $2) AS g(i)
  JOIN scale_bench.hsrc hsrc ON hsrc.k = (g.i / $ACCESS_EVERY) % (SELECT count(*) FROM scale_bench.hsrc)
  JOIN holder_access h ON h.id = hsrc.id
  WHERE g.i % $ACCESS_EVERY = 0;
COMMIT;
SQL
}

CLONED=0 # clones made so far (their i runs 1 … CLONED)
grow_to() { # total proofs
  local target=$1 t0 first last
  local want=$((target - REAL))
  t0=$(date +%s.%N)
  while [ "$CLONED" -lt "$want" ]; do
    # the disk is shared: stop growing (and measure the size reached) before other work runs out of space
    local free; free=$(df -BG --output=avail "$WORK" | tail -1 | tr -dc 0-9)
    if [ "$free" -lt "$MIN_FREE_GB" ]; then
      echo "   STOPPED at $((REAL + CLONED)) proofs: $free GB free, below MIN_FREE_GB=$MIN_FREE_GB"; break
    fi
    first=$((CLONED + 1)); last=$((CLONED + CHUNK < want ? CLONED + CHUNK : want))
    load_chunk "$first" "$last"
    CLONED=$last
    echo "   $((REAL + CLONED)) proofs ($(secs "$t0" "$(date +%s.%N)") s)"
  done
  local t1; t1=$(date +%s.%N)
  echo "   loaded in $(secs "$t0" "$t1") s"
  echo "build $target: load $(secs "$t0" "$t1") s" >>"$WORK/build.txt"
  settle
}
settle() { # until the logs are sealed and the statistics folded; then VACUUM ANALYZE and CHECKPOINT
  local t1 t2 t3 pass
  t1=$(date +%s.%N)
  echo "   waiting for the sealer (audit and access logs) and the statistics fold"
  until [ "$(sql "SELECT (SELECT count(*) FROM audit_event WHERE txid >= coalesce((SELECT max(horizon_to) FROM seal_checkpoint WHERE log = 'audit-log'), 0))
      + (SELECT count(*) FROM verification WHERE txid >= coalesce((SELECT max(horizon_to) FROM seal_checkpoint WHERE log = 'access-log'), 0))
      + (SELECT count(*) FROM holder_access WHERE txid >= coalesce((SELECT max(horizon_to) FROM seal_checkpoint WHERE log = 'holder-access-log'), 0))
      + (SELECT count(*) FROM stats_delta)")" = 0 ]; do
    sleep 2
  done
  t2=$(date +%s.%N)
  # after the sealer: a VACUUM that starts while a transaction older than the load is open (a sealing round) cannot
  # mark the loaded pages all-visible, and every index-only scan would then read the heap as well
  for pass in 1 2; do
    "${PSQL[@]}" -c "VACUUM (ANALYZE) proof" -c "VACUUM (ANALYZE) verification" -c "VACUUM (ANALYZE) audit_event" \
      -c "VACUUM (ANALYZE) holder_access" -c "CHECKPOINT"
    [ "$(sql "SELECT bool_and(relallvisible >= 0.99 * relpages) FROM pg_class
      WHERE relname IN ('proof', 'verification', 'audit_event', 'holder_access')")" = t ] && break
  done
  sql "SELECT '   all-visible pages: ' || string_agg(relname || ' ' || round(100.0 * relallvisible / greatest(relpages, 1), 1) || ' %', ', ')
    FROM pg_class WHERE relname IN ('proof', 'verification', 'audit_event', 'holder_access')"
  t3=$(date +%s.%N)
  echo "   sealed and folded in $(secs "$t1" "$t2") s, vacuumed and checkpointed in $(secs "$t2" "$t3") s"
  echo "   sealing+fold $(secs "$t1" "$t2") s, vacuum+checkpoint $(secs "$t2" "$t3") s" >>"$WORK/build.txt"
}

disk() { # bytes on disk (heap + TOAST + indexes) of the proof table and the logs, per proof
  sql "SELECT c.relname, pg_total_relation_size(c.oid), pg_relation_size(c.oid),
         coalesce(pg_total_relation_size(nullif(c.reltoastrelid, 0)), 0), pg_indexes_size(c.oid),
         (SELECT count(*) FROM proof)
       FROM pg_class c WHERE c.relname IN ('proof', 'verification', 'audit_event', 'holder_access', 'stats_daily')
       ORDER BY 1" | awk -F'|' '{ n = $6; t += $2
         printf "   %-14s %8.0f bytes/proof (heap %.0f, TOAST %.0f, indexes %.0f)\n", $1, $2 / n, $3 / n, $4 / n, $5 / n }
       END { printf "   %-14s %8.0f bytes/proof\n", "these together", t / n }'
  sql "SELECT '   database size ' || pg_size_pretty(pg_database_size('postgres'))"
}

# ---------------------------------------------------------------------------------------------------------------
p99_ms() { awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) }
  else if (v ~ /m$/) { sub(/m$/, "", v); v *= 60000 } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.2f", v }' <<<"$1"; }
measure() { # size name conns reqfile
  local size=$1 name=$2 conns=$3 req=$4 out c0s c0p c1s c1p n rps p50 p99 non2xx
  c0s=$(cpu_ticks "$SERVICE_PID"); c0p=$(pg_ticks)
  out=$(REQS="$req" wrk -t2 -c"$conns" -d"$DURATION" --latency -s "$ROOT/bench/scale.lua" "$BASE")
  c1s=$(cpu_ticks "$SERVICE_PID"); c1p=$(pg_ticks)
  n=$(awk '/requests in/ {print $1}' <<<"$out")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  local svc pg
  svc=$(awk -v t=$((c1s - c0s)) -v h="$HZ" -v n="$n" 'BEGIN { printf "%.3f", 1000 * t / h / n }')
  pg=$(awk -v t=$((c1p - c0p)) -v h="$HZ" -v n="$n" 'BEGIN { printf "%.3f", 1000 * t / h / n }')
  printf '   %-14s c=%-3s req/s=%-9s p50=%-9s p99=%-9s non-2xx=%-6s CPU/req: service %s ms, PostgreSQL %s ms\n' \
    "$name" "$conns" "$rps" "$p50" "$p99" "${non2xx:-0}" "$svc" "$pg"
  echo "$size $name $conns $rps $(p99_ms "$p99") $svc $pg ${non2xx:-0}" >>"$RESULTS"
}
publications() { # size: PUBLISH times a proof revoked, then the list fetched (a new one signed); the GET's time
  local size=$1 i number c0s c0p c1s c1p
  : >"$WORK/publish-$size.txt"
  c0s=$(cpu_ticks "$SERVICE_PID"); c0p=$(pg_ticks)
  for ((i = 0; i < PUBLISH; i++)); do
    number=$(sed -n "$((PUBLISHED + 1))p" "$WORK/revocable.txt"); PUBLISHED=$((PUBLISHED + 1))
    curl -sf -o /dev/null -X POST "$BASE/api/v1/proofs/$number/revoke" -H "Authorization: Bearer $ISSUER" \
      -H 'Content-Type: application/json' -d '{"reason":"DATA_CHANGED","note":"scale bench"}' || { echo "revocation failed" >&2; exit 1; }
    curl -sf -o "$WORK/list.jws" -w '%{time_total}\n' "$BASE/api/v1/status-lists/BZGAJ" >>"$WORK/publish-$size.txt"
  done
  c1s=$(cpu_ticks "$SERVICE_PID"); c1p=$(pg_ticks)
  local size_bytes; size_bytes=$(wc -c <"$WORK/list.jws")
  sort -n "$WORK/publish-$size.txt" | awk -v size="$size" -v n="$PUBLISH" -v s=$((c1s - c0s)) -v p=$((c1p - c0p)) -v h="$HZ" -v b="$size_bytes" -v r="$RESULTS" '
    { t[NR] = $1; sum += $1 }
    END { p50 = t[int((NR + 1) / 2)]; p99 = t[NR - int(NR / 100)]
      printf "   %-14s n=%-3s per s=%-7.1f p50=%-8.1fms p99=%-8.1fms list %d bytes; CPU per (revocation + publication): service %.1f ms, PostgreSQL %.1f ms\n",
        "publication", NR, NR / sum, 1000 * p50, 1000 * p99, b, 1000 * s / h / n, 1000 * p / h / n
      printf "%s publication 1 %.2f %.2f %.3f %.3f 0\n", size, NR / sum, 1000 * p99, 1000 * s / h / n, 1000 * p / h / n >> r }'
}
PUBLISHED=$(cat "$WORK"/publish-*.txt 2>/dev/null | wc -l || true) # revocable proofs used (by earlier phases too)
measure_all() { # size first?
  local size=$1 first=$2 w
  echo "   uptime before: $(uptime)"
  if [ "$first" = 1 ]; then w=$WARMUP; else w=$REWARM; fi
  echo "   warming up: verification $w, the other paths $REWARM each (not measured)"
  REQS="$WORK/verify.req" warm_up "$w" -s "$ROOT/bench/scale.lua" "$BASE"
  for r in status statuslist listing accesslog statistics floor; do REQS="$WORK/$r.req" warm_up "$REWARM" -s "$ROOT/bench/scale.lua" "$BASE"; done
  measure "$size" floor-before 8 "$WORK/floor.req"
  measure "$size" verification 8 "$WORK/verify.req"
  measure "$size" verification 32 "$WORK/verify.req"
  measure "$size" status 8 "$WORK/status.req"
  measure "$size" status 32 "$WORK/status.req"
  measure "$size" status-list 8 "$WORK/statuslist.req"
  publications "$size"
  measure "$size" listing 8 "$WORK/listing.req"
  measure "$size" access-log 8 "$WORK/accesslog.req"
  measure "$size" statistics 8 "$WORK/statistics.req"
  measure "$size" floor-after 8 "$WORK/floor.req"
  echo "   uptime after: $(uptime)"
  memory
}
# ---------------------------------------------------------------------------------------------------------------
if [ -n "${ATTACH:-}" ]; then
  size=$(sql "SELECT count(*) FROM proof")
  echo "== measuring again at $size proofs (the service on port $PORT, the database in $WORK)"
  settle
  disk | tee "$WORK/disk-$size.txt"
  if [ -n "$LOCK" ]; then echo "   (waiting for $LOCK)"; exec 9>>"$LOCK"; flock 9; fi
  measure_all "$size" 0
  if [ -n "$LOCK" ]; then flock -u 9; exec 9>&-; fi
  SIZE_LIST=()
fi
FIRST=1
for size in "${SIZE_LIST[@]}"; do
  echo "== growing to $size proofs (clones in chunks of $CHUNK)"
  grow_to "$size"
  echo "size $size: $(sql "SELECT count(*) FROM proof") proofs in the table when measured" >>"$WORK/build.txt"
  disk | tee "$WORK/disk-$size.txt"
  if [ "$FIRST" = 1 ] && [ "$size" != "$LARGEST" ]; then
    per=$(sql "SELECT (pg_total_relation_size('proof') + pg_total_relation_size('verification') + pg_total_relation_size('audit_event')
      + pg_total_relation_size('holder_access')) / (SELECT count(*) FROM proof)")
    need=$((per * LARGEST / 1000000000))
    avail=$(df -BG --output=avail "$WORK" | tail -1 | tr -dc 0-9)
    echo "   estimate for $LARGEST proofs: $per bytes/proof × $LARGEST ≈ $need GB (+ WAL); $avail GB free"
    [ $((need + MIN_FREE_GB)) -lt "$avail" ] || echo "   WARNING: that leaves less than MIN_FREE_GB=$MIN_FREE_GB GB: growing stops there"

  fi
  echo "== measuring at $size proofs"
  if [ -n "$LOCK" ]; then echo "   (waiting for $LOCK)"; exec 9>>"$LOCK"; flock 9; fi
  measure_all "$size" "$FIRST"
  if [ -n "$LOCK" ]; then flock -u 9; exec 9>&-; fi
  FIRST=0
done

# ---------------------------------------------------------------------------------------------------------------
SMALL=$(head -1 "$RESULTS" | cut -d' ' -f1)
LARGEST=$(tail -1 "$RESULTS" | cut -d' ' -f1)
echo
echo "== scale: $SMALL → $LARGEST proofs (one run, one database; goal p99 ≤ 1.5 ×, throughput ≥ 0.8 ×)"
printf '%-14s %-3s | %10s %10s | %10s %10s | %8s %8s | %s\n' path c "req/s $SMALL" "$LARGEST" "p99 ms $SMALL" "$LARGEST" "thr ×" "p99 ×" "CPU ms/req service+PG $SMALL → $LARGEST"
awk -v small="$SMALL" -v large="$LARGEST" '
  $1 == small { k = $2 " " $3; order[++n] = k; rs[k] = $4; ps[k] = $5; cs[k] = $6 + $7 }
  $1 == large { k = $2 " " $3; rl[k] = $4; pl[k] = $5; cl[k] = $6 + $7 }
  END { for (i = 1; i <= n; i++) { k = order[i]; if (seen[k]++ || !(k in rl)) continue; split(k, a, " ")
      thr = rl[k] / rs[k]; lat = pl[k] / ps[k]
      printf "%-14s %-3s | %10.1f %10.1f | %10.2f %10.2f | %7.2f%s %7.2f%s | %.3f → %.3f\n", a[1], a[2], rs[k], rl[k], ps[k], pl[k],
        thr, (a[1] ~ /^floor/ ? " " : thr >= 0.8 ? " " : "!"), lat, (a[1] ~ /^floor/ ? " " : lat <= 1.5 ? " " : "!"), cs[k], cl[k] } }' "$RESULTS"
echo "(! = goal not met; floor = the machine's speed in each phase: compare the others' ratios with its ratio)"
echo "bytes on disk per proof at $LARGEST:"; cat "$WORK/disk-$LARGEST.txt"
echo "build times:"; sed 's/^/   /' "$WORK/build.txt"
[ -n "${ATTACH:-}" ] || echo "   real issuance and activity $(secs "$T_START" "$T_SEEDED") s (service start included); whole run $(secs "$T_START" "$(date +%s.%N)") s"
memory
if [ "${KEEP:-0}" = 1 ]; then
  trap 'kill -TERM $SERVICE_PID 2>/dev/null; wait $SERVICE_PID 2>/dev/null; exit 0' EXIT
  echo "database kept in $WORK/data (port $PGPORT while the service runs)"
fi
