package io.weir.api.windowing.evictors;

import io.weir.api.windowing.Window;

import java.util.Iterator;

/**
 * Keeps at most {@code maxCount} elements in a window: when the window fires it removes the oldest
 * (first added) elements beyond that, before the window function by default, or after it.
 *
 * @param <W> the window type
 */
public class CountEvictor<W extends Window> extends BeforeOrAfterEvictor<Object, W> {
    private static final long serialVersionUID = 1L;

    private final long maxCount;

    private CountEvictor(long maxCount, boolean doEvictAfter) {
        super(doEvictAfter);
        this.maxCount = maxCount;
    }

    /** Keeps the last {@code maxCount} elements, evicting before the window function. */
    public static <W extends Window> CountEvictor<W> of(long maxCount) {
        return new CountEvictor<>(maxCount, false);
    }

    /** Keeps the last {@code maxCount} elements, evicting after the window function if {@code doEvictAfter}. */
    public static <W extends Window> CountEvictor<W> of(long maxCount, boolean doEvictAfter) {
        return new CountEvictor<>(maxCount, doEvictAfter);
    }

    @Override
    void evict(Iterable<TimestampedValue<Object>> elements, int size) {
        long toRemove = size - maxCount;
        Iterator<TimestampedValue<Object>> it = elements.iterator();
        for (long i = 0; i < toRemove && it.hasNext(); i++) {
            it.next();
            it.remove();
        }
    }

    /** The number of elements kept. */
    public long getMaxCount() {
        return maxCount;
    }

    @Override
    public String toString() {
        return describe(maxCount);
    }
}
