package io.weir.runtime.internal.exec;

import io.weir.runtime.internal.time.Clock;

/**
 * The edges of a running job that are not decisions: where the master's actions, timers and
 * checkpoint I/O run, what steps the tasks, and what time it is. Production uses threads and the
 * system clock ({@link #threaded}); the simulator uses one thread and virtual time.
 *
 * @param master one action at a time, in order: every decision of the job master runs here
 * @param timers processing-time callbacks (they only put mails into tasks)
 * @param io     blocking checkpoint I/O (state files, metadata)
 * @param runner steps the subtasks
 * @param clock  all time the job reads
 */
public record Platform(Scheduler master, Scheduler timers, Scheduler io, TaskRunner runner, Clock clock) {

    /** Threads and the system clock: a master thread, a timer thread, up to 4 I/O threads, a thread per subtask. */
    public static Platform threaded(String jobName) {
        int ioThreads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        return new Platform(ThreadedScheduler.singleThread("weir-master " + jobName),
                ThreadedScheduler.singleThread("weir-timers " + jobName).droppingQueuedOnShutdown(),
                ThreadedScheduler.pool("weir-checkpoint-io " + jobName, ioThreads), new ThreadedTaskRunner(), Clock.SYSTEM);
    }
}
