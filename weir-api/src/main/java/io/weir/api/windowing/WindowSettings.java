package io.weir.api.windowing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Validation and window arithmetic shared by the built-in assigners. */
final class WindowSettings {
    private WindowSettings() {}

    static long millis(String assigner, String setting, Duration d) {
        if (d == null) {
            throw new IllegalArgumentException(assigner + ": the " + setting + " must not be null.");
        }
        return d.toMillis();
    }

    static long millis(String assigner, String setting, Time t) {
        if (t == null) {
            throw new IllegalArgumentException(assigner + ": the " + setting + " must not be null.");
        }
        return t.toMilliseconds();
    }

    static void checkPositive(String assigner, String setting, long millis) {
        if (millis <= 0) {
            throw new IllegalArgumentException(assigner + ": the " + setting + " must be positive, but is " + millis + " ms.");
        }
    }

    static void checkOffset(String assigner, long offset, String boundName, long bound) {
        if (Math.abs(offset) >= bound) {
            throw new IllegalArgumentException(assigner + ": the offset (" + offset + " ms) must be smaller in absolute value than the "
                    + boundName + " (" + bound + " ms).");
        }
    }

    static void checkSlide(String assigner, long size, long slide) {
        checkPositive(assigner, "window size", size);
        checkPositive(assigner, "slide", slide);
        if (slide > size) {
            throw new IllegalArgumentException(assigner + ": the slide (" + slide + " ms) must not be larger than the window size ("
                    + size + " ms), or some elements would belong to no window. Use a slide at most the size, or tumbling windows.");
        }
    }

    static void checkTimestamp(String assigner, long timestamp) {
        if (timestamp == Long.MIN_VALUE) {
            throw new IllegalStateException(assigner + " received an element without a timestamp. Event-time windows need one on every "
                    + "element: call assignTimestampsAndWatermarks(WatermarkStrategy...) before the window, or use processing-time windows.");
        }
    }

    static <T> SessionWindowTimeGapExtractor<T> checkExtractor(String assigner, SessionWindowTimeGapExtractor<T> extractor) {
        if (extractor == null) {
            throw new IllegalArgumentException(assigner + ": withDynamicGap needs a SessionWindowTimeGapExtractor, but got null.");
        }
        return extractor;
    }

    /** The session window {@code [start, start + gap)} of one element. */
    static List<TimeWindow> session(String assigner, long start, long gap, Object element) {
        if (gap <= 0) {
            throw new IllegalArgumentException(assigner + ": the session gap must be positive, but the SessionWindowTimeGapExtractor gave "
                    + gap + " ms for " + element + ".");
        }
        return List.of(new TimeWindow(start, start + gap));
    }

    static List<TimeWindow> tumbling(long timestamp, long size, long offset) {
        long start = TimeWindow.getWindowStartWithOffset(timestamp, offset, size);
        return List.of(new TimeWindow(start, start + size));
    }

    static Collection<TimeWindow> sliding(long timestamp, long size, long slide, long offset) {
        List<TimeWindow> windows = new ArrayList<>((int) (size / slide) + 1);
        long lastStart = TimeWindow.getWindowStartWithOffset(timestamp, offset, slide);
        for (long start = lastStart; start > timestamp - size; start -= slide) {
            windows.add(new TimeWindow(start, start + size));
        }
        return windows;
    }
}
