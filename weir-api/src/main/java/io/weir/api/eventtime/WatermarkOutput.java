package io.weir.api.eventtime;

/**
 * Where a {@link WatermarkGenerator} sends watermarks. Emitting a watermark that is not larger than
 * the last one emitted has no effect. Emitting a watermark marks the output active again.
 */
public interface WatermarkOutput {

    void emitWatermark(Watermark watermark);

    /**
     * Declares this output idle: downstream operators stop waiting for its watermarks until it
     * emits a watermark or a record again. Used for source partitions that have no data for a while.
     */
    void markIdle();

    /** Declares this output active again after {@link #markIdle()}. */
    void markActive();
}
