package io.weir.runtime.checkpoint;

import java.util.List;
import java.util.Objects;

/**
 * What one subtask contributed to a checkpoint. Storage does not interpret the state file's content; it records
 * where the file is, its size and checksum, and enough about the subtask to restore it (possibly at another
 * parallelism, through the key-group range).
 *
 * @param taskId         stable id of the task (a chain of operators) in the job graph
 * @param taskName       human-readable task name, shown by tools
 * @param subtaskIndex   0-based index of the subtask, {@code < parallelism}
 * @param parallelism    parallelism of the task when the checkpoint was taken
 * @param maxParallelism number of key groups of the job
 * @param keyGroupStart  first key group this subtask owned, or -1 when it had no keyed state
 * @param keyGroupEnd    last key group (inclusive) this subtask owned, or -1 when it had no keyed state
 * @param operators      names or ids of the chained operators, in chain order
 * @param endOfInput     whether the subtask had already seen the end of all its inputs (bounded sources)
 * @param stateFile      the subtask's state file, or {@code null} if the subtask had no state
 */
public record SubtaskStateMetadata(String taskId, String taskName, int subtaskIndex, int parallelism, int maxParallelism,
        int keyGroupStart, int keyGroupEnd, List<String> operators, boolean endOfInput, StateFileHandle stateFile) {

    public SubtaskStateMetadata {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(taskName, "taskName");
        operators = List.copyOf(Objects.requireNonNull(operators, "operators"));
        if (parallelism < 1 || subtaskIndex < 0 || subtaskIndex >= parallelism) {
            throw new IllegalArgumentException("subtask " + subtaskIndex + " of task " + taskName + ": needs parallelism >= 1"
                    + " and 0 <= subtaskIndex < parallelism, was subtaskIndex " + subtaskIndex + ", parallelism " + parallelism);
        }
        boolean noKeyedState = keyGroupStart == -1 && keyGroupEnd == -1;
        if (!noKeyedState && (keyGroupStart < 0 || keyGroupStart > keyGroupEnd || keyGroupEnd >= maxParallelism)) {
            throw new IllegalArgumentException("subtask " + subtaskIndex + " of task " + taskName + ": key groups "
                    + keyGroupStart + ".." + keyGroupEnd + " are not a range inside 0.." + (maxParallelism - 1)
                    + " (use -1, -1 when the subtask has no keyed state)");
        }
    }

    /** Whether this subtask owned a key-group range (had keyed state). */
    public boolean hasKeyGroups() {
        return keyGroupStart >= 0;
    }
}
