package io.weir.api.windowing.triggers;

import io.weir.api.state.ReducingState;
import io.weir.api.windowing.Time;
import io.weir.api.windowing.Window;

import java.time.Duration;

/**
 * Fires a window every {@code interval} of event time while it is open, and once more when the
 * watermark reaches its end (as {@link EventTimeTrigger}), so that long windows report early results.
 * The first early firing is at the first multiple of the interval after the timestamp of the window's
 * first element; each firing schedules the next one an interval later, but never after the window's
 * end. An element added after the watermark passed the window's end fires it at once. Merging windows
 * keep the earliest pending firing. Never purges.
 *
 * @param <W> the window type
 */
public class ContinuousEventTimeTrigger<W extends Window> extends IntervalTrigger<W> {
    private static final long serialVersionUID = 1L;

    private ContinuousEventTimeTrigger(long interval) {
        super("ContinuousEventTimeTrigger", interval);
    }

    /**
     * A trigger that fires every {@code interval} of event time and at the end of the window.
     *
     * @throws IllegalArgumentException if {@code interval} is not positive
     */
    public static <W extends Window> ContinuousEventTimeTrigger<W> of(Duration interval) {
        return new ContinuousEventTimeTrigger<>(interval.toMillis());
    }

    /** Flink's older form of {@link #of(Duration)}. */
    @Deprecated
    public static <W extends Window> ContinuousEventTimeTrigger<W> of(Time interval) {
        return new ContinuousEventTimeTrigger<>(interval.toMilliseconds());
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) throws Exception {
        if (window.maxTimestamp() <= ctx.getCurrentWatermark()) {
            return TriggerResult.FIRE;
        }
        ctx.registerEventTimeTimer(window.maxTimestamp());
        ReducingState<Long> next = ctx.getPartitionedState(nextFiring);
        if (next.get() == null) {
            scheduleAfter(timestamp - timestamp % interval, window, ctx, next);
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception {
        if (time == window.maxTimestamp()) {
            return TriggerResult.FIRE;
        }
        if (!isDue(time, ctx)) {
            return TriggerResult.CONTINUE;
        }
        scheduleAfter(time, window, ctx, ctx.getPartitionedState(nextFiring));
        return TriggerResult.FIRE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    void registerTimer(TriggerContext ctx, long time) {
        ctx.registerEventTimeTimer(time);
    }

    @Override
    void deleteTimer(TriggerContext ctx, long time) {
        ctx.deleteEventTimeTimer(time);
    }
}
