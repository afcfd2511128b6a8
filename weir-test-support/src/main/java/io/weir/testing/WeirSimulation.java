package io.weir.testing;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the annotated test method once per seed, each time with a {@link SimulationSeed} parameter
 * that says which seed and which faults to simulate. The method builds a
 * {@link io.weir.runtime.simulation.Simulation} of the job under test and checks it with
 * {@link SimulationSeed#check}: the job runs on one thread and virtual time, with the faults chosen
 * by the seed, and its committed output must equal a fault-free run's.
 *
 * <pre>{@code
 * @WeirSimulation(seeds = 200)
 * void countsAreExactlyOnce(SimulationSeed seed) {
 *     seed.check(Simulation.of("counts", (env, run) -> {
 *         CollectingSink<Tuple2<String, Long>> sink = CollectingSink.forRun(run);
 *         env.enableCheckpointing(10);
 *         MyJob.build(env).addSink(sink);
 *         return sink::committed;
 *     }));
 * }
 * }</pre>
 *
 * <p>A failing seed is named in the failure message; {@code -Dweir.sim.seed=N} replays exactly that
 * seed (the template then runs once). Invocations are independent and run on the test's thread.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(WeirSimulationExtension.class)
public @interface WeirSimulation {
    /** How many seeds to run, starting at {@link #firstSeed()}. */
    int seeds() default 100;

    /** The first seed. */
    long firstSeed() default 1;

    /** Probability per scheduling choice that a subtask fails (see {@link io.weir.runtime.simulation.FaultMix}). */
    double taskFailure() default 0.002;

    /** Probability per scheduling choice that the whole process crashes and is resumed with {@code -s latest}. */
    double processCrash() default 0.0005;

    /** Probability that one checkpoint storage operation fails. */
    double ioFailure() default 0.02;

    /** At most this many faults per run. */
    int maxFaults() default 4;

    /** Share of runs that restore from the in-memory snapshot copy rather than from the checkpoint files. */
    double localRecovery() default 0.5;
}
