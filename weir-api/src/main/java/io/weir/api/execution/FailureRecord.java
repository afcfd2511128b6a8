package io.weir.api.execution;

/**
 * One failure of a job: when, where, what kind, and why.
 *
 * @param timestampMs    wall-clock time of the failure
 * @param operator       the operator (or task) that failed, or {@code "checkpoint coordinator"}
 * @param subtask        the subtask index, or -1 when not tied to one subtask
 * @param attempt        the execution attempt that failed (0 = first)
 * @param classification what kind of failure it was
 * @param cause          the original exception
 * @param restoredCheckpointId the checkpoint the following restart restored, -1 if none (started over or gave up)
 */
public record FailureRecord(long timestampMs, String operator, int subtask, int attempt, Classification classification,
        Throwable cause, long restoredCheckpointId) {

    /** How a failure is classified. */
    public enum Classification {
        /** An exception thrown by user code (a function or a source). */
        USER_CODE,
        /** An Error (such as OutOfMemoryError) that killed a task thread. */
        TASK_CRASH,
        /** Too many checkpoints failed in a row (past the tolerable number). */
        CHECKPOINT,
        /** A task did not stop within the cancellation timeout. */
        CANCELLATION_TIMEOUT,
        /** A bug or broken invariant inside Weir. */
        INTERNAL,
        /**
         * A failure no restart can cure (a {@link SuppressRestartsException} anywhere in the cause
         * chain, or a damaged checkpoint to restore): the job fails at once, keeping its checkpoints.
         */
        FATAL
    }

    /** This record with the checkpoint the following restart restored ({@code -1}: none). Pure; any thread. */
    public FailureRecord withRestoredCheckpoint(long checkpointId) {
        return new FailureRecord(timestampMs, operator, subtask, attempt, classification, cause, checkpointId);
    }

    @Override
    public String toString() {
        return "attempt " + attempt + " " + classification + " in " + operator + (subtask >= 0 ? " (subtask " + subtask + ")" : "")
                + ": " + cause + (restoredCheckpointId >= 0 ? " -> restored checkpoint " + restoredCheckpointId : "");
    }
}
