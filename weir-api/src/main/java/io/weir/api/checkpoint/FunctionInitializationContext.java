package io.weir.api.checkpoint;

import io.weir.api.state.KeyedStateStore;
import io.weir.api.state.OperatorStateStore;

/** Passed to {@link CheckpointedFunction#initializeState}. */
public interface FunctionInitializationContext {
    /** Whether this attempt restores state from a checkpoint (after a failure or with {@code -s}). */
    boolean isRestored();

    /** The id of the restored checkpoint, if {@link #isRestored()}. */
    java.util.OptionalLong getRestoredCheckpointId();

    OperatorStateStore getOperatorStateStore();

    /** Keyed state; throws {@link UnsupportedOperationException} on a non-keyed stream. */
    KeyedStateStore getKeyedStateStore();
}
