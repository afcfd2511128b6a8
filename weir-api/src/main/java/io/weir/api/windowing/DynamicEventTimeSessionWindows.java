package io.weir.api.windowing;

import io.weir.api.windowing.triggers.EventTimeTrigger;
import io.weir.api.windowing.triggers.Trigger;

import java.util.Collection;

/**
 * Session windows in event time whose gap each element sets: an element opens the window
 * {@code [t, t + gap(element))}, and windows of the same key that overlap or touch merge. Made by
 * {@link EventTimeSessionWindows#withDynamicGap}.
 *
 * @param <T> the element type
 */
public class DynamicEventTimeSessionWindows<T> extends MergingWindowAssigner<T, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private static final String NAME = "DynamicEventTimeSessionWindows";

    private final SessionWindowTimeGapExtractor<T> gapExtractor;

    protected DynamicEventTimeSessionWindows(SessionWindowTimeGapExtractor<T> gapExtractor) {
        this.gapExtractor = WindowSettings.checkExtractor(NAME, gapExtractor);
    }

    /** Session windows whose gap {@code gapExtractor} gives per element. */
    public static <T> DynamicEventTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> gapExtractor) {
        return new DynamicEventTimeSessionWindows<>(gapExtractor);
    }

    /** @throws IllegalArgumentException if the extractor gives a gap that is not positive */
    @Override
    public Collection<TimeWindow> assignWindows(T element, long timestamp, WindowAssignerContext context) {
        WindowSettings.checkTimestamp(NAME, timestamp);
        return WindowSettings.session(NAME, timestamp, gapExtractor.extract(element), element);
    }

    @Override
    public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
        TimeWindow.mergeWindows(windows, callback);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Trigger<T, TimeWindow> getDefaultTrigger() {
        return (Trigger) EventTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return true;
    }

    @Override
    public String toString() {
        return NAME + "()";
    }
}
