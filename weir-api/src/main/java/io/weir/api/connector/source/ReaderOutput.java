package io.weir.api.connector.source;

/** Where a {@link SourceReader} emits. Only valid during {@link SourceReader#pollNext}, on the source task's thread. */
public interface ReaderOutput<T> {
    /**
     * Emits a record without a timestamp.
     *
     * @throws NullPointerException if {@code record} is null
     */
    void collect(T record);

    /**
     * Emits a record with its event timestamp.
     *
     * @throws NullPointerException if {@code record} is null
     */
    void collect(T record, long timestamp);

    /**
     * Emits a watermark from the source itself (for a source that knows its event time); a watermark not above the
     * last one emitted is ignored. A {@code WatermarkStrategy} given to {@code fromSource} replaces the source's own
     * watermarks. The default refuses, for outputs that cannot carry watermarks.
     */
    default void emitWatermark(io.weir.api.eventtime.Watermark watermark) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot emit watermarks.");
    }

    /**
     * Marks this source subtask idle: downstream operators leave it out of their watermark until it emits again. The
     * default refuses, for outputs that cannot carry idleness.
     */
    default void markIdle() {
        throw new UnsupportedOperationException(getClass().getName() + " cannot mark idleness.");
    }
}
