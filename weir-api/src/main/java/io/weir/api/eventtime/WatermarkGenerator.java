package io.weir.api.eventtime;

/**
 * Produces watermarks from the elements of one parallel instance of a stream. Both methods are called
 * on the task thread, never concurrently. A generator that only reacts to events (a "punctuated" one)
 * emits from {@link #onEvent}; a periodic one records in {@link #onEvent} and emits from
 * {@link #onPeriodicEmit}, which is called every {@code pipeline.auto-watermark-interval} (200 ms by default).
 *
 * <p>Generators are not checkpointed: after a restore they start fresh, and Weir's window operator
 * keeps the watermark it had reached, so elements that were late before a failure stay late after it.
 */
public interface WatermarkGenerator<T> {

    /** Called for every element, after its timestamp has been assigned. */
    void onEvent(T event, long eventTimestamp, WatermarkOutput output);

    /** Called periodically; may emit a watermark. */
    void onPeriodicEmit(WatermarkOutput output);
}
