package io.weir.runtime.internal.exec;

/**
 * Where the job master's decisions, processing-time timers and checkpoint I/O run. One interface
 * for threads in production ({@link ThreadedScheduler}) and for the simulator's single thread on
 * virtual time, so that every decision of a job can be replayed by seed.
 *
 * <p>A scheduler used as the master's runs one action at a time, in submission order for
 * {@link #execute}. After {@link #shutdown()}, {@link #execute} throws
 * {@link java.util.concurrent.RejectedExecutionException}; actions queued before may still run
 * (every action must therefore check that what it acts on is still current).
 */
public interface Scheduler extends java.util.concurrent.Executor {

    /** A scheduled action that may be cancelled. */
    interface Cancellable {
        /** Stops a scheduled action from running (again); has no effect once it ran (or for a periodic one, on a running instance). */
        void cancel();
    }

    /** Runs {@code action} once, after {@code delayMillis} of this scheduler's clock. */
    Cancellable schedule(Runnable action, long delayMillis);

    /** Runs {@code action} after {@code initialMillis}, then again {@code periodMillis} after each run ends. */
    Cancellable scheduleWithFixedDelay(Runnable action, long initialMillis, long periodMillis);

    /** Accepts no further actions. Idempotent. */
    void shutdown();

    boolean isShutdown();
}
