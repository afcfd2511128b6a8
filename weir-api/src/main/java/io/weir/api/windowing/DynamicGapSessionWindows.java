package io.weir.api.windowing;

import java.util.Collection;

/**
 * What the dynamic-gap session assigners share: the gap extractor, the window of one element and merging
 * as for fixed gaps. The default trigger is that of the time domain ({@link WindowAssigner#getDefaultTrigger()}).
 */
abstract class DynamicGapSessionWindows<T> extends MergingWindowAssigner<T, TimeWindow> {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final SessionWindowTimeGapExtractor<T> gapExtractor;

    DynamicGapSessionWindows(String name, SessionWindowTimeGapExtractor<T> gapExtractor) {
        this.name = name;
        this.gapExtractor = WindowSettings.checkExtractor(name, gapExtractor);
    }

    /**
     * The window {@code [start, start + gap(element))}.
     *
     * @throws IllegalArgumentException if the extractor gives a gap that is not positive
     */
    final Collection<TimeWindow> sessionOf(T element, long start) {
        return WindowSettings.session(name, start, gapExtractor.extract(element), element);
    }

    @Override
    public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
        TimeWindow.mergeWindows(windows, callback);
    }

    @Override
    public String toString() {
        return name + "()";
    }
}
