#!/usr/bin/env bash
# A long simulation campaign: SEEDS seeds for each job of SimulationTest (keyed sums at parallelism
# 1-3, union + rebalance, tumbling windows, two regions, unaligned checkpoints, no restarts, the two-input
# order/payment join aligned and unaligned, the interval join aligned and unaligned, the window join) and of
# ExamplesSimulationTest (the seed article's CheckpointExample and FaultToleranceExample, the
# transactional file sink), each run with task failures, checkpoint-storage errors and process
# crashes. Default 10000 seeds x 17 jobs = 170,000 schedules.
# Prints one line per job (faults, restarts, processes, checkpoints); any failing seed is listed
# in the surefire report with the command that replays it.
# Usage: weir-test-support/sim-campaign.sh [SEEDS]
set -euo pipefail
cd "$(dirname "$0")/.."
SEEDS=${1:-10000}
mvn -B -q -pl weir-examples -am install -DskipTests
start=$(date +%s)
status=0
for target in "weir-test-support SimulationTest io.weir.testing" "weir-examples ExamplesSimulationTest io.weir.examples"; do
  set -- $target
  mvn -B -q -pl "$1" surefire:test -Dtest="$2" -Dweir.sim.seeds="$SEEDS" -Djunit.jupiter.execution.timeout.default=600m \
      -Dorg.slf4j.simpleLogger.defaultLogLevel=warn || status=1
  grep -h "Tests run" "$1/target/surefire-reports/$3.$2.txt" || true
  grep -h "seeds:" "$1/target/surefire-reports/$3.$2-output.txt" || true
done
echo "campaign of $SEEDS seeds per job took $(( $(date +%s) - start )) s"
exit $status
