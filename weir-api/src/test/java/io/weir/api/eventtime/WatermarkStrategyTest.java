package io.weir.api.eventtime;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WatermarkStrategyTest {

    /** Records what a generator emits. */
    static final class Recorder implements WatermarkOutput {
        final List<Object> events = new ArrayList<>();

        @Override
        public void emitWatermark(Watermark watermark) {
            events.add(watermark.getTimestamp());
        }

        @Override
        public void markIdle() {
            events.add("idle");
        }

        @Override
        public void markActive() {
            events.add("active");
        }
    }

    private static final long[] NOW = {0};
    private static final WatermarkGeneratorSupplier.Context CONTEXT = () -> () -> NOW[0];

    @Test
    void boundedOutOfOrdernessTrailsTheLargestTimestampByTheBoundPlusOne() {
        WatermarkGenerator<String> g = WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ofMillis(10)).createWatermarkGenerator(CONTEXT);
        Recorder out = new Recorder();
        g.onPeriodicEmit(out);
        g.onEvent("a", 100, out);
        g.onEvent("b", 50, out);
        g.onPeriodicEmit(out);
        assertThat(out.events).containsExactly(Long.MIN_VALUE, 89L);
    }

    @Test
    void monotonousTimestampsTrailByOneAndNoWatermarksEmitsNothing() {
        Recorder out = new Recorder();
        WatermarkGenerator<String> m = WatermarkStrategy.<String>forMonotonousTimestamps().createWatermarkGenerator(CONTEXT);
        m.onEvent("a", 100, out);
        m.onPeriodicEmit(out);
        WatermarkGenerator<String> none = WatermarkStrategy.<String>noWatermarks().createWatermarkGenerator(CONTEXT);
        none.onEvent("a", 100, out);
        none.onPeriodicEmit(out);
        assertThat(out.events).containsExactly(99L);
    }

    @Test
    void aTimestampAssignerLambdaReplacesTheRecordTimestampAndTheStrategyStaysSerializable() throws Exception {
        WatermarkStrategy<long[]> s = WatermarkStrategy.<long[]>forMonotonousTimestamps().withTimestampAssigner((e, ts) -> e[0])
                .withIdleness(Duration.ofSeconds(1));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
            o.writeObject(s);
        }
        @SuppressWarnings("unchecked")
        WatermarkStrategy<long[]> copy = (WatermarkStrategy<long[]>) new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();
        assertThat(copy.createTimestampAssigner(new TimestampAssignerSupplier.Context() {}).extractTimestamp(new long[] {7}, 3)).isEqualTo(7);
        assertThat(WatermarkStrategy.forMonotonousTimestamps().createTimestampAssigner(null).extractTimestamp("x", 3)).isEqualTo(3);
    }

    @Test
    void idlenessIsDeclaredAfterTheTimeoutWithoutElementsAndEndsWithTheNextOne() {
        NOW[0] = 0;
        WatermarkGenerator<String> g = WatermarkStrategy.<String>forMonotonousTimestamps().withIdleness(Duration.ofMillis(100))
                .createWatermarkGenerator(CONTEXT);
        Recorder out = new Recorder();
        g.onEvent("a", 10, out);
        NOW[0] = 99;
        g.onPeriodicEmit(out);
        NOW[0] = 100;
        g.onPeriodicEmit(out);
        g.onPeriodicEmit(out);
        g.onEvent("b", 20, out);
        g.onPeriodicEmit(out);
        assertThat(out.events).containsExactly(9L, "idle", 19L);
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThatThrownBy(() -> WatermarkStrategy.forBoundedOutOfOrderness(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxOutOfOrderness");
        assertThatThrownBy(() -> WatermarkStrategy.noWatermarks().withIdleness(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idle timeout");
    }
}
