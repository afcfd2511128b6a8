package io.weir.api.eventtime;

/** Keeps the timestamp an element already has (set by its source); the default of a {@link WatermarkStrategy}. */
public final class RecordTimestampAssigner<T> implements TimestampAssigner<T> {
    @Override
    public long extractTimestamp(T element, long recordTimestamp) {
        return recordTimestamp;
    }
}
