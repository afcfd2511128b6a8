package io.weir.api.eventtime;

/**
 * Gives an element its event timestamp (milliseconds since the epoch).
 *
 * @param <T> the element type
 */
@FunctionalInterface
public interface TimestampAssigner<T> {

    /** Marks "the element has no timestamp" in {@code recordTimestamp}. */
    long NO_TIMESTAMP = Long.MIN_VALUE;

    /**
     * @param element         the element
     * @param recordTimestamp the timestamp the element already carries, or {@link #NO_TIMESTAMP}
     * @return the element's event timestamp
     */
    long extractTimestamp(T element, long recordTimestamp);
}
