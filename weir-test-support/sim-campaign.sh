#!/usr/bin/env bash
# A long simulation campaign: SEEDS seeds for each of the 7 jobs of SimulationTest (keyed sums at
# parallelism 1-3, union + rebalance, tumbling windows, two regions, unaligned checkpoints), each run
# with task failures, storage errors and process crashes. Default 15000 seeds = 105,000 schedules.
# Prints one line per job (faults, restarts, processes, checkpoints); any failing seed is listed
# with the command that replays it.
# Usage: weir-test-support/sim-campaign.sh [SEEDS]
set -euo pipefail
cd "$(dirname "$0")/.."
SEEDS=${1:-15000}
mvn -B -q -pl weir-test-support -am install -DskipTests
start=$(date +%s)
mvn -B -pl weir-test-support surefire:test -Dtest=SimulationTest -Dweir.sim.seeds="$SEEDS" \
    -Djunit.jupiter.execution.timeout.default=600m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn | grep -E "Tests run:|seed" || true
echo "campaign of $SEEDS seeds x 7 jobs took $(( $(date +%s) - start )) s"
grep -h "seeds:" weir-test-support/target/surefire-reports/io.weir.testing.SimulationTest-output.txt || true
