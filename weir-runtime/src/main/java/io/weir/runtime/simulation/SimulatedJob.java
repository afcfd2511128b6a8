package io.weir.runtime.simulation;

import io.weir.api.environment.StreamExecutionEnvironment;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * A job under simulation: how to build it and how to read what it committed.
 *
 * @param <T> the type of the committed output records
 */
@FunctionalInterface
public interface SimulatedJob<T> {

    /**
     * What stays the same across the simulated processes of one run (a crash starts a new process
     * that builds the job again): use it to name external effects such as committed output, which
     * must survive a crash as a real external system's would.
     *
     * @param runId     unique per run in this JVM, stable across its processes
     * @param directory a fresh folder for this run (for file sinks); deleted after the run
     * @param endActions run after the run's output was read (see {@link #onEnd})
     */
    record RunContext(String runId, Path directory, List<Runnable> endActions) {
        /** Registers {@code action} (such as forgetting the run's committed output) to run once the run is over. */
        public void onEnd(Runnable action) {
            endActions.add(action);
        }
    }

    /**
     * Adds the job to {@code env} (without calling {@code execute}) and returns how to read its
     * committed output. Called on the simulator's thread once per simulated process. The job must
     * enable checkpointing and write through an exactly-once (two-phase-commit) sink; the
     * simulator sets the checkpoint storage and the restore setting itself.
     */
    Supplier<List<T>> build(StreamExecutionEnvironment env, RunContext run) throws Exception;
}
