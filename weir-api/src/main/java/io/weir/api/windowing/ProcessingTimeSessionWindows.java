package io.weir.api.windowing;

import io.weir.api.windowing.triggers.ProcessingTimeTrigger;
import io.weir.api.windowing.triggers.Trigger;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Session windows in processing time: each element opens the window {@code [t, t + gap)}, and windows of
 * the same key that overlap or touch merge, so a session ends after a gap of inactivity. Incremental
 * functions on merging windows must be able to combine results ({@code ReduceFunction}, or
 * {@code AggregateFunction.merge}).
 */
public class ProcessingTimeSessionWindows extends MergingWindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private static final String NAME = "ProcessingTimeSessionWindows";

    private final long gap;

    /** An assigner with a gap of {@code gap} ms; use {@code withGap}. */
    protected ProcessingTimeSessionWindows(long gap) {
        WindowSettings.checkPositive(NAME, "session gap", gap);
        this.gap = gap;
    }

    /** Sessions that close after {@code gap} without elements (processing time). @throws IllegalArgumentException if {@code gap} is not positive */
    public static ProcessingTimeSessionWindows withGap(Duration gap) {
        return new ProcessingTimeSessionWindows(WindowSettings.millis(NAME, "session gap", gap));
    }

    /** Flink's older form; prefer {@link #withGap(Duration)}. */
    public static ProcessingTimeSessionWindows withGap(Time gap) {
        return new ProcessingTimeSessionWindows(WindowSettings.millis(NAME, "session gap", gap));
    }

    /** Session windows whose gap {@code gapExtractor} gives per element (a positive number of milliseconds). */
    public static <T> DynamicProcessingTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> gapExtractor) {
        return DynamicProcessingTimeSessionWindows.withDynamicGap(gapExtractor);
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        long now = context.getCurrentProcessingTime();
        return List.of(new TimeWindow(now, now + gap));
    }

    @Override
    public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
        TimeWindow.mergeWindows(windows, callback);
    }

    @Override
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return ProcessingTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return false;
    }

    /** The session gap in ms. */
    public long getGap() {
        return gap;
    }

    @Override
    public String toString() {
        return NAME + "(" + gap + " ms)";
    }
}
