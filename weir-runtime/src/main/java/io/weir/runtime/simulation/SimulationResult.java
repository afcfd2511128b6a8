package io.weir.runtime.simulation;

import java.util.Map;

/**
 * The outcome of one simulated run.
 *
 * @param job          the simulation's name
 * @param seed         replays this run exactly: {@code -Dweir.sim.seed=<seed>}
 * @param problem      null when the output was exactly the fault-free output; else what went wrong
 * @param differences  record to (actual count - expected count), for records that differ
 * @param steps        scheduling choices made
 * @param trace        fingerprint of every choice; equal runs have equal traces
 * @param faults       faults injected (task failures, crashes, I/O errors)
 * @param processes    simulated processes (1 + crashes + resumes after the job failed for good)
 * @param restarts     in-process restarts, summed over processes
 * @param checkpoints  checkpoints completed, summed over processes
 */
public record SimulationResult(String job, long seed, String problem, Map<Object, Long> differences, long steps, long trace,
        int faults, int processes, int restarts, int checkpoints) {

    public boolean isExactlyOnce() {
        return problem == null;
    }

    /** Throws an {@link AssertionError} naming the seed and how to replay it, unless the output was exact. */
    public void assertExactlyOnce() {
        if (problem != null) {
            throw new AssertionError(describe());
        }
    }

    /** One paragraph for a failed run: what, which seed, how to replay. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("Simulation '").append(job).append("' seed ").append(seed).append(": ")
                .append(problem == null ? "exactly once" : problem)
                .append(" (").append(steps).append(" steps, ").append(faults).append(" faults, ").append(processes)
                .append(" process(es), ").append(restarts).append(" restart(s), ").append(checkpoints).append(" checkpoint(s)).");
        if (!differences.isEmpty()) {
            sb.append(" Differences (record: actual - expected count), first 10: ");
            int n = 0;
            for (Map.Entry<Object, Long> e : differences.entrySet()) {
                if (n++ == 10) {
                    break;
                }
                sb.append(e.getKey()).append(": ").append(e.getValue() > 0 ? "+" : "").append(e.getValue()).append("; ");
            }
        }
        if (problem != null) {
            sb.append(" Replay with -Dweir.sim.seed=").append(seed).append('.');
        }
        return sb.toString();
    }

    static SimulationResult of(String job, long seed, String problem, Map<Object, Long> differences, long steps, long trace, int faults,
            int processes, int restarts, int checkpoints) {
        return new SimulationResult(job, seed, problem, Map.copyOf(differences), steps, trace, faults, processes, restarts, checkpoints);
    }

}
