package io.weir.runtime.internal.operators;

/** Where an operator emits: the next operator of the chain, or the task's record writers. */
public interface Output {
    /** @param timestamp the record's event time, or {@code RecordBatch.NO_TIMESTAMP} */
    void collect(Object record, long timestamp);

    void emitWatermark(long watermark);
}
