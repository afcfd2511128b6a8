package io.weir.api.eventtime;

import java.time.Duration;

/**
 * Wraps a generator and marks the output idle when no element has arrived for the idle timeout,
 * measured on the given clock from the last element and checked at each periodic emission. An
 * element makes the output active again (the runtime marks it active before forwarding the element).
 */
public class WatermarksWithIdleness<T> implements WatermarkGenerator<T> {
    private final WatermarkGenerator<T> watermarks;
    private final long idleTimeoutMillis;
    private final RelativeClock clock;
    private long lastActivity;
    private boolean idle;

    public WatermarksWithIdleness(WatermarkGenerator<T> watermarks, Duration idleTimeout, RelativeClock clock) {
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("The idle timeout (withIdleness) must be positive, but is " + idleTimeout + ".");
        }
        this.watermarks = watermarks;
        this.idleTimeoutMillis = idleTimeout.toMillis();
        this.clock = clock;
        this.lastActivity = clock.relativeTimeMillis();
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        watermarks.onEvent(event, eventTimestamp, output);
        lastActivity = clock.relativeTimeMillis();
        idle = false;
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        if (clock.relativeTimeMillis() - lastActivity >= idleTimeoutMillis) {
            if (!idle) {
                idle = true;
                output.markIdle();
            }
        } else {
            watermarks.onPeriodicEmit(output);
        }
    }
}
