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

    /**
     * Whether a job in this status may move to {@code next}, following the diagram above (plus
     * CREATED to FAILING or CANCELLING when deployment fails or is cancelled, and CANCELLING to
     * FAILING when tasks do not stop in time). Pure; any thread. The embedded job master refuses
     * any other transition with an {@link IllegalStateException} naming both statuses.
     */
    public boolean canMoveTo(JobStatus next) {
        switch (this) {
            case CREATED: return next == RUNNING || next == FAILING || next == CANCELLING;
            case RUNNING: return next == RESTARTING || next == FAILING || next == CANCELLING || next == FINISHED;
            case RESTARTING: return next == RUNNING || next == FAILING || next == CANCELLING;
            case FAILING: return next == FAILED;
            case CANCELLING: return next == CANCELED || next == FAILING;
            default: return false;
        }
    }

    /** Whether no further transition can happen. Pure; any thread. */
    public boolean isGloballyTerminalState() {
        return this == FAILED || this == CANCELED || this == FINISHED;
    }
}
