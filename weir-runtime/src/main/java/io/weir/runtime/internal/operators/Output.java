package io.weir.runtime.internal.operators;

import io.weir.api.util.OutputTag;

/** Where an operator emits: the next operator of the chain, or the task's record writers. */
public interface Output {
    /** @param timestamp the record's event time, or {@code RecordBatch.NO_TIMESTAMP} */
    void collect(Object record, long timestamp);

    void emitWatermark(long watermark);

    /**
     * Emits to the side output {@code tag}. Only the task's writers route side outputs (to the edges
     * built from {@code getSideOutput(tag)}); elsewhere nobody reads the tag, so the default drops the record.
     */
    default void collect(OutputTag<?> tag, Object record, long timestamp) {}

    /** Marks this output idle (no watermarks for a while) or active again; the default ignores it. */
    default void emitWatermarkStatus(boolean idle) {}
}
