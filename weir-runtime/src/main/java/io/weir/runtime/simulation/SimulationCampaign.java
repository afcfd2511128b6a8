package io.weir.runtime.simulation;

import java.util.List;

/**
 * Many seeds of one simulation, summed up ({@link Simulation#runSeeds}).
 *
 * @param job         the simulation's name
 * @param runs        how many seeds ran
 * @param faults      faults injected, over all runs
 * @param restarts    in-process restarts, over all runs
 * @param processes   simulated processes, over all runs (one per run, plus one per crash or resume)
 * @param checkpoints completed checkpoints, over all runs
 * @param failures    {@link SimulationResult#describe()} of every run that was not exactly once (with its seed)
 */
public record SimulationCampaign(String job, int runs, long faults, long restarts, long processes, long checkpoints, List<String> failures) {

    /** Recoveries of any kind: in-process restarts plus resumed processes. */
    public long recoveries() {
        return restarts + processes - runs;
    }

    /** One line: the counts, for a test's or a campaign's output. */
    public String summary() {
        return runs + " seeds: " + faults + " faults, " + restarts + " restarts, " + processes + " processes, " + checkpoints + " checkpoints"
                + (failures.isEmpty() ? "" : ", " + failures.size() + " NOT exactly once");
    }
}
