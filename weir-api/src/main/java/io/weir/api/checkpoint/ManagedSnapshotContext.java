package io.weir.api.checkpoint;

/** Identifies the checkpoint being taken. */
public interface ManagedSnapshotContext {
    long getCheckpointId();

    /** Wall-clock time (ms) at which the coordinator triggered the checkpoint. */
    long getCheckpointTimestamp();
}
