# memory_of PID BASE: the service's RSS (and its peak) and heap used / committed / max after a run (issue #16,
# item 5). Sourced by lib.sh and by the benches that start the service themselves.
memory_of() {
  echo "== memory of the service after the run (pid $1)"
  grep -E 'VmRSS|VmHWM' "/proc/$1/status" | tr -s ' ' | tr '\n' ' '; echo
  curl -sf "$2/q/metrics" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {h += $NF} /^jvm_memory_committed_bytes\{.*area="heap"/ {c += $NF}
    /^jvm_memory_max_bytes\{.*area="heap"/ && $NF > 0 {m += $NF}
    END { printf "heap used %.0f MB, committed %.0f MB (max %.0f MB)\n", h / 1048576, c / 1048576, m / 1048576 }'
}
