package io.weir.api.windowing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Flink's older interval type, kept so that jobs written with {@code Time.seconds(5)} compile;
 * new code should pass a {@link Duration}.
 */
public final class Time {
    private final long size;
    private final TimeUnit unit;

    private Time(long size, TimeUnit unit) {
        this.size = size;
        this.unit = unit;
    }

    public static Time of(long size, TimeUnit unit) {
        return new Time(size, unit);
    }

    public static Time milliseconds(long milliseconds) {
        return of(milliseconds, TimeUnit.MILLISECONDS);
    }

    public static Time seconds(long seconds) {
        return of(seconds, TimeUnit.SECONDS);
    }

    public static Time minutes(long minutes) {
        return of(minutes, TimeUnit.MINUTES);
    }

    public static Time hours(long hours) {
        return of(hours, TimeUnit.HOURS);
    }

    public static Time days(long days) {
        return of(days, TimeUnit.DAYS);
    }

    public long getSize() {
        return size;
    }

    public TimeUnit getUnit() {
        return unit;
    }

    public long toMilliseconds() {
        return unit.toMillis(size);
    }

    public Duration toDuration() {
        return Duration.ofMillis(toMilliseconds());
    }

    @Override
    public String toString() {
        return size + " " + unit.name().toLowerCase(java.util.Locale.ROOT);
    }
}
