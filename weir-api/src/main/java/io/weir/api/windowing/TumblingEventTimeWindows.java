package io.weir.api.windowing;

import io.weir.api.windowing.triggers.EventTimeTrigger;
import io.weir.api.windowing.triggers.Trigger;

import java.time.Duration;
import java.util.Collection;

/**
 * Non-overlapping windows of a fixed size in event time, aligned to the epoch plus an optional offset
 * (for example, hourly windows in a time zone eight hours from UTC use an offset of -8 hours).
 */
public class TumblingEventTimeWindows extends WindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private static final String NAME = "TumblingEventTimeWindows";

    private final long size;
    private final long offset;

    /** An assigner with these sizes in ms, checked; use {@code of}. */
    protected TumblingEventTimeWindows(long size, long offset) {
        WindowSettings.checkPositive(NAME, "window size", size);
        WindowSettings.checkOffset(NAME, offset, "window size", size);
        this.size = size;
        this.offset = offset;
    }

    /** Back-to-back windows of {@code size} (event time). @throws IllegalArgumentException if size is not positive */
    public static TumblingEventTimeWindows of(Duration size) {
        return new TumblingEventTimeWindows(WindowSettings.millis(NAME, "window size", size), 0);
    }

    /** As {@link #of(Duration)}, with window starts shifted by {@code offset}. @throws IllegalArgumentException if the offset is not smaller in absolute value than the size */
    public static TumblingEventTimeWindows of(Duration size, Duration offset) {
        return new TumblingEventTimeWindows(WindowSettings.millis(NAME, "window size", size), WindowSettings.millis(NAME, "offset", offset));
    }

    /** Flink's older form; prefer {@link #of(Duration)}. */
    public static TumblingEventTimeWindows of(Time size) {
        return new TumblingEventTimeWindows(WindowSettings.millis(NAME, "window size", size), 0);
    }

    /** Flink's older form; prefer {@link #of(Duration, Duration)}. */
    public static TumblingEventTimeWindows of(Time size, Time offset) {
        return new TumblingEventTimeWindows(WindowSettings.millis(NAME, "window size", size), WindowSettings.millis(NAME, "offset", offset));
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        WindowSettings.checkTimestamp(NAME, timestamp);
        return WindowSettings.tumbling(timestamp, size, offset);
    }

    @Override
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return EventTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return true;
    }

    /** The window size in ms. */
    public long getSize() {
        return size;
    }

    /** The offset of window starts in ms. */
    public long getOffset() {
        return offset;
    }

    @Override
    public String toString() {
        return NAME + "(" + size + " ms" + (offset == 0 ? "" : ", offset " + offset + " ms") + ")";
    }
}
