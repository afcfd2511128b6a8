package io.weir.api.windowing.triggers;

import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.windowing.Time;
import io.weir.api.windowing.Window;

import java.time.Duration;

/**
 * Fires a window every {@code interval} of processing time: the first firing at the first multiple
 * of the interval after the clock's time when the window received its first element, each later one an
 * interval after the previous, but never after the window's {@code maxTimestamp()}. Merging windows keep
 * the earliest pending firing. Never purges.
 *
 * <p>Difference from Flink 1.20: a firing at the window's {@code maxTimestamp()} schedules no further
 * firing at that same time (Flink's does, which fires the window in a loop when it is an event-time window
 * whose end the clock has passed).
 *
 * @param <W> the window type
 */
public class ContinuousProcessingTimeTrigger<W extends Window> extends Trigger<Object, W> {
    private static final long serialVersionUID = 1L;

    private final long interval;
    private final ReducingStateDescriptor<Long> nextFiring =
            new ReducingStateDescriptor<>("fire-time", new ContinuousEventTimeTrigger.Min(), Long.class);

    private ContinuousProcessingTimeTrigger(long interval) {
        if (interval <= 0) {
            throw new IllegalArgumentException("ContinuousProcessingTimeTrigger: the interval must be positive, but is " + interval + " ms.");
        }
        this.interval = interval;
    }

    /**
     * A trigger that fires every {@code interval} of processing time.
     *
     * @throws IllegalArgumentException if {@code interval} is not positive
     */
    public static <W extends Window> ContinuousProcessingTimeTrigger<W> of(Duration interval) {
        return new ContinuousProcessingTimeTrigger<>(interval.toMillis());
    }

    /** Flink's older form of {@link #of(Duration)}. */
    @Deprecated
    public static <W extends Window> ContinuousProcessingTimeTrigger<W> of(Time interval) {
        return new ContinuousProcessingTimeTrigger<>(interval.toMilliseconds());
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) throws Exception {
        ReducingState<Long> next = ctx.getPartitionedState(nextFiring);
        if (next.get() == null) {
            long now = ctx.getCurrentProcessingTime();
            scheduleAfter(now - now % interval, window, ctx, next);
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception {
        ReducingState<Long> next = ctx.getPartitionedState(nextFiring);
        Long due = next.get();
        if (due == null || due != time) {
            return TriggerResult.CONTINUE;
        }
        next.clear();
        if (time < window.maxTimestamp()) {
            scheduleAfter(time, window, ctx, next);
        }
        return TriggerResult.FIRE;
    }

    private void scheduleAfter(long time, W window, TriggerContext ctx, ReducingState<Long> next) throws Exception {
        long at = Math.min(time + interval, window.maxTimestamp());
        next.add(at);
        ctx.registerProcessingTimeTimer(at);
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
            ctx.registerProcessingTimeTimer(due);
        }
    }

    @Override
    public void clear(W window, TriggerContext ctx) throws Exception {
        ReducingState<Long> next = ctx.getPartitionedState(nextFiring);
        Long due = next.get();
        if (due != null) {
            ctx.deleteProcessingTimeTimer(due);
            next.clear();
        }
    }

    /** The interval between firings, in milliseconds. */
    public long getInterval() {
        return interval;
    }

    @Override
    public String toString() {
        return "ContinuousProcessingTimeTrigger(" + interval + ")";
    }
}
