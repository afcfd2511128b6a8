package io.weir.api.eventtime;

import java.io.Serializable;

/** Creates a {@link WatermarkGenerator} per parallel instance. Serializable, because it is shipped with the job. */
@FunctionalInterface
public interface WatermarkGeneratorSupplier<T> extends Serializable {

    WatermarkGenerator<T> createWatermarkGenerator(Context context);

    /** What a generator may use. */
    interface Context {
        /** The task's processing-time clock, for detecting inactivity (see {@link WatermarkStrategy#withIdleness}). */
        RelativeClock getInputActivityClock();
    }
}
