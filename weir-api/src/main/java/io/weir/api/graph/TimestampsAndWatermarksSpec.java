package io.weir.api.graph;

import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Function;

/**
 * What the {@link OperatorKind#TIMESTAMPS_AND_WATERMARKS} operator needs: the strategy and how often
 * to ask its generator for a periodic watermark (0 = never).
 */
public final class TimestampsAndWatermarksSpec implements Function {
    private static final long serialVersionUID = 1L;

    private final WatermarkStrategy<?> strategy;
    private final long autoWatermarkIntervalMillis;

    /**
     * Called by {@code DataStream.assignTimestampsAndWatermarks} on the thread that builds the job.
     *
     * @param strategy                    the user's strategy, not null
     * @param autoWatermarkIntervalMillis {@code pipeline.auto-watermark-interval} in ms; 0 for no periodic watermarks
     * @throws IllegalArgumentException       if {@code strategy} is null
     * @throws io.weir.api.configuration.IllegalConfigurationException if the interval is negative
     */
    public TimestampsAndWatermarksSpec(WatermarkStrategy<?> strategy, long autoWatermarkIntervalMillis) {
        if (strategy == null) {
            throw new IllegalArgumentException("assignTimestampsAndWatermarks needs a WatermarkStrategy, but got null.");
        }
        if (autoWatermarkIntervalMillis < 0) {
            throw new io.weir.api.configuration.IllegalConfigurationException("Invalid configuration: 'pipeline.auto-watermark-interval' = " + autoWatermarkIntervalMillis
                    + " ms; it must be 0 (no periodic watermarks) or positive.");
        }
        this.strategy = strategy;
        this.autoWatermarkIntervalMillis = autoWatermarkIntervalMillis;
    }

    public WatermarkStrategy<?> getStrategy() {
        return strategy;
    }

    public long getAutoWatermarkIntervalMillis() {
        return autoWatermarkIntervalMillis;
    }
}
