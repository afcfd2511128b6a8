package io.weir.runtime.internal.io;

/**
 * Records moved between subtasks as one unit, by reference (never serialized). Timestamps are kept
 * in a parallel array created only when some record has one. Owned by the producer until offered,
 * then by the consumer.
 */
public final class RecordBatch {
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    final Object[] records;
    long[] timestamps;
    int size;

    public RecordBatch(int capacity) {
        this.records = new Object[capacity];
    }

    /** Adds a record; returns true when the batch is full. */
    boolean add(Object record, long timestamp) {
        if (timestamp != NO_TIMESTAMP && timestamps == null) {
            timestamps = new long[records.length];
            java.util.Arrays.fill(timestamps, 0, size, NO_TIMESTAMP);
        }
        records[size] = record;
        if (timestamps != null) {
            timestamps[size] = timestamp;
        }
        return ++size == records.length;
    }

    public int size() {
        return size;
    }

    public Object record(int i) {
        return records[i];
    }

    public long timestamp(int i) {
        return timestamps == null ? NO_TIMESTAMP : timestamps[i];
    }
}
