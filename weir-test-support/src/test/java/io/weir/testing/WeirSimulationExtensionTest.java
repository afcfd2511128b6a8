package io.weir.testing;

import io.weir.runtime.simulation.SimulationResult;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** The JUnit extension as a user would use it: one invocation per seed, each checked for exactly-once output. */
@Timeout(120)
class WeirSimulationExtensionTest {

    @WeirSimulation(seeds = 25, taskFailure = 0.01, maxFaults = 3)
    void keyedSumsAreExactlyOnce(SimulationSeed seed) {
        SimulationResult r = seed.check(SimulationJobs.keyedSum(2, 1_000));
        assertThat(r.seed()).isEqualTo(seed.seed());
    }
}
