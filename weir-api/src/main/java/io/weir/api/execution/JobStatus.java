package io.weir.api.execution;

/**
 * Status of a job, with Flink's names.
 *
 * <pre>
 *  CREATED -> RUNNING -> FINISHED
 *               |  ^
 *               v  |
 *           RESTARTING          (a failure the restart strategy accepts)
 *               |
 *  RUNNING -> FAILING -> FAILED (the restart strategy gives up)
 *  RUNNING/RESTARTING -> CANCELLING -> CANCELED
 * </pre>
 */
public enum JobStatus {
    CREATED, RUNNING, RESTARTING, FAILING, FAILED, CANCELLING, CANCELED, FINISHED;

    /** Whether no further transition can happen. */
    public boolean isGloballyTerminalState() {
        return this == FAILED || this == CANCELED || this == FINISHED;
    }
}
