package io.weir.api.windowing;

import java.util.Collection;

/**
 * Session windows in event time whose gap each element sets: an element opens the window
 * {@code [t, t + gap(element))}, and windows of the same key that overlap or touch merge. Made by
 * {@link EventTimeSessionWindows#withDynamicGap}; the default trigger is the {@code EventTimeTrigger}.
 *
 * @param <T> the element type
 */
public class DynamicEventTimeSessionWindows<T> extends DynamicGapSessionWindows<T> {
    private static final long serialVersionUID = 1L;
    private static final String NAME = "DynamicEventTimeSessionWindows";

    /** An assigner taking each session gap from {@code gapExtractor}; use {@code withDynamicGap}. */
    protected DynamicEventTimeSessionWindows(SessionWindowTimeGapExtractor<T> gapExtractor) {
        super(NAME, gapExtractor);
    }

    /** Session windows whose gap {@code gapExtractor} gives per element. */
    public static <T> DynamicEventTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> gapExtractor) {
        return new DynamicEventTimeSessionWindows<>(gapExtractor);
    }

    /** @throws IllegalArgumentException if the extractor gives a gap that is not positive */
    @Override
    public Collection<TimeWindow> assignWindows(T element, long timestamp, WindowAssignerContext context) {
        WindowSettings.checkTimestamp(NAME, timestamp);
        return sessionOf(element, timestamp);
    }

    @Override
    public boolean isEventTime() {
        return true;
    }
}
