package io.weir.api.windowing;

import io.weir.api.windowing.triggers.EventTimeTrigger;
import io.weir.api.windowing.triggers.ProcessingTimeTrigger;
import io.weir.api.windowing.triggers.Trigger;

import java.io.Serializable;
import java.util.Collection;

/**
 * Puts each element into zero or more windows. Event-time assigners use the element's timestamp
 * and their windows fire when the watermark passes {@link Window#maxTimestamp()}; processing-time
 * assigners use the clock of the task and fire when that clock reaches it.
 *
 * <p>When a window fires is up to a {@link Trigger}: the one given to {@code WindowedStream.trigger},
 * else the assigner's {@link #getDefaultTrigger()}.
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

    /**
     * The trigger used when {@code WindowedStream.trigger} sets none. Weir's default, for assigners that
     * do not override it, is {@link EventTimeTrigger} for event-time assigners and {@link ProcessingTimeTrigger}
     * for the others (in Flink this method is abstract).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Trigger<T, W> getDefaultTrigger() {
        return (Trigger) (isEventTime() ? EventTimeTrigger.create() : ProcessingTimeTrigger.create());
    }

    /** Whether windows are defined and fired in event time (else in processing time). */
    public abstract boolean isEventTime();

    /** What an assigner may ask about where it runs. */
    public abstract static class WindowAssignerContext {
        /** The processing time of the task, in milliseconds. */
        public abstract long getCurrentProcessingTime();
    }
}
