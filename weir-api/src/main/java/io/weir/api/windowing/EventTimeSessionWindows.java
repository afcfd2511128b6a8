package io.weir.api.windowing;

import io.weir.api.windowing.triggers.EventTimeTrigger;
import io.weir.api.windowing.triggers.Trigger;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Session windows in event time: each element opens the window {@code [t, t + gap)}, and windows of
 * the same key that overlap or touch merge, so a session ends after a gap of inactivity. Incremental
 * functions on merging windows must be able to combine results ({@code ReduceFunction}, or
 * {@code AggregateFunction.merge}).
 */
public class EventTimeSessionWindows extends MergingWindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private static final String NAME = "EventTimeSessionWindows";

    private final long gap;

    /** An assigner with a gap of {@code gap} ms; use {@code withGap}. */
    protected EventTimeSessionWindows(long gap) {
        WindowSettings.checkPositive(NAME, "session gap", gap);
        this.gap = gap;
    }

    /** Sessions that close after {@code gap} without elements (event time). @throws IllegalArgumentException if {@code gap} is not positive */
    public static EventTimeSessionWindows withGap(Duration gap) {
        return new EventTimeSessionWindows(WindowSettings.millis(NAME, "session gap", gap));
    }

    /** Flink's older form; prefer {@link #withGap(Duration)}. */
    public static EventTimeSessionWindows withGap(Time gap) {
        return new EventTimeSessionWindows(WindowSettings.millis(NAME, "session gap", gap));
    }

    /** Session windows whose gap {@code gapExtractor} gives per element (a positive number of milliseconds). */
    public static <T> DynamicEventTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> gapExtractor) {
        return DynamicEventTimeSessionWindows.withDynamicGap(gapExtractor);
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        WindowSettings.checkTimestamp(NAME, timestamp);
        return List.of(new TimeWindow(timestamp, timestamp + gap));
    }

    @Override
    public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
        TimeWindow.mergeWindows(windows, callback);
    }

    @Override
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return EventTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return true;
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
