package io.weir.testing;

import io.weir.runtime.simulation.FaultMix;
import io.weir.runtime.simulation.Simulation;
import io.weir.runtime.simulation.SimulationResult;

/**
 * One invocation of a {@link WeirSimulation} test: the seed and the faults to simulate.
 *
 * @param seed   replays the run exactly ({@code -Dweir.sim.seed=<seed>})
 * @param faults the fault mix from the annotation
 */
public record SimulationSeed(long seed, FaultMix faults) {

    /**
     * Runs {@code simulation} with this seed and fault mix and throws an {@link AssertionError}
     * naming the seed unless the committed output equals the fault-free output. Test thread only.
     *
     * @return the result, for further assertions
     */
    public SimulationResult check(Simulation<?> simulation) {
        SimulationResult r = simulation.faults(faults).run(seed);
        r.assertExactlyOnce();
        return r;
    }

    @Override
    public String toString() {
        return "seed " + seed;
    }
}
