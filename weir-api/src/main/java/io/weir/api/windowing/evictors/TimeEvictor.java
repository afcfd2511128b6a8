package io.weir.api.windowing.evictors;

import io.weir.api.windowing.Time;
import io.weir.api.windowing.Window;

import java.time.Duration;
import java.util.Iterator;

/**
 * Keeps the elements of the last {@code windowSize} of event time in a window: when it fires, every
 * element whose timestamp is at or before the newest element's timestamp minus {@code windowSize} is
 * removed, before the window function by default, or after it. Windows whose elements have no
 * timestamps (judged by the first element) are left alone.
 *
 * @param <W> the window type
 */
public class TimeEvictor<W extends Window> extends BeforeOrAfterEvictor<Object, W> {
    private static final long serialVersionUID = 1L;

    private final long windowSize;

    private TimeEvictor(long windowSize, boolean doEvictAfter) {
        super(doEvictAfter);
        this.windowSize = windowSize;
    }

    /** Keeps the last {@code windowSize} of event time, evicting before the window function. */
    public static <W extends Window> TimeEvictor<W> of(Duration windowSize) {
        return new TimeEvictor<>(windowSize.toMillis(), false);
    }

    /** Keeps the last {@code windowSize} of event time, evicting after the window function if {@code doEvictAfter}. */
    public static <W extends Window> TimeEvictor<W> of(Duration windowSize, boolean doEvictAfter) {
        return new TimeEvictor<>(windowSize.toMillis(), doEvictAfter);
    }

    /** Flink's older form of {@link #of(Duration)}. */
    @Deprecated
    public static <W extends Window> TimeEvictor<W> of(Time windowSize) {
        return new TimeEvictor<>(windowSize.toMilliseconds(), false);
    }

    /** Flink's older form of {@link #of(Duration, boolean)}. */
    @Deprecated
    public static <W extends Window> TimeEvictor<W> of(Time windowSize, boolean doEvictAfter) {
        return new TimeEvictor<>(windowSize.toMilliseconds(), doEvictAfter);
    }

    @Override
    void evict(Iterable<TimestampedValue<Object>> elements, int size) {
        Iterator<TimestampedValue<Object>> first = elements.iterator();
        if (!first.hasNext() || !first.next().hasTimestamp()) {
            return;
        }
        long newest = Long.MIN_VALUE;
        for (TimestampedValue<Object> e : elements) {
            newest = Math.max(newest, e.getTimestamp());
        }
        long cutoff = newest - windowSize;
        for (Iterator<TimestampedValue<Object>> it = elements.iterator(); it.hasNext();) {
            if (it.next().getTimestamp() <= cutoff) {
                it.remove();
            }
        }
    }

    /** The span of event time kept, in milliseconds. */
    public long getWindowSize() {
        return windowSize;
    }

    @Override
    public String toString() {
        return describe(windowSize);
    }
}
