#!/usr/bin/env bash
# OFD proofs on one thread (bench/OfdBench.java): build, build + seal (GB/T 38540 SM2 seal, whole document) and
# verification of an upload, beside raw SM2-SM3 signing measured in the same run as the floor; wall and CPU time
# per operation, ratios, the signed size, the JVM's RSS and heap after. No service, no database.
# Usage: bench/ofd.sh [seconds per measurement, default 10] [warm-up seconds each, default 20]
# Run it under the bench lock on a shared machine: flock /work/bench.lock bench/ofd.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ -f "$ROOT/target/quarkus-app/quarkus-run.jar" ] || (cd "$ROOT" && ./mvnw -q -DskipTests package)
echo "uptime before: $(uptime)"
java -Djava.awt.headless=true -cp "$ROOT/target/quarkus-app/app/*:$ROOT/target/quarkus-app/lib/main/*" \
  "$ROOT/bench/OfdBench.java" "${1:-10}" "${2:-20}"
echo "uptime after: $(uptime)"
