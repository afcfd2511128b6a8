package io.weir.api.windowing;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The half-open time interval {@code [start, end)} in milliseconds. */
public final class TimeWindow extends Window implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long start;
    private final long end;

    public TimeWindow(long start, long end) {
        this.start = start;
        this.end = end;
    }

    /** The first timestamp in the window. */
    public long getStart() {
        return start;
    }

    /** The first timestamp after the window. */
    public long getEnd() {
        return end;
    }

    /** {@code end - 1}. */
    @Override
    public long maxTimestamp() {
        return end - 1;
    }

    /** Whether the two windows overlap or touch (so that session windows merge). */
    public boolean intersects(TimeWindow other) {
        return start <= other.end && end >= other.start;
    }

    /** The smallest window covering both. */
    public TimeWindow cover(TimeWindow other) {
        return new TimeWindow(Math.min(start, other.start), Math.max(end, other.end));
    }

    /**
     * The start of the window of length {@code windowSize}, aligned to {@code offset}, that contains
     * {@code timestamp}. Correct for negative timestamps too.
     */
    public static long getWindowStartWithOffset(long timestamp, long offset, long windowSize) {
        return timestamp - Math.floorMod(timestamp - offset, windowSize);
    }

    /**
     * Merges overlapping or touching windows: sorts them by start, sweeps once, and reports every
     * group of more than one window to {@code callback} with the window covering the group.
     */
    public static void mergeWindows(Collection<TimeWindow> windows, MergingWindowAssigner.MergeCallback<TimeWindow> callback) {
        List<TimeWindow> sorted = new ArrayList<>(windows);
        sorted.sort((a, b) -> Long.compare(a.start, b.start));
        TimeWindow cover = null;
        Set<TimeWindow> group = new LinkedHashSet<>();
        for (TimeWindow w : sorted) {
            if (cover == null) {
                cover = w;
                group.add(w);
            } else if (cover.intersects(w)) {
                cover = cover.cover(w);
                group.add(w);
            } else {
                report(group, cover, callback);
                group = new LinkedHashSet<>();
                cover = w;
                group.add(w);
            }
        }
        report(group, cover, callback);
    }

    private static void report(Set<TimeWindow> group, TimeWindow cover, MergingWindowAssigner.MergeCallback<TimeWindow> callback) {
        if (group.size() > 1) {
            callback.merge(group, cover);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TimeWindow)) {
            return false;
        }
        TimeWindow w = (TimeWindow) o;
        return start == w.start && end == w.end;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(start) * 31 + Long.hashCode(end);
    }

    @Override
    public String toString() {
        return "TimeWindow{start=" + start + ", end=" + end + "}";
    }
}
