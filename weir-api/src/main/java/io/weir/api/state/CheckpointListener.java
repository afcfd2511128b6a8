package io.weir.api.state;

/**
 * Told when a checkpoint this function took part in completes or is aborted. Calls run on the
 * subtask's thread. A completion notification may be skipped when a later checkpoint completes
 * first; "checkpoint n complete" implies every earlier one is subsumed.
 */
public interface CheckpointListener {
    /** Called once checkpoint {@code checkpointId} is durably complete; commit side effects here. */
    void notifyCheckpointComplete(long checkpointId) throws Exception;

    /** Called when checkpoint {@code checkpointId} was aborted; discard what it prepared. */
    default void notifyCheckpointAborted(long checkpointId) throws Exception {}
}
