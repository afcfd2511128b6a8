#!/usr/bin/env bash
# The fault campaign on real processes (docs/fault-campaign.md).
#
#   weir-cli/fault-campaign.sh [SCHEDULES] [MAVEN ARGS...]     e.g.  weir-cli/fault-campaign.sh 1000 -o
#
# Runs the `fault-campaign` Maven profile of weir-cli: SCHEDULES (default 1000) seeded schedules of faults on the
# transactional file sink job, each in real child JVMs. Per-schedule results go, as JSON lines, to
# weir-cli/target/fault-campaign/results-<time>.jsonl; Maven's full output to maven-<time>.log beside it; one line per
# schedule and the summary table to stdout. Exit code 0 only if no schedule ended in a silent duplicate, a silent loss,
# a hang or another failure. Extra arguments go to Maven (e.g. -o, -Dweir.campaign.first-seed=S,
# -Dweir.campaign.run-timeout-s=120). Needs root (or CAP_SYS_ADMIN) for `mount -t tmpfs`: without it every disk-full
# schedule fails, loudly.
set -euo pipefail
cd "$(dirname "$0")/.."
schedules="${1:-1000}"
[ $# -gt 0 ] && shift
case "$schedules" in
    ''|*[!0-9]*) echo "fault-campaign.sh: SCHEDULES must be a number, was '$schedules'" >&2; exit 2 ;;
esac
if [ "$(id -u)" != 0 ]; then
    echo "fault-campaign.sh: WARNING: not running as root: 'mount -t tmpfs' will be refused, and every schedule with a" \
         "disk-full fault will FAIL with MOUNT NOT PERMITTED" >&2
fi
out="$PWD/weir-cli/target/fault-campaign"
mkdir -p "$out"
stamp="$(date +%Y%m%d-%H%M%S)"
results="$out/results-$stamp.jsonl"
log="$out/maven-$stamp.log"
rm -f "$out/summary.txt"
echo "fault-campaign.sh: $schedules schedules; results $results; Maven log $log"
set +e
mvn -B verify -pl weir-cli -am -P fault-campaign -Dweir.campaign.schedules="$schedules" -Dweir.campaign.results="$results" \
    -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=FaultCampaignIT -Dfailsafe.failIfNoSpecifiedTests=false "$@" \
    2>&1 | tee "$log" | grep --line-buffered -E '^\[campaign\] (long|schedule)|^\[campaign\]   ->'
status=${PIPESTATUS[0]}
set -e
echo
if [ -f "$out/summary.txt" ]; then
    cat "$out/summary.txt"
else
    echo "fault-campaign.sh: no summary was written (the build failed before or during the campaign); see $log" >&2
fi
echo "results (one JSON line per schedule): $results"
if [ "$status" != 0 ]; then
    echo "fault-campaign.sh: the campaign FAILED (Maven exit $status); see the summary above and $log" >&2
fi
exit "$status"
