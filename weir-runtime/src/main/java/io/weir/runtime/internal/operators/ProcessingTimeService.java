package io.weir.runtime.internal.operators;

/** Processing time of a task and callbacks on the task thread at a given time. */
public interface ProcessingTimeService {
    long currentProcessingTime();

    /** Runs {@code action} on the task thread (as a mail) at or after {@code timestamp}. */
    void scheduleAt(long timestamp, Runnable action);

    /**
     * Runs {@code action} on the task thread, as a mail, as soon as the task gets to it: how work completed on other
     * threads (async I/O callbacks) reaches the operator. Any thread may call it; actions run in the order they were
     * put. Once the task has ended (failed, cancelled, or sent end-of-data) they may not run at all. The default goes
     * through {@link #scheduleAt} for the current time.
     */
    default void runOnTaskThread(Runnable action) {
        scheduleAt(currentProcessingTime(), action);
    }
}
