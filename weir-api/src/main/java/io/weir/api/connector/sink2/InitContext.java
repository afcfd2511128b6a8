package io.weir.api.connector.sink2;

import java.util.OptionalLong;

/**
 * What a sink's writer or committer is told about where it runs, as Flink's {@code InitContext}. Valid for the
 * attempt that created the writer or committer; read on the task thread.
 */
public interface InitContext {
    /** This subtask's index, from 0 to {@link #getNumberOfParallelSubtasks()} - 1. */
    int getSubtaskId();

    /** The sink's parallelism. */
    int getNumberOfParallelSubtasks();

    /** The number of times the job restarted before this attempt (0 for the first). */
    int getAttemptNumber();

    /** The id of the checkpoint this attempt restored, or empty for a fresh start. */
    OptionalLong getRestoredCheckpointId();
}
