package io.weir.api.eventtime;

import java.io.Serializable;
import java.time.Instant;

/**
 * A point in event time: the claim that no more elements with a timestamp at or below
 * {@link #getTimestamp()} will follow. Watermarks only move forward; operators with several inputs
 * take the minimum over their inputs, leaving out inputs marked idle.
 */
public final class Watermark implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The watermark that ends event time: sent when a bounded input is exhausted; it fires every event-time timer and window. */
    public static final Watermark MAX_WATERMARK = new Watermark(Long.MAX_VALUE);

    private final long timestamp;

    public Watermark(long timestamp) {
        this.timestamp = timestamp;
    }

    /** Milliseconds since the epoch. */
    public long getTimestamp() {
        return timestamp;
    }

    /** The timestamp as an ISO-8601 instant, for logs. */
    public String getFormattedTimestamp() {
        if (timestamp == Long.MIN_VALUE || timestamp == Long.MAX_VALUE) {
            return timestamp == Long.MIN_VALUE ? "-inf" : "+inf";
        }
        return Instant.ofEpochMilli(timestamp).toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Watermark && ((Watermark) o).timestamp == timestamp;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(timestamp);
    }

    @Override
    public String toString() {
        return "Watermark @ " + timestamp + " (" + getFormattedTimestamp() + ")";
    }
}
