package io.weir.runtime.internal.exec;

import io.weir.runtime.internal.task.StreamTask;

import java.util.List;

/**
 * Runs subtasks by calling {@link StreamTask#step()} until they reach a terminal state. In
 * production one thread per subtask ({@link ThreadedTaskRunner}); in the simulator one thread steps
 * every subtask in a seeded order.
 */
public interface TaskRunner {

    /** Begins stepping {@code task}. Called once per task by the job master's thread. */
    void start(StreamTask task);

    /**
     * Waits until every task has reached a terminal state after being cancelled. Called by the job
     * master's thread.
     *
     * @return a description (name and what it is doing) of each task still running when
     *         {@code timeoutMillis} ran out; empty when all stopped
     */
    List<String> awaitTermination(List<StreamTask> tasks, long timeoutMillis) throws InterruptedException;
}
