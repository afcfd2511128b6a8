package io.weir.api.eventtime;

import java.time.Duration;

/**
 * Periodic watermarks for elements that arrive at most a fixed time out of order: the watermark is
 * the largest timestamp seen minus the bound minus one, so an element that is exactly the bound
 * behind the largest timestamp is still on time.
 */
public class BoundedOutOfOrdernessWatermarks<T> implements WatermarkGenerator<T> {
    private final long outOfOrdernessMillis;
    private long maxTimestamp;

    public BoundedOutOfOrdernessWatermarks(Duration maxOutOfOrderness) {
        if (maxOutOfOrderness == null) {
            throw new IllegalArgumentException("maxOutOfOrderness must not be null.");
        }
        if (maxOutOfOrderness.isNegative()) {
            throw new IllegalArgumentException("maxOutOfOrderness must not be negative, but is " + maxOutOfOrderness + ".");
        }
        this.outOfOrdernessMillis = maxOutOfOrderness.toMillis();
        // start such that the first periodic watermark is Long.MIN_VALUE, without underflow
        this.maxTimestamp = Long.MIN_VALUE + outOfOrdernessMillis + 1;
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        maxTimestamp = Math.max(maxTimestamp, eventTimestamp);
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        output.emitWatermark(new Watermark(maxTimestamp - outOfOrdernessMillis - 1));
    }
}
