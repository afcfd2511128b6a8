#!/usr/bin/env bash
# Runs Weir and the Flink anchor alternately (Weir, Flink, Weir, Flink, ...) for each workload, ROUNDS
# times, and collects both engines' JSON lines in $OUT/interleaved.jsonl (summarize with summarize.py).
# This machine is noisy: only runs made close together in time are comparable.
# Usage: weir-bench/interleave.sh [rounds] [workload ...]   (default: 3 rounds of W4 W1-nockpt W1 W3)
# Env:   OUT (Weir results, default /tmp/weir-bench), FLINK (anchor folder, default <repo>/../shared/anchors/flink-bench),
#        JET (Jet anchor folder, default <repo>/../shared/anchors/jet-bench; used for W4 and W5, skipped if absent or JET=none)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
OUT=${OUT:-/tmp/weir-bench}
FLINK=${FLINK:-$ROOT/../shared/anchors/flink-bench}
JET=${JET:-$ROOT/../shared/anchors/jet-bench}
ROUNDS=${1:-3}
shift || true
WORKLOADS=("$@")
[[ ${#WORKLOADS[@]} -eq 0 ]] && WORKLOADS=(W4 W1-nockpt W1 W3)
mkdir -p "$OUT"
"$HERE/run.sh" W4 >/dev/null   # builds if needed, warms the page cache; not recorded in interleaved.jsonl
for ((r = 1; r <= ROUNDS; r++)); do
  for w in "${WORKLOADS[@]}"; do
    OUT="$OUT" SKIP_BUILD=1 "$HERE/run.sh" "$w" | tee -a "$OUT/interleaved.jsonl"
    "$FLINK/run.sh" "$w" | tee -a "$OUT/interleaved.jsonl"
    if [[ ( "$w" == W4 || "$w" == W5 ) && -x "$JET/run.sh" ]]; then
      SKIP_BUILD=${JET_SKIP_BUILD:-} "$JET/run.sh" "$w" | tee -a "$OUT/interleaved.jsonl"
    fi
  done
done
