#!/usr/bin/env bash
# Weir running the end-to-end workloads of WORKLOADS.md (W4 W1-nockpt W1 W3 W5), with the same interface
# as the Flink anchor's run.sh so that the two can be run interleaved (Weir, Flink, Weir, Flink, ...).
# Each run: /usr/bin/time -v java -Xmx4g -cp weir-bench.jar io.weir.bench.WeirBench <workload> [events];
# the JSON line it prints last, plus exit_code, max_rss_kb, proc_wall_s and run_utc, is printed and
# appended to $OUT/results.jsonl. Per-run stdout, stderr and time output: $OUT/logs/.
#
# Usage: weir-bench/run.sh [workload ...]      (default: W4 W1-nockpt W1 W3 W5; W2 does not exist for Weir yet)
# Env:   OUT        results folder (default /tmp/weir-bench)
#        JAVA       java executable (default java on PATH)
#        EVENTS_W1  N for W1 and W1-nockpt (default 20000000)
#        SKIP_BUILD=1  never build (default: build weir-api, weir-runtime, weir-bench when a source is newer than the jar)
#        JVM_EXTRA  extra JVM flags, space separated (e.g. a JFR recording)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
OUT=${OUT:-/tmp/weir-bench}
JAVA=${JAVA:-java}
JAR="$HERE/target/weir-bench.jar"
MODULES=(weir-api weir-runtime weir-bench)
mkdir -p "$OUT/logs"

needs_build() {
  [[ -f "$JAR" ]] || return 0
  local m
  for m in "${MODULES[@]}"; do
    [[ -n "$(find "$ROOT/pom.xml" "$ROOT/$m/pom.xml" "$ROOT/$m/src/main" -newer "$JAR" -print -quit)" ]] && return 0
  done
  return 1
}
if [[ "${SKIP_BUILD:-}" != 1 ]] && needs_build; then
  echo ">>> building ${MODULES[*]} (mvn package -DskipTests)" >&2
  (cd "$ROOT" && mvn -B -q -Dstyle.color=never -pl "$(IFS=,; echo "${MODULES[*]}")" -am package -DskipTests) >&2
fi

commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n "$(cd "$ROOT" && git status --porcelain -- pom.xml "${MODULES[@]/%//pom.xml}" "${MODULES[@]/%//src}" 2>/dev/null)" ]]; then
  commit="$commit-dirty"
fi
JVM_OPTS=(-Xmx4g "-Dweir.bench.commit=$commit")
# shellcheck disable=SC2206
[[ -n "${JVM_EXTRA:-}" ]] && JVM_OPTS+=(${JVM_EXTRA})

WORKLOADS=("$@")
[[ ${#WORKLOADS[@]} -eq 0 ]] && WORKLOADS=(W4 W1-nockpt W1 W3 W5)
for w in "${WORKLOADS[@]}"; do
  args=("$w")
  case "$w" in W1|W1-nockpt) [[ -n "${EVENTS_W1:-}" ]] && args+=("$EVENTS_W1");; esac
  ts=$(date -u +%Y%m%dT%H%M%SZ)
  log="$OUT/logs/${w}-${ts}"
  echo ">>> $JAVA ${JVM_OPTS[*]} -cp $JAR io.weir.bench.WeirBench ${args[*]}" >&2
  set +e
  /usr/bin/time -v -o "$log.time" "$JAVA" "${JVM_OPTS[@]}" -cp "$JAR" io.weir.bench.WeirBench "${args[@]}" >"$log.out" 2>"$log.err"
  rc=$?
  set -e
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log.time")
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$log.time")
  line=$(tail -n 1 "$log.out" 2>/dev/null || true)
  extra="\"exit_code\":$rc,\"max_rss_kb\":${rss:-0},\"proc_wall_s\":${secs:-0},\"run_utc\":\"$ts\""
  if [[ "$line" == \{*\} ]]; then
    line="${line%\}},$extra}"
  else
    line="{\"workload\":\"$w\",\"engine\":\"weir\",\"error\":true,$extra}"
    tail -n 20 "$log.err" >&2 || true
  fi
  echo "$line" >> "$OUT/results.jsonl"
  echo "$line"
done
