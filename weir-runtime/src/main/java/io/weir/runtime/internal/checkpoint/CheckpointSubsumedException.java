package io.weir.runtime.internal.checkpoint;

/** A subtask gave up a checkpoint because a newer one overtook it; the coordinator does not count it as a failure. */
public final class CheckpointSubsumedException extends Exception {
    private static final long serialVersionUID = 1L;

    public CheckpointSubsumedException(String message) {
        super(message);
    }
}
