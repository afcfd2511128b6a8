package io.weir.runtime.internal.operators;

/** Processing time of a task and callbacks on the task thread at a given time. */
public interface ProcessingTimeService {
    long currentProcessingTime();

    /** Runs {@code action} on the task thread (as a mail) at or after {@code timestamp}. */
    void scheduleAt(long timestamp, Runnable action);
}
