package io.weir.api.windowing.triggers;

import io.weir.api.functions.ReduceFunction;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.windowing.Window;

/**
 * Fires a window each time {@code maxCount} more elements have been added to it: it counts the
 * window's elements in partitioned state and starts again from zero when it fires. It never purges
 * (wrap it in {@link PurgingTrigger} for that) and ignores time. Merging windows add their counts.
 *
 * @param <W> the window type
 */
public class CountTrigger<W extends Window> extends Trigger<Object, W> {
    private static final long serialVersionUID = 1L;

    private final long maxCount;
    private final ReducingStateDescriptor<Long> countDescriptor = new ReducingStateDescriptor<>("count", new Sum(), Long.class);

    private CountTrigger(long maxCount) {
        this.maxCount = maxCount;
    }

    /**
     * A trigger firing every {@code maxCount} elements. A count below 1 fires at every element (as in Flink).
     */
    public static <W extends Window> CountTrigger<W> of(long maxCount) {
        return new CountTrigger<>(maxCount);
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) throws Exception {
        ReducingState<Long> count = ctx.getPartitionedState(countDescriptor);
        count.add(1L);
        if (count.get() >= maxCount) {
            count.clear();
            return TriggerResult.FIRE;
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    @Override
    public void onMerge(W window, OnMergeContext ctx) {
        ctx.mergePartitionedState(countDescriptor);
    }

    @Override
    public void clear(W window, TriggerContext ctx) {
        ctx.getPartitionedState(countDescriptor).clear();
    }

    /** The count at which it fires. */
    public long getMaxCount() {
        return maxCount;
    }

    @Override
    public String toString() {
        return "CountTrigger(" + maxCount + ")";
    }

    private static final class Sum implements ReduceFunction<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long reduce(Long a, Long b) {
            return a + b;
        }
    }
}
