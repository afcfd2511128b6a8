package io.weir.api.graph;

import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Function;

/**
 * What the {@link OperatorKind#TIMESTAMPS_AND_WATERMARKS} operator needs: the strategy and how often
 * to ask its generator for a periodic watermark (0 = never).
 */
public final class TimestampsAndWatermarksSpec implements Function {
    private static final long serialVersionUID = 1L;

    /** Flink's default of {@code pipeline.auto-watermark-interval}: 200 ms. */
    public static final long DEFAULT_AUTO_WATERMARK_INTERVAL_MILLIS = 200;

    private final WatermarkStrategy<?> strategy;
    private final long autoWatermarkIntervalMillis;
    private final boolean intervalFromJob;

    /**
     * A spec whose interval is the job's {@code pipeline.auto-watermark-interval} when it is built ({@code execute}),
     * as Flink reads it at run time: a change made after {@code assignTimestampsAndWatermarks} still applies. Until
     * then (for example in a test harness) the interval is the default, 200 ms.
     *
     * @throws IllegalArgumentException if {@code strategy} is null
     */
    public TimestampsAndWatermarksSpec(WatermarkStrategy<?> strategy) {
        this(strategy, DEFAULT_AUTO_WATERMARK_INTERVAL_MILLIS, true);
    }

    /**
     * Called by {@code DataStream.assignTimestampsAndWatermarks} on the thread that builds the job.
     *
     * @param strategy                    the user's strategy, not null
     * @param autoWatermarkIntervalMillis {@code pipeline.auto-watermark-interval} in ms; 0 for no periodic watermarks
     * @throws IllegalArgumentException       if {@code strategy} is null
     * @throws io.weir.api.configuration.IllegalConfigurationException if the interval is negative
     */
    public TimestampsAndWatermarksSpec(WatermarkStrategy<?> strategy, long autoWatermarkIntervalMillis) {
        this(strategy, autoWatermarkIntervalMillis, false);
    }

    private TimestampsAndWatermarksSpec(WatermarkStrategy<?> strategy, long autoWatermarkIntervalMillis, boolean intervalFromJob) {
        if (strategy == null) {
            throw new IllegalArgumentException("assignTimestampsAndWatermarks needs a WatermarkStrategy, but got null.");
        }
        if (autoWatermarkIntervalMillis < 0) {
            throw new io.weir.api.configuration.IllegalConfigurationException("Invalid configuration: 'pipeline.auto-watermark-interval' = " + autoWatermarkIntervalMillis
                    + " ms; it must be 0 (no periodic watermarks) or positive.");
        }
        this.strategy = strategy;
        this.autoWatermarkIntervalMillis = autoWatermarkIntervalMillis;
        this.intervalFromJob = intervalFromJob;
    }

    /** The user's strategy. */
    public WatermarkStrategy<?> getStrategy() {
        return strategy;
    }

    /** How often, in ms, the generator is asked for a periodic watermark; 0 for never. */
    public long getAutoWatermarkIntervalMillis() {
        return autoWatermarkIntervalMillis;
    }

    /** Whether the interval is to be taken from the job's configuration when the job is built. */
    public boolean isIntervalFromJob() {
        return intervalFromJob;
    }

    /**
     * This spec with the job's interval, for the executor building the job.
     *
     * @throws io.weir.api.configuration.IllegalConfigurationException if the interval is negative
     */
    public TimestampsAndWatermarksSpec withJobInterval(long autoWatermarkIntervalMillis) {
        return new TimestampsAndWatermarksSpec(strategy, autoWatermarkIntervalMillis, false);
    }
}
