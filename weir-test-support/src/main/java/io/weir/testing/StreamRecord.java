package io.weir.testing;

/**
 * An element emitted by (or given to) an operator under test, with its timestamp ({@code null} if it has none), with
 * Flink's accessors ({@link #getValue()}, {@link #getTimestamp()}, {@link #hasTimestamp()}) beside the record's own.
 *
 * @param <T> the element type
 */
public record StreamRecord<T>(T value, Long timestamp) {
    /** An element without a timestamp. */
    public StreamRecord(T value) {
        this(value, (Long) null);
    }

    /** The element. */
    public T getValue() {
        return value;
    }

    /** The element's timestamp, or {@code Long.MIN_VALUE} if it has none (as Flink's). */
    public long getTimestamp() {
        return timestamp == null ? Long.MIN_VALUE : timestamp;
    }

    /** Whether the element has a timestamp. */
    public boolean hasTimestamp() {
        return timestamp != null;
    }
}
