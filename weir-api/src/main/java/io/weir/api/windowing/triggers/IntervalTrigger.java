package io.weir.api.windowing.triggers;

import io.weir.api.functions.ReduceFunction;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.windowing.Window;

/**
 * What the continuous triggers share: the next firing time in partitioned state (merging windows keep
 * the earliest), scheduled an interval after a given time but never after the window's end, in one time
 * domain.
 */
abstract class IntervalTrigger<W extends Window> extends Trigger<Object, W> {
    private static final long serialVersionUID = 1L;

    final long interval;
    final ReducingStateDescriptor<Long> nextFiring = new ReducingStateDescriptor<>("fire-time", new Min(), Long.class);

    IntervalTrigger(String name, long interval) {
        if (interval <= 0) {
            throw new IllegalArgumentException(name + ": the interval must be positive, but is " + interval + " ms.");
        }
        this.interval = interval;
    }

    abstract void registerTimer(TriggerContext ctx, long time);

    abstract void deleteTimer(TriggerContext ctx, long time);

    /** Schedules the next firing {@code interval} after {@code time}, or at the window's end if that is sooner. */
    final void scheduleAfter(long time, W window, TriggerContext ctx, ReducingState<Long> next) throws Exception {
        long at = Math.min(time + interval, window.maxTimestamp());
        next.add(at);
        registerTimer(ctx, at);
    }

    /** Whether {@code time} is the scheduled firing; if so it is cleared, for the caller to schedule the next one. */
    final boolean isDue(long time, TriggerContext ctx) throws Exception {
        ReducingState<Long> next = ctx.getPartitionedState(nextFiring);
        Long due = next.get();
        if (due == null || due != time) {
            return false;
        }
        next.clear();
        return true;
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
            registerTimer(ctx, due);
        }
    }

    @Override
    public void clear(W window, TriggerContext ctx) throws Exception {
        ReducingState<Long> next = ctx.getPartitionedState(nextFiring);
        Long due = next.get();
        if (due != null) {
            deleteTimer(ctx, due);
            next.clear();
        }
    }

    /** The interval between firings, in milliseconds. */
    public long getInterval() {
        return interval;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + interval + ")";
    }

    private static final class Min implements ReduceFunction<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long reduce(Long a, Long b) {
            return Math.min(a, b);
        }
    }
}
