package io.weir.api.windowing.evictors;

import io.weir.api.windowing.Window;

import java.io.Serializable;

/**
 * Removes elements from a window when it fires: {@link #evictBefore} just before the window function
 * sees the elements, {@link #evictAfter} right after; an element is removed through the iterator
 * ({@code Iterator.remove()}). What remains stays in the window (unless the trigger purges it). Set it
 * with {@code WindowedStream.evictor(...)}.
 *
 * <p>A window with an evictor keeps all its elements, with their timestamps, even with an incremental
 * function: {@code reduce} or {@code aggregate} then runs over the remaining elements at each firing.
 * One evictor instance serves every key and window of an operator subtask; it is called on the task
 * thread, never concurrently.
 *
 * <p>{@link TimestampedValue} lives in this package in Weir (Flink's is in
 * {@code org.apache.flink.streaming.runtime.operators.windowing}).
 *
 * @param <T> the element type
 * @param <W> the window type
 */
public interface Evictor<T, W extends Window> extends Serializable {

    /**
     * Called when the window fires, before the window function.
     *
     * @param elements the window's elements in arrival order; remove some with the iterator
     * @param size     the number of elements
     */
    void evictBefore(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext evictorContext);

    /** Called when the window fires, after the window function; as {@link #evictBefore}. */
    void evictAfter(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext evictorContext);

    /** What an evictor may ask about where it runs. */
    interface EvictorContext {
        /** The processing time of the task, in milliseconds. */
        long getCurrentProcessingTime();

        /** The operator's current event-time watermark ({@code Long.MIN_VALUE} before the first). */
        long getCurrentWatermark();
    }
}
