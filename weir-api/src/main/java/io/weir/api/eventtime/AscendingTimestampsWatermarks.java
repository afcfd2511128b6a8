package io.weir.api.eventtime;

import java.time.Duration;

/** Periodic watermarks for timestamps that never decrease: bounded out-of-orderness with a bound of zero. */
public class AscendingTimestampsWatermarks<T> extends BoundedOutOfOrdernessWatermarks<T> {
    public AscendingTimestampsWatermarks() {
        super(Duration.ZERO);
    }
}
