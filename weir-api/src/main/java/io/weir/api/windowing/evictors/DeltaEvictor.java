package io.weir.api.windowing.evictors;

import io.weir.api.functions.windowing.delta.DeltaFunction;
import io.weir.api.windowing.Window;

import java.util.Iterator;

/**
 * Removes, when a window fires, every element whose delta to the newest (last added) element is at
 * least {@code threshold}, before the window function by default, or after it.
 *
 * @param <T> the element type
 * @param <W> the window type
 */
public class DeltaEvictor<T, W extends Window> extends BeforeOrAfterEvictor<T, W> {
    private static final long serialVersionUID = 1L;

    private final DeltaFunction<T> deltaFunction;
    private final double threshold;

    private DeltaEvictor(double threshold, DeltaFunction<T> deltaFunction, boolean doEvictAfter) {
        super(doEvictAfter);
        if (deltaFunction == null) {
            throw new IllegalArgumentException("DeltaEvictor needs a DeltaFunction, but got null.");
        }
        this.deltaFunction = deltaFunction;
        this.threshold = threshold;
    }

    /** Evicts, before the window function, the elements at least {@code threshold} away from the newest one. */
    public static <T, W extends Window> DeltaEvictor<T, W> of(double threshold, DeltaFunction<T> deltaFunction) {
        return new DeltaEvictor<>(threshold, deltaFunction, false);
    }

    /** As {@link #of(double, DeltaFunction)}, after the window function if {@code doEvictAfter}. */
    public static <T, W extends Window> DeltaEvictor<T, W> of(double threshold, DeltaFunction<T> deltaFunction, boolean doEvictAfter) {
        return new DeltaEvictor<>(threshold, deltaFunction, doEvictAfter);
    }

    @Override
    void evict(Iterable<TimestampedValue<T>> elements, int size) {
        TimestampedValue<T> newest = null;
        for (TimestampedValue<T> e : elements) {
            newest = e;
        }
        if (newest == null) {
            return;
        }
        T last = newest.getValue();
        for (Iterator<TimestampedValue<T>> it = elements.iterator(); it.hasNext();) {
            if (deltaFunction.getDelta(it.next().getValue(), last) >= threshold) {
                it.remove();
            }
        }
    }

    @Override
    public String toString() {
        return describe(deltaFunction + ", " + threshold);
    }
}
