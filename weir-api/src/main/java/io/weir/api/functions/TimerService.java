package io.weir.api.functions;

/**
 * Timers of a keyed function. Timers are scoped to the current key, deduplicated per key and
 * timestamp, stored by key group and included in checkpoints: after a restore they fire exactly as
 * they would have without the failure.
 */
public interface TimerService {

    long currentProcessingTime();

    /** The operator's current event-time watermark, {@code Long.MIN_VALUE} before the first one. */
    long currentWatermark();

    void registerProcessingTimeTimer(long time);

    void registerEventTimeTimer(long time);

    void deleteProcessingTimeTimer(long time);

    void deleteEventTimeTimer(long time);
}
