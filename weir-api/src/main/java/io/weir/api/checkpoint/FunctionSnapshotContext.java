package io.weir.api.checkpoint;

/** Passed to {@link CheckpointedFunction#snapshotState}. */
public interface FunctionSnapshotContext extends ManagedSnapshotContext {}
