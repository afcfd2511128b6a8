package io.weir.api.eventtime;

import java.time.Duration;
import java.util.Objects;

/**
 * How a stream gets event time: a {@link TimestampAssigner} that gives each element its timestamp and
 * a {@link WatermarkGenerator} that says how far event time has progressed. Pass it to
 * {@code DataStream.assignTimestampsAndWatermarks}.
 *
 * <pre>{@code
 * WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofSeconds(5))
 *         .withTimestampAssigner((event, recordTimestamp) -> event.timeMillis)
 *         .withIdleness(Duration.ofMinutes(1));
 * }</pre>
 *
 * <p>Generators with periodic output are asked for a watermark every
 * {@code pipeline.auto-watermark-interval} (200 ms by default; 0 turns periodic emission off).
 * The strategy is serializable: it is shipped with the job and each parallel instance creates its own
 * assigner and generator.
 */
public interface WatermarkStrategy<T> extends TimestampAssignerSupplier<T>, WatermarkGeneratorSupplier<T> {

    @Override
    WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context);

    /** The default keeps the timestamp the element already carries (from its source). */
    @Override
    default TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
        return new RecordTimestampAssigner<>();
    }

    /** This strategy with timestamps from assigners created by {@code timestampAssigner}. */
    default WatermarkStrategy<T> withTimestampAssigner(TimestampAssignerSupplier<T> timestampAssigner) {
        Objects.requireNonNull(timestampAssigner, "timestampAssigner");
        return new WithTimestampAssigner<>(this, timestampAssigner);
    }

    /** This strategy with timestamps from {@code timestampAssigner}, typically a lambda {@code (element, recordTimestamp) -> ...}. */
    default WatermarkStrategy<T> withTimestampAssigner(SerializableTimestampAssigner<T> timestampAssigner) {
        Objects.requireNonNull(timestampAssigner, "timestampAssigner");
        return new WithTimestampAssigner<>(this, TimestampAssignerSupplier.of(timestampAssigner));
    }

    /**
     * This strategy, marking a parallel instance idle when it has seen no element for {@code idleTimeout}
     * (checked at every periodic emission). Downstream operators then compute their watermark without
     * it, so one quiet source partition does not hold back event time for all. The instance becomes
     * active again with its next element.
     */
    default WatermarkStrategy<T> withIdleness(Duration idleTimeout) {
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("withIdleness needs a positive idle timeout, but got " + idleTimeout + ".");
        }
        return new WithIdleness<>(this, idleTimeout);
    }

    /** Watermarks for timestamps that never decrease within a parallel instance: the watermark trails the largest timestamp by 1 ms. */
    static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
        return context -> new AscendingTimestampsWatermarks<>();
    }

    /** Watermarks for elements at most {@code maxOutOfOrderness} out of order (see {@link BoundedOutOfOrdernessWatermarks}). */
    static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) {
        if (maxOutOfOrderness == null || maxOutOfOrderness.isNegative()) {
            throw new IllegalArgumentException("forBoundedOutOfOrderness needs a non-negative maxOutOfOrderness, but got " + maxOutOfOrderness + ".");
        }
        return context -> new BoundedOutOfOrdernessWatermarks<>(maxOutOfOrderness);
    }

    /** A strategy with a custom generator. */
    static <T> WatermarkStrategy<T> forGenerator(WatermarkGeneratorSupplier<T> generatorSupplier) {
        Objects.requireNonNull(generatorSupplier, "generatorSupplier");
        return generatorSupplier::createWatermarkGenerator;
    }

    /** No watermarks: event-time windows and timers fire only at the end of a bounded input. */
    static <T> WatermarkStrategy<T> noWatermarks() {
        return new NoWatermarks<>();
    }

    /**
     * See {@link #noWatermarks()}; a class of its own so that {@code fromSource} can see that no watermark operator is
     * needed. Not for direct use.
     */
    final class NoWatermarks<T> implements WatermarkStrategy<T> {
        private static final long serialVersionUID = 1L;

        NoWatermarks() {}

        @Override
        public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
            return new NoWatermarksGenerator<>();
        }
    }

    /** See {@link #withTimestampAssigner(TimestampAssignerSupplier)}. */
    final class WithTimestampAssigner<T> implements WatermarkStrategy<T> {
        private static final long serialVersionUID = 1L;
        private final WatermarkStrategy<T> base;
        private final TimestampAssignerSupplier<T> assigner;

        WithTimestampAssigner(WatermarkStrategy<T> base, TimestampAssignerSupplier<T> assigner) {
            this.base = base;
            this.assigner = assigner;
        }

        @Override
        public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
            return base.createWatermarkGenerator(context);
        }

        @Override
        public TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
            return assigner.createTimestampAssigner(context);
        }
    }

    /** See {@link #withIdleness(Duration)}. */
    final class WithIdleness<T> implements WatermarkStrategy<T> {
        private static final long serialVersionUID = 1L;
        private final WatermarkStrategy<T> base;
        private final Duration idleTimeout;

        WithIdleness(WatermarkStrategy<T> base, Duration idleTimeout) {
            this.base = base;
            this.idleTimeout = idleTimeout;
        }

        @Override
        public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
            return new WatermarksWithIdleness<>(base.createWatermarkGenerator(context), idleTimeout, context.getInputActivityClock());
        }

        @Override
        public TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
            return base.createTimestampAssigner(context);
        }
    }
}
