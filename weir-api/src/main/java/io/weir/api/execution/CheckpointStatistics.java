package io.weir.api.execution;

/**
 * Statistics of one checkpoint.
 *
 * @param checkpointId      the id, increasing from 1 within a job's checkpoint folder
 * @param triggerTimestamp  wall-clock time of the trigger (ms)
 * @param endToEndDurationMs trigger to completion (or abort)
 * @param syncDurationMs    longest synchronous part on a task thread
 * @param asyncDurationMs   longest asynchronous write of one subtask
 * @param alignmentDurationMs longest barrier alignment of one subtask
 * @param bytesWritten      state bytes written by all subtasks plus metadata
 * @param status            COMPLETED, ABORTED or IN_PROGRESS
 * @param failureReason     why it was aborted, or {@code null}
 */
public record CheckpointStatistics(long checkpointId, long triggerTimestamp, long endToEndDurationMs, long syncDurationMs,
        long asyncDurationMs, long alignmentDurationMs, long bytesWritten, Status status, String failureReason) {

    /** Outcome of a checkpoint. */
    public enum Status { IN_PROGRESS, COMPLETED, ABORTED }
}
