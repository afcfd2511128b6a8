package io.weir.api.common;

/**
 * What a function knows about its subtask, from {@code RuntimeContext.getTaskInfo()}, as Flink's {@code TaskInfo}
 * (the same values the older {@code RuntimeContext} getters return). Immutable; any thread.
 */
public interface TaskInfo {
    /** The name of the task (the chain of operators). */
    String getTaskName();

    /** The operator's maximum parallelism: the number of key groups. */
    int getMaxNumberOfParallelSubtasks();

    /** This subtask's index, from 0 to {@link #getNumberOfParallelSubtasks()} - 1. */
    int getIndexOfThisSubtask();

    /** The operator's parallelism in this execution. */
    int getNumberOfParallelSubtasks();

    /** 0 for the first execution attempt, incremented on every restart. */
    int getAttemptNumber();

    /** The task name with this subtask's position and attempt, such as {@code "Map -> Sink (2/4)#0"}. */
    String getTaskNameWithSubtasks();
}
