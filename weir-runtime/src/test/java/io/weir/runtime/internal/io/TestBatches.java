package io.weir.runtime.internal.io;

/** Builds record batches for tests outside this package. */
public final class TestBatches {
    private TestBatches() {}

    /** A batch of {@code records}, each with timestamp {@code timestamp}. */
    public static RecordBatch of(long timestamp, Object... records) {
        RecordBatch b = new RecordBatch(Math.max(1, records.length));
        for (Object r : records) {
            b.add(r, timestamp);
        }
        return b;
    }
}
