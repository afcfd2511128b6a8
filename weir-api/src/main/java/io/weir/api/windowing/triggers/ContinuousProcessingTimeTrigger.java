package io.weir.api.windowing.triggers;

import io.weir.api.state.ReducingState;
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
public class ContinuousProcessingTimeTrigger<W extends Window> extends IntervalTrigger<W> {
    private static final long serialVersionUID = 1L;

    private ContinuousProcessingTimeTrigger(long interval) {
        super("ContinuousProcessingTimeTrigger", interval);
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
        if (!isDue(time, ctx)) {
            return TriggerResult.CONTINUE;
        }
        if (time < window.maxTimestamp()) {
            scheduleAfter(time, window, ctx, ctx.getPartitionedState(nextFiring));
        }
        return TriggerResult.FIRE;
    }

    @Override
    void registerTimer(TriggerContext ctx, long time) {
        ctx.registerProcessingTimeTimer(time);
    }

    @Override
    void deleteTimer(TriggerContext ctx, long time) {
        ctx.deleteProcessingTimeTimer(time);
    }
}
