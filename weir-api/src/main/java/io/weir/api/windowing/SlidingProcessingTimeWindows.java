package io.weir.api.windowing;

import io.weir.api.windowing.triggers.ProcessingTimeTrigger;
import io.weir.api.windowing.triggers.Trigger;

import java.time.Duration;
import java.util.Collection;

/**
 * Windows of a fixed size in processing time that start every {@code slide}, so that an element belongs
 * to {@code size / slide} windows (rounded up). The slide must be positive and at most the size.
 * (Flink also accepts a slide larger than the size, which leaves gaps between windows; Weir rejects
 * it, because elements in the gaps would be silently dropped.)
 */
public class SlidingProcessingTimeWindows extends WindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private static final String NAME = "SlidingProcessingTimeWindows";

    private final long size;
    private final long slide;
    private final long offset;

    /** An assigner with these sizes in ms, checked; use {@code of}. */
    protected SlidingProcessingTimeWindows(long size, long slide, long offset) {
        WindowSettings.checkSlide(NAME, size, slide);
        WindowSettings.checkOffset(NAME, offset, "slide", slide);
        this.size = size;
        this.slide = slide;
        this.offset = offset;
    }

    /** Windows of {@code size}, one starting every {@code slide} (processing time). @throws IllegalArgumentException if size or slide is not positive, or slide is larger than size */
    public static SlidingProcessingTimeWindows of(Duration size, Duration slide) {
        return new SlidingProcessingTimeWindows(WindowSettings.millis(NAME, "window size", size), WindowSettings.millis(NAME, "slide", slide), 0);
    }

    /** As {@link #of(Duration, Duration)}, with window starts shifted by {@code offset}. @throws IllegalArgumentException if the offset is not smaller in absolute value than the slide */
    public static SlidingProcessingTimeWindows of(Duration size, Duration slide, Duration offset) {
        return new SlidingProcessingTimeWindows(WindowSettings.millis(NAME, "window size", size), WindowSettings.millis(NAME, "slide", slide),
                WindowSettings.millis(NAME, "offset", offset));
    }

    /** Flink's older form; prefer {@link #of(Duration, Duration)}. */
    public static SlidingProcessingTimeWindows of(Time size, Time slide) {
        return new SlidingProcessingTimeWindows(WindowSettings.millis(NAME, "window size", size), WindowSettings.millis(NAME, "slide", slide), 0);
    }

    /** Flink's older form; prefer {@link #of(Duration, Duration, Duration)}. */
    public static SlidingProcessingTimeWindows of(Time size, Time slide, Time offset) {
        return new SlidingProcessingTimeWindows(WindowSettings.millis(NAME, "window size", size), WindowSettings.millis(NAME, "slide", slide),
                WindowSettings.millis(NAME, "offset", offset));
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        return WindowSettings.sliding(context.getCurrentProcessingTime(), size, slide, offset);
    }

    @Override
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return ProcessingTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return false;
    }

    /** The window size in ms. */
    public long getSize() {
        return size;
    }

    /** The slide in ms. */
    public long getSlide() {
        return slide;
    }

    @Override
    public String toString() {
        return NAME + "(" + size + " ms, " + slide + " ms" + (offset == 0 ? "" : ", offset " + offset + " ms") + ")";
    }
}
