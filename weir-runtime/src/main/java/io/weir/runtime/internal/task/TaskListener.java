package io.weir.runtime.internal.task;

import io.weir.runtime.checkpoint.SubtaskStateMetadata;

/** How tasks report to the job master. Called from task threads and I/O threads; implementations hand off to the master's thread. */
public interface TaskListener {

    /** Statistics of one subtask's part of a checkpoint. */
    record SnapshotStats(long syncMillis, long asyncMillis, long alignmentMillis, long bytes) {}

    void acknowledgeCheckpoint(int attempt, long checkpointId, SubtaskStateMetadata state, SnapshotStats stats);

    void declineCheckpoint(int attempt, long checkpointId, String task, int subtask, Throwable cause);

    void endOfData(int attempt, int vertex, int subtask);

    void taskFailed(int attempt, String operator, int subtask, Throwable cause);

    void taskExited(int attempt, int vertex, int subtask);
}
