package io.weir.api.execution;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A handle on a running job, returned by {@code executeAsync}. All methods are thread-safe. */
public interface JobClient {

    String getJobID();

    CompletableFuture<JobStatus> getJobStatus();

    /** Cancels the job; the future completes when every task thread has stopped. */
    CompletableFuture<Void> cancel();

    /** Completes with the result when the job finishes, or exceptionally with a {@link JobExecutionException}. */
    CompletableFuture<JobExecutionResult> getJobExecutionResult();

    /** Number of restarts so far. */
    int getRestartCount();

    /** Every failure so far, oldest first. */
    List<FailureRecord> getFailureHistory();

    /** Statistics of recent checkpoints, oldest first (completed and aborted). */
    List<CheckpointStatistics> getCheckpointStatistics();
}
