package io.weir.api.checkpoint;

import io.weir.api.state.KeyedStateStore;
import io.weir.api.state.OperatorStateStore;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@link CheckpointedFunction#initializeState} is given: whether this attempt restores a checkpoint, and the
 * state stores to register state with. Implemented by the runtime (and by the operator test harnesses); the
 * instance is valid only during that call, on the subtask's thread.
 */
public interface FunctionInitializationContext {
    /** Whether this attempt restores state from a checkpoint (after a failure, or a resume with {@code -s}). */
    boolean isRestored();

    /** The id of the restored checkpoint if {@link #isRestored()}, otherwise empty. */
    OptionalLong getRestoredCheckpointId();

    /** The operator (non-keyed) state of this subtask. Never null. */
    OperatorStateStore getOperatorStateStore();

    /** Keyed state; throws {@link UnsupportedOperationException} on a non-keyed stream. */
    KeyedStateStore getKeyedStateStore();

    /**
     * Weir-specific (Flink has no equivalent): the lineage of this job, an opaque id shared by every run that continues
     * the same output through checkpoints. A fresh start draws a new lineage; a restore, after a failure or with
     * {@code -s}, keeps the lineage of the checkpoint it restores. A sink that records what it committed together with
     * the lineage can thus tell a restore of an <em>older</em> checkpoint of its own run (a rewind, which would emit
     * output a second time) from an unrelated earlier run that wrote to the same place (see
     * {@code TwoPhaseCommitSinkFunction}). Empty when unknown: a checkpoint written before Weir recorded lineages, or a
     * context that is not part of a job. The default returns empty.
     */
    default Optional<String> getJobLineage() {
        return Optional.empty();
    }

    /**
     * Weir-specific: whether the user accepted restoring a checkpoint older than output already committed, knowing that
     * the output after that checkpoint is emitted again ({@code weir run --allow-rewind}, configuration key
     * {@code weir.restore.allow-rewind}). Sinks that detect such a rewind refuse it unless this returns true. The
     * default returns false.
     */
    default boolean isRewindAllowed() {
        return false;
    }
}
