package io.weir.api.windowing.evictors;

/**
 * An element of a window with its event timestamp, as an {@link Evictor} sees it.
 *
 * @param <T> the element type
 */
public class TimestampedValue<T> {
    private final T value;
    private final long timestamp;
    private final boolean hasTimestamp;

    /** An element without a timestamp. */
    public TimestampedValue(T value) {
        this.value = value;
        this.timestamp = 0;
        this.hasTimestamp = false;
    }

    /** An element with the timestamp {@code timestamp}. */
    public TimestampedValue(T value, long timestamp) {
        this.value = value;
        this.timestamp = timestamp;
        this.hasTimestamp = true;
    }

    /** The element. */
    public T getValue() {
        return value;
    }

    /** The timestamp; meaningful only if {@link #hasTimestamp()}. */
    public long getTimestamp() {
        return timestamp;
    }

    /** Whether the element has an event timestamp. */
    public boolean hasTimestamp() {
        return hasTimestamp;
    }

    @Override
    public String toString() {
        return hasTimestamp ? value + "@" + timestamp : String.valueOf(value);
    }
}
