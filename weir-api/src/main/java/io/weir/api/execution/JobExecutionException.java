package io.weir.api.execution;

import java.util.List;

/**
 * Thrown by {@code execute()} when a job fails for good. The cause is the last failure (for user
 * code, the user's own exception); earlier failures are in {@link #getFailureHistory()} and
 * attached as suppressed exceptions.
 */
public class JobExecutionException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String jobName;
    private final transient List<FailureRecord> failureHistory;

    public JobExecutionException(String jobName, String message, Throwable cause, List<FailureRecord> failureHistory) {
        super(message, cause);
        this.jobName = jobName;
        this.failureHistory = List.copyOf(failureHistory);
    }

    public String getJobName() {
        return jobName;
    }

    public List<FailureRecord> getFailureHistory() {
        return failureHistory;
    }
}
