package io.weir.api.environment;

/**
 * What happens to a job's checkpoints when it ends. Checkpoints are always on disk while a job
 * runs, and a killed process leaves them where they are.
 *
 * <p><b>Weir differs from Flink on purpose:</b> a job that <em>failed</em> for good always keeps
 * its checkpoints, whatever this setting says, because resuming it with {@code -s latest} once the
 * cause is fixed is the point of them; and the default is {@link #DELETE_ON_CANCELLATION} (Flink's
 * is {@link #NO_EXTERNALIZED_CHECKPOINTS}). A job that finished deletes them (its output is
 * complete and committed) unless the setting is {@link #RETAIN_ON_CANCELLATION}. Read by the job master when the job ends; key
 * {@code execution.checkpointing.externalized-checkpoint-retention}.
 */
public enum ExternalizedCheckpointRetention {
    /** Keep the checkpoints when the job fails; delete them when it finishes or is cancelled. Weir's default. */
    DELETE_ON_CANCELLATION,
    /**
     * Keep the checkpoints whenever the job ends: failed, cancelled, or finished (as Flink does), so it can be resumed
     * with {@code -s latest}, or restored from an older checkpoint. Only checkpoints subsumed by newer ones, beyond
     * {@code state.checkpoints.num-retained}, are deleted while it runs.
     */
    RETAIN_ON_CANCELLATION,
    /**
     * Delete the checkpoints when the job finishes or is cancelled. In Flink also when it fails; in
     * Weir a failed job keeps them (see the class comment).
     */
    NO_EXTERNALIZED_CHECKPOINTS
}
