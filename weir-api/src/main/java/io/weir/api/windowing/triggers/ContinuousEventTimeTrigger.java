package io.weir.api.windowing.triggers;

import io.weir.api.functions.ReduceFunction;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
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
public class ContinuousEventTimeTrigger<W extends Window> extends Trigger<Object, W> {
    private static final long serialVersionUID = 1L;

    private final long interval;
    private final ReducingStateDescriptor<Long> nextFiring = new ReducingStateDescriptor<>("fire-time", new Min(), Long.class);

    private ContinuousEventTimeTrigger(long interval) {
        if (interval <= 0) {
            throw new IllegalArgumentException("ContinuousEventTimeTrigger: the interval must be positive, but is " + interval + " ms.");
        }
        this.interval = interval;
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
        ReducingState<Long> next = ctx.getPartitionedState(nextFiring);
        Long due = next.get();
        if (due == null || due != time) {
            return TriggerResult.CONTINUE;
        }
        next.clear();
        scheduleAfter(time, window, ctx, next);
        return TriggerResult.FIRE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    private void scheduleAfter(long time, W window, TriggerContext ctx, ReducingState<Long> next) throws Exception {
        long at = Math.min(time + interval, window.maxTimestamp());
        next.add(at);
        ctx.registerEventTimeTimer(at);
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    @Override
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        ctx.mergePartitionedState(nextFiring);
        Long due = ctx.getPartitionedState(nextFiring).get();
        if (due != null) {
            ctx.registerEventTimeTimer(due);
        }
    }

    @Override
    public void clear(W window, TriggerContext ctx) throws Exception {
        ReducingState<Long> next = ctx.getPartitionedState(nextFiring);
        Long due = next.get();
        if (due != null) {
            ctx.deleteEventTimeTimer(due);
            next.clear();
        }
    }

    /** The interval between early firings, in milliseconds. */
    public long getInterval() {
        return interval;
    }

    @Override
    public String toString() {
        return "ContinuousEventTimeTrigger(" + interval + ")";
    }

    static final class Min implements ReduceFunction<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long reduce(Long a, Long b) {
            return Math.min(a, b);
        }
    }
}
