package io.weir.testing;

import io.weir.runtime.simulation.Simulation;
import io.weir.runtime.simulation.SimulationResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Replays one seed of one simulation job: {@code -Dweir.sim.seed=N -Dweir.sim.job=NAME}, where NAME
 * is a method of {@link SimulationJobs} (keyedSum, unionRebalance, windowedCount, twoRegions,
 * unaligned). Without the seed property there is nothing to replay.
 */
@Timeout(600)
class SimulationReplayTest {

    @Test
    void replaysTheGivenSeed() throws Exception {
        String seed = System.getProperty("weir.sim.seed");
        Assumptions.assumeTrue(seed != null, "no -Dweir.sim.seed given: nothing to replay");
        String job = System.getProperty("weir.sim.job", "keyedSum");
        Simulation<?> sim = job.equals("keyedSum") ? SimulationJobs.keyedSum(2, 2_000)
                : (Simulation<?>) SimulationJobs.class.getDeclaredMethod(job).invoke(null);
        long last = Long.parseLong(seed);
        long first = Long.getLong("weir.sim.from", last); // earlier seeds first, as a campaign runs them
        SimulationResult r = null;
        for (long s = first; s <= last; s++) {
            r = sim.run(s);
            System.out.println(r.describe());
        }
        r.assertExactlyOnce();
    }
}
