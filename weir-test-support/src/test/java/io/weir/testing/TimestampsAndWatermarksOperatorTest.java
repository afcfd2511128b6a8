package io.weir.testing;

import io.weir.api.configuration.ConfigKeys;
import io.weir.api.configuration.Configuration;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.Watermark;
import io.weir.api.eventtime.WatermarkGenerator;
import io.weir.api.eventtime.WatermarkOutput;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.tuple.Tuple2;
import io.weir.api.util.Collector;
import io.weir.api.util.OutputTag;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** assignTimestampsAndWatermarks as an operator, and side outputs of process functions. */
class TimestampsAndWatermarksOperatorTest {

    private static DataStream<Tuple2<String, Long>> input(long autoWatermarkIntervalMillis) {
        Configuration conf = new Configuration();
        conf.setString(ConfigKeys.AUTO_WATERMARK_INTERVAL, autoWatermarkIntervalMillis + " ms");
        return StreamExecutionEnvironment.getExecutionEnvironment(conf).fromElements(Tuple2.of("x", 0L));
    }

    private static OneInputStreamOperatorTestHarness<Tuple2<String, Long>, Tuple2<String, Long>> harness(WatermarkStrategy<Tuple2<String, Long>> s,
            long interval) throws Exception {
        OneInputStreamOperatorTestHarness<Tuple2<String, Long>, Tuple2<String, Long>> h =
                OneInputStreamOperatorTestHarness.forOperatorOf(input(interval).assignTimestampsAndWatermarks(s));
        h.open();
        return h;
    }

    @Test
    void boundedOutOfOrdernessEmitsThePeriodicWatermarkBehindTheLargestTimestamp() throws Exception {
        var h = harness(WatermarkStrategy.<Tuple2<String, Long>>forBoundedOutOfOrderness(Duration.ofMillis(100)).withTimestampAssigner((e, ts) -> e.f1), 200);
        h.processElement(Tuple2.of("a", 1000L));
        h.processElement(Tuple2.of("a", 1500L));
        h.processElement(Tuple2.of("a", 1200L));
        assertThat(h.getOutput()).extracting(StreamRecord::timestamp).containsExactly(1000L, 1500L, 1200L);
        assertThat(h.getWatermarks()).isEmpty();
        h.setProcessingTime(199);
        assertThat(h.getWatermarks()).isEmpty();
        h.setProcessingTime(200);
        assertThat(h.getWatermarks()).containsExactly(1399L);
        h.setProcessingTime(400);
        assertThat(h.getWatermarks()).containsExactly(1399L); // not advanced, not repeated
        h.processElement(Tuple2.of("a", 2000L));
        h.setProcessingTime(600);
        assertThat(h.getWatermarks()).containsExactly(1399L, 1899L);
        h.close();
    }

    @Test
    void upstreamWatermarksAreReplacedButTheFinalOneIsPassedOn() throws Exception {
        var h = harness(WatermarkStrategy.<Tuple2<String, Long>>forMonotonousTimestamps().withTimestampAssigner((e, ts) -> e.f1), 200);
        h.processWatermark(5000);
        assertThat(h.getWatermarks()).isEmpty();
        h.processElement(Tuple2.of("a", 10L));
        h.processWatermark(Long.MAX_VALUE);
        h.setProcessingTime(1000);
        assertThat(h.getWatermarks()).containsExactly(Long.MAX_VALUE);
        h.close();
    }

    @Test
    void withoutAnAssignerTheRecordTimestampIsKept() throws Exception {
        var h = harness(WatermarkStrategy.forMonotonousTimestamps(), 200);
        h.processElement(Tuple2.of("a", 1L), 42L);
        assertThat(h.getOutput()).containsExactly(new StreamRecord<>(Tuple2.of("a", 1L), 42L));
        h.setProcessingTime(200);
        assertThat(h.getWatermarks()).containsExactly(41L);
        h.close();
    }

    @Test
    void anIntervalOfZeroTurnsPeriodicWatermarksOffButPunctuatedOnesStillFlow() throws Exception {
        var h = harness(WatermarkStrategy.forGenerator(ctx -> new EveryEvent()), 0);
        h.processElement(Tuple2.of("a", 7L), 7L);
        h.setProcessingTime(10_000);
        assertThat(h.getWatermarks()).containsExactly(7L);
        h.close();
    }

    /** Emits the timestamp of every event as the watermark. */
    static final class EveryEvent implements WatermarkGenerator<Tuple2<String, Long>> {
        @Override
        public void onEvent(Tuple2<String, Long> event, long eventTimestamp, WatermarkOutput output) {
            output.emitWatermark(new Watermark(eventTimestamp));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
    }

    @Test
    void anInputWithoutElementsForTheIdleTimeoutIsMarkedIdleAndTheNextElementMakesItActive() throws Exception {
        var h = harness(WatermarkStrategy.<Tuple2<String, Long>>forMonotonousTimestamps().withTimestampAssigner((e, ts) -> e.f1)
                .withIdleness(Duration.ofSeconds(1)), 200);
        h.setProcessingTime(100);
        h.processElement(Tuple2.of("a", 10L));
        h.setProcessingTime(1000);
        assertThat(h.getWatermarkStatuses()).isEmpty();
        assertThat(h.getWatermarks()).containsExactly(9L);
        h.setProcessingTime(1200); // 1100 ms after the element
        assertThat(h.getWatermarkStatuses()).containsExactly(true);
        h.setProcessingTime(3000);
        assertThat(h.getWatermarkStatuses()).containsExactly(true);
        h.processElement(Tuple2.of("a", 20L));
        assertThat(h.getWatermarkStatuses()).containsExactly(true, false);
        h.setProcessingTime(3200);
        assertThat(h.getWatermarks()).containsExactly(9L, 19L);
        h.close();
    }

    static final OutputTag<String> ODD = new OutputTag<>("odd");

    /** Sends odd numbers to a side output. */
    static final class SplitOdd extends ProcessFunction<Long, Long> {
        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) {
            if (value % 2 == 0) {
                out.collect(value);
            } else {
                ctx.output(ODD, "odd " + value);
            }
        }
    }

    /** Reports, at an event-time timer, to a side output. */
    static final class TimerToSide extends KeyedProcessFunction<Long, Long, Long> {
        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) {
            ctx.timerService().registerEventTimeTimer(100);
            ctx.output(ODD, "element " + value);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<Long> out) {
            ctx.output(ODD, "timer " + ctx.getCurrentKey());
        }
    }

    @Test
    void processFunctionsEmitToSideOutputsWithTheCurrentTimestamp() throws Exception {
        var h = OneInputStreamOperatorTestHarness.forProcess(new SplitOdd());
        h.open();
        h.processElement(1L, 5L);
        h.processElement(2L, 6L);
        assertThat(h.extractOutputValues()).containsExactly(2L);
        assertThat(h.getSideOutput(ODD)).containsExactly(new StreamRecord<>("odd 1", 5L));
        h.close();

        var k = KeyedOneInputStreamOperatorTestHarness.forKeyedProcess(new TimerToSide(), (Long v) -> v % 3);
        k.restoreAfterEveryElement(true);
        k.open();
        k.processElement(4L, 1L);
        k.processWatermark(100);
        assertThat(k.getSideOutput(ODD)).containsExactly(new StreamRecord<>("element 4", 1L), new StreamRecord<>("timer 1", 100L));
        k.close();
    }
}
