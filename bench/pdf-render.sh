#!/usr/bin/env bash
# Rendering a printable proof (PdfRenderer, one thread) against a floor measured in the same run: the
# same text in the same embedded font on one plain A4 page (bench/PdfRender.java). No service, no wrk.
# Usage: bench/pdf-render.sh [seconds per measurement, default 10]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ -f "$ROOT/target/quarkus-app/quarkus-run.jar" ] || (cd "$ROOT" && ./mvnw -q -DskipTests package)
java -cp "$ROOT/target/quarkus-app/app/*:$ROOT/target/quarkus-app/lib/main/*" "$ROOT/bench/PdfRender.java" "${1:-10}"
