package io.weir.api.eventtime;

/** Emits no watermarks; event time then only ends with the final watermark of a bounded input. */
public final class NoWatermarksGenerator<T> implements WatermarkGenerator<T> {
    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {}

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
}
