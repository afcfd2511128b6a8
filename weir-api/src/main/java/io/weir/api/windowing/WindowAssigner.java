package io.weir.api.windowing;

import java.io.Serializable;
import java.util.Collection;

/**
 * Puts each element into zero or more windows. Event-time assigners use the element's timestamp
 * and their windows fire when the watermark passes {@link Window#maxTimestamp()}; processing-time
 * assigners use the clock of the task and fire when that clock reaches it.
 *
 * <p>Weir runs every assigner with the default trigger of its time domain, as Flink's
 * {@code EventTimeTrigger} and {@code ProcessingTimeTrigger} do; custom triggers and evictors are
 * not supported.
 *
 * @param <T> the element type
 * @param <W> the window type
 */
public abstract class WindowAssigner<T, W extends Window> implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * The windows of one element.
     *
     * @param timestamp the element's event timestamp, or {@code Long.MIN_VALUE} if it has none
     */
    public abstract Collection<W> assignWindows(T element, long timestamp, WindowAssignerContext context);

    /** Whether windows are defined and fired in event time (else in processing time). */
    public abstract boolean isEventTime();

    /** What an assigner may ask about where it runs. */
    public abstract static class WindowAssignerContext {
        /** The processing time of the task, in milliseconds. */
        public abstract long getCurrentProcessingTime();
    }
}
