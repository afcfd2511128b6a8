package io.weir.api.environment;

/** What happens to retained checkpoints when the job ends. Checkpoints are always on disk while a job runs. */
public enum ExternalizedCheckpointRetention {
    /** Delete the checkpoints when the job is cancelled. */
    DELETE_ON_CANCELLATION,
    /** Keep the checkpoints when the job is cancelled, so it can be resumed with {@code -s latest}. */
    RETAIN_ON_CANCELLATION,
    /** Delete the checkpoints whenever the job terminates (finished, cancelled or failed for good); Flink's default. */
    NO_EXTERNALIZED_CHECKPOINTS
}
