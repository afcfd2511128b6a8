package io.weir.api.windowing;

import io.weir.api.windowing.triggers.ProcessingTimeTrigger;
import io.weir.api.windowing.triggers.Trigger;

import java.util.Collection;

/**
 * Session windows in processing time whose gap each element sets: an element arriving at time
 * {@code t} opens the window {@code [t, t + gap(element))}, and windows of the same key that overlap or
 * touch merge. Made by {@link ProcessingTimeSessionWindows#withDynamicGap}.
 *
 * @param <T> the element type
 */
public class DynamicProcessingTimeSessionWindows<T> extends MergingWindowAssigner<T, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private static final String NAME = "DynamicProcessingTimeSessionWindows";

    private final SessionWindowTimeGapExtractor<T> gapExtractor;

    protected DynamicProcessingTimeSessionWindows(SessionWindowTimeGapExtractor<T> gapExtractor) {
        this.gapExtractor = WindowSettings.checkExtractor(NAME, gapExtractor);
    }

    /** Session windows whose gap {@code gapExtractor} gives per element. */
    public static <T> DynamicProcessingTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> gapExtractor) {
        return new DynamicProcessingTimeSessionWindows<>(gapExtractor);
    }

    /** @throws IllegalArgumentException if the extractor gives a gap that is not positive */
    @Override
    public Collection<TimeWindow> assignWindows(T element, long timestamp, WindowAssignerContext context) {
        return WindowSettings.session(NAME, context.getCurrentProcessingTime(), gapExtractor.extract(element), element);
    }

    @Override
    public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
        TimeWindow.mergeWindows(windows, callback);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Trigger<T, TimeWindow> getDefaultTrigger() {
        return (Trigger) ProcessingTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return false;
    }

    @Override
    public String toString() {
        return NAME + "()";
    }
}
