package io.weir.api.checkpoint;

/**
 * A function that keeps its own state in checkpoints.
 *
 * <p>{@link #initializeState} is called once per execution attempt, before {@code open}: register
 * state there and, if {@link FunctionInitializationContext#isRestored()}, read it back.
 * {@link #snapshotState} is called on the subtask's thread when the checkpoint barrier reaches the
 * function, between two elements: copy whatever in-memory data the checkpoint must contain into the
 * registered state. Weir then writes that state asynchronously, so the function keeps processing.
 */
public interface CheckpointedFunction {

    void snapshotState(FunctionSnapshotContext context) throws Exception;

    void initializeState(FunctionInitializationContext context) throws Exception;
}
