package io.weir.api.windowing;

import java.io.Serializable;

/**
 * The session gap for one element, for session windows with a dynamic gap
 * ({@link EventTimeSessionWindows#withDynamicGap}, {@link ProcessingTimeSessionWindows#withDynamicGap}).
 *
 * @param <T> the element type
 */
@FunctionalInterface
public interface SessionWindowTimeGapExtractor<T> extends Serializable {
    /** The gap after {@code element}, in milliseconds; must be positive. */
    long extract(T element);
}
