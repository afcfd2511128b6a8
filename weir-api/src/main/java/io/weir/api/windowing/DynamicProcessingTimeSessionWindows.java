package io.weir.api.windowing;

import java.util.Collection;

/**
 * Session windows in processing time whose gap each element sets: an element arriving at time
 * {@code t} opens the window {@code [t, t + gap(element))}, and windows of the same key that overlap or
 * touch merge. Made by {@link ProcessingTimeSessionWindows#withDynamicGap}; the default trigger is the
 * {@code ProcessingTimeTrigger}.
 *
 * @param <T> the element type
 */
public class DynamicProcessingTimeSessionWindows<T> extends DynamicGapSessionWindows<T> {
    private static final long serialVersionUID = 1L;

    /** An assigner taking each session gap from {@code gapExtractor}; use {@code withDynamicGap}. */
    protected DynamicProcessingTimeSessionWindows(SessionWindowTimeGapExtractor<T> gapExtractor) {
        super("DynamicProcessingTimeSessionWindows", gapExtractor);
    }

    /** Session windows whose gap {@code gapExtractor} gives per element. */
    public static <T> DynamicProcessingTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> gapExtractor) {
        return new DynamicProcessingTimeSessionWindows<>(gapExtractor);
    }

    /** @throws IllegalArgumentException if the extractor gives a gap that is not positive */
    @Override
    public Collection<TimeWindow> assignWindows(T element, long timestamp, WindowAssignerContext context) {
        return sessionOf(element, context.getCurrentProcessingTime());
    }

    @Override
    public boolean isEventTime() {
        return false;
    }
}
