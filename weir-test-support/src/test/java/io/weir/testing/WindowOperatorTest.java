package io.weir.testing;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.windowing.ProcessAllWindowFunction;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple4;
import io.weir.api.util.Collector;
import io.weir.api.util.OutputTag;
import io.weir.api.windowing.EventTimeSessionWindows;
import io.weir.api.windowing.ProcessingTimeSessionWindows;
import io.weir.api.windowing.SlidingEventTimeWindows;
import io.weir.api.windowing.SlidingProcessingTimeWindows;
import io.weir.api.windowing.TimeWindow;
import io.weir.api.windowing.TumblingEventTimeWindows;
import io.weir.api.windowing.TumblingProcessingTimeWindows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The window operator for every assigner, each scenario run straight and restored into a fresh
 * instance after every element: window contents, pending timers and the watermark reached must all
 * be in the checkpoint for the outputs to match.
 */
class WindowOperatorTest {

    /** (key, value) elements. */
    private static DataStream<Tuple2<String, Integer>> input() {
        return StreamExecutionEnvironment.getExecutionEnvironment().fromElements(Tuple2.of("x", 0));
    }

    /** Counts elements and sums values. */
    static final class CountAndSum implements AggregateFunction<Tuple2<String, Integer>, Tuple2<Long, Long>, Tuple2<Long, Long>> {
        @Override
        public Tuple2<Long, Long> createAccumulator() {
            return Tuple2.of(0L, 0L);
        }

        @Override
        public Tuple2<Long, Long> add(Tuple2<String, Integer> value, Tuple2<Long, Long> acc) {
            acc.f0 += 1;
            acc.f1 += value.f1;
            return acc;
        }

        @Override
        public Tuple2<Long, Long> getResult(Tuple2<Long, Long> acc) {
            return acc;
        }

        @Override
        public Tuple2<Long, Long> merge(Tuple2<Long, Long> a, Tuple2<Long, Long> b) {
            return Tuple2.of(a.f0 + b.f0, a.f1 + b.f1);
        }
    }

    /** Emits (key, start, end, count) for an incremental (count, sum) result. */
    static final class Describe extends ProcessWindowFunction<Tuple2<Long, Long>, Tuple4<String, Long, Long, Long>, String, TimeWindow> {
        @Override
        public void process(String key, Context ctx, Iterable<Tuple2<Long, Long>> elements, Collector<Tuple4<String, Long, Long, Long>> out) {
            Tuple2<Long, Long> r = elements.iterator().next();
            out.collect(Tuple4.of(key, ctx.window().getStart(), ctx.window().getEnd(), r.f0));
        }
    }

    /** Emits (key, start, end, sum of values) from all elements. */
    static final class SumAll extends ProcessWindowFunction<Tuple2<String, Integer>, Tuple4<String, Long, Long, Long>, String, TimeWindow> {
        @Override
        public void process(String key, Context ctx, Iterable<Tuple2<String, Integer>> elements, Collector<Tuple4<String, Long, Long, Long>> out) {
            long sum = 0;
            for (Tuple2<String, Integer> e : elements) {
                sum += e.f1;
            }
            out.collect(Tuple4.of(key, ctx.window().getStart(), ctx.window().getEnd(), sum));
        }
    }

    /** Emits the window start followed by the values of the window's elements. */
    static final class StartAndValues extends ProcessAllWindowFunction<Tuple2<String, Integer>, List<Integer>, TimeWindow> {
        @Override
        public void process(Context ctx, Iterable<Tuple2<String, Integer>> elements, Collector<List<Integer>> out) {
            List<Integer> values = new ArrayList<>();
            values.add((int) ctx.window().getStart());
            elements.forEach(e -> values.add(e.f1));
            out.collect(values);
        }
    }

    private static <O> KeyedOneInputStreamOperatorTestHarness<String, Tuple2<String, Integer>, O> harness(DataStream<O> s, boolean restore)
            throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, Tuple2<String, Integer>, O> h = KeyedOneInputStreamOperatorTestHarness.forKeyedOperatorOf(s);
        h.restoreAfterEveryElement(restore);
        h.open();
        return h;
    }

    private static Tuple4<String, Long, Long, Long> r(String key, long start, long end, long value) {
        return Tuple4.of(key, start, end, value);
    }

    @ParameterizedTest(name = "restoreAfterEveryElement={0}")
    @ValueSource(booleans = {false, true})
    void tumblingEventTimeWindowsFireWhenTheWatermarkPassesTheirEnd(boolean restore) throws Exception {
        var h = harness(input().keyBy(t -> t.f0).window(TumblingEventTimeWindows.of(Duration.ofSeconds(1))).reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1)), restore);
        h.processElement(Tuple2.of("a", 1), 1000L);
        h.processElement(Tuple2.of("b", 5), 1200L);
        h.processElement(Tuple2.of("a", 2), 1500L);
        h.processElement(Tuple2.of("a", 3), 2100L);
        h.processWatermark(1998);
        assertThat(h.extractOutputValues()).isEmpty();
        h.processWatermark(1999);
        assertThat(h.getOutput()).containsExactlyInAnyOrder(new StreamRecord<>(Tuple2.of("a", 3), 1999L), new StreamRecord<>(Tuple2.of("b", 5), 1999L));
        h.processElement(Tuple2.of("b", 7), 2500L);
        h.processWatermark(Long.MAX_VALUE);
        assertThat(h.extractOutputValues()).containsExactlyInAnyOrder(Tuple2.of("a", 3), Tuple2.of("b", 5), Tuple2.of("a", 3), Tuple2.of("b", 7));
        assertThat(h.getWatermarks()).containsExactly(1998L, 1999L, Long.MAX_VALUE);
        h.close();
    }

    @ParameterizedTest(name = "restoreAfterEveryElement={0}")
    @ValueSource(booleans = {false, true})
    void tumblingWindowsWithOffsetAggregateIncrementallyAndPassTheResultToTheWindowFunction(boolean restore) throws Exception {
        var h = harness(input().keyBy(t -> t.f0).window(TumblingEventTimeWindows.of(Duration.ofMillis(100), Duration.ofMillis(10)))
                .aggregate(new CountAndSum(), new Describe()), restore);
        h.processElement(Tuple2.of("a", 1), 5L);
        h.processElement(Tuple2.of("a", 1), 10L);
        h.processElement(Tuple2.of("a", 1), 109L);
        h.processElement(Tuple2.of("a", 1), 110L);
        h.processElement(Tuple2.of("a", 1), -85L);
        h.processWatermark(Long.MAX_VALUE);
        assertThat(h.getOutput()).containsExactly(
                new StreamRecord<>(r("a", -90, 10, 2), 9L),
                new StreamRecord<>(r("a", 10, 110, 2), 109L),
                new StreamRecord<>(r("a", 110, 210, 1), 209L));
        h.close();
    }

    @ParameterizedTest(name = "restoreAfterEveryElement={0}")
    @ValueSource(booleans = {false, true})
    void slidingEventTimeWindowsPutAnElementIntoEveryWindowThatCoversIt(boolean restore) throws Exception {
        var h = harness(input().keyBy(t -> t.f0).window(SlidingEventTimeWindows.of(Duration.ofMillis(1000), Duration.ofMillis(500)))
                .aggregate(new CountAndSum(), new Describe()), restore);
        h.processElement(Tuple2.of("a", 1), 1200L);
        h.processElement(Tuple2.of("a", 1), 1700L);
        h.processWatermark(1499);
        assertThat(h.extractOutputValues()).containsExactly(r("a", 500, 1500, 1));
        h.processElement(Tuple2.of("b", 1), 1800L);
        h.processWatermark(1999);
        assertThat(h.extractOutputValues()).containsExactlyInAnyOrder(r("a", 500, 1500, 1), r("a", 1000, 2000, 2), r("b", 1000, 2000, 1));
        h.processWatermark(2499);
        assertThat(h.extractOutputValues()).hasSize(5).contains(r("a", 1500, 2500, 1), r("b", 1500, 2500, 1));
        h.close();
    }

    @ParameterizedTest(name = "restoreAfterEveryElement={0}")
    @ValueSource(booleans = {false, true})
    void sessionWindowsMergeWhenAnElementBridgesThem(boolean restore) throws Exception {
        var h = harness(input().keyBy(t -> t.f0).window(EventTimeSessionWindows.withGap(Duration.ofMillis(1000))).process(new SumAll()), restore);
        h.processElement(Tuple2.of("a", 1), 0L);       // [0, 1000)
        h.processElement(Tuple2.of("a", 2), 500L);     // [0, 1500)
        h.processElement(Tuple2.of("a", 4), 3000L);    // [3000, 4000)
        h.processElement(Tuple2.of("a", 8), 2200L);    // [2200, 4000)
        h.processElement(Tuple2.of("b", 100), 100L);   // b: [100, 1100)
        h.processWatermark(1499);
        assertThat(h.extractOutputValues()).containsExactly(r("b", 100, 1100, 100), r("a", 0, 1500, 3));
        h.processElement(Tuple2.of("a", 16), 1600L);   // [1600, 2600) bridges into [1600, 4000)
        h.processWatermark(3998);
        assertThat(h.extractOutputValues()).hasSize(2);
        h.processWatermark(3999);
        assertThat(h.getOutput()).last().isEqualTo(new StreamRecord<>(r("a", 1600, 4000, 28), 3999L));
        h.close();
    }

    @ParameterizedTest(name = "restoreAfterEveryElement={0}")
    @ValueSource(booleans = {false, true})
    void sessionWindowsMergeAccumulators(boolean restore) throws Exception {
        var h = harness(input().keyBy(t -> t.f0).window(EventTimeSessionWindows.withGap(Duration.ofMillis(10)))
                .aggregate(new CountAndSum(), new Describe()), restore);
        h.processElement(Tuple2.of("a", 1), 0L);
        h.processElement(Tuple2.of("a", 1), 30L);
        h.processElement(Tuple2.of("a", 1), 15L);     // [15,25) alone: touches neither [0,10) nor [30,40)
        h.processElement(Tuple2.of("a", 1), 10L);     // [10,20) touches [0,10) and [15,25) -> [0,25)
        h.processElement(Tuple2.of("a", 1), 25L);     // [25,35) touches [0,25) and [30,40) -> [0,40)
        h.processWatermark(Long.MAX_VALUE);
        assertThat(h.extractOutputValues()).containsExactly(r("a", 0, 40, 5));
        h.close();
    }

    @ParameterizedTest(name = "restoreAfterEveryElement={0}")
    @ValueSource(booleans = {false, true})
    void processingTimeWindowsFireWhenTheClockReachesTheirEnd(boolean restore) throws Exception {
        var h = harness(input().keyBy(t -> t.f0).window(TumblingProcessingTimeWindows.of(Duration.ofSeconds(1)))
                .aggregate(new CountAndSum(), new Describe()), restore);
        h.setProcessingTime(10);
        h.processElement(Tuple2.of("a", 1));
        h.processElement(Tuple2.of("b", 1), 123_456L); // event timestamps do not matter
        h.setProcessingTime(500);
        h.processElement(Tuple2.of("a", 1));
        h.setProcessingTime(999);
        assertThat(h.extractOutputValues()).isEmpty(); // fires once the clock has passed the window's last millisecond
        h.setProcessingTime(1005);
        assertThat(h.getOutput()).containsExactlyInAnyOrder(new StreamRecord<>(r("a", 0, 1000, 2), 999L), new StreamRecord<>(r("b", 0, 1000, 1), 999L));
        h.processElement(Tuple2.of("a", 1));
        h.setProcessingTime(2000);
        assertThat(h.extractOutputValues()).hasSize(3).contains(r("a", 1000, 2000, 1));
        h.close();
    }

    @ParameterizedTest(name = "restoreAfterEveryElement={0}")
    @ValueSource(booleans = {false, true})
    void slidingAndSessionProcessingTimeWindows(boolean restore) throws Exception {
        var sliding = harness(input().keyBy(t -> t.f0).window(SlidingProcessingTimeWindows.of(Duration.ofMillis(100), Duration.ofMillis(50)))
                .aggregate(new CountAndSum(), new Describe()), restore);
        sliding.setProcessingTime(120);
        sliding.processElement(Tuple2.of("a", 1));
        sliding.setProcessingTime(1000);
        assertThat(sliding.extractOutputValues()).containsExactly(r("a", 50, 150, 1), r("a", 100, 200, 1));
        sliding.close();

        var sessions = harness(input().keyBy(t -> t.f0).window(ProcessingTimeSessionWindows.withGap(Duration.ofMillis(100)))
                .aggregate(new CountAndSum(), new Describe()), restore);
        sessions.setProcessingTime(0);
        sessions.processElement(Tuple2.of("a", 1));
        sessions.setProcessingTime(60);
        sessions.processElement(Tuple2.of("a", 1));
        sessions.setProcessingTime(159);
        assertThat(sessions.extractOutputValues()).isEmpty(); // [0, 160) fires at 160
        sessions.setProcessingTime(160);
        assertThat(sessions.extractOutputValues()).containsExactly(r("a", 0, 160, 2));
        sessions.close();
    }

    @ParameterizedTest(name = "restoreAfterEveryElement={0}")
    @ValueSource(booleans = {false, true})
    void lateElementsWithinTheAllowedLatenessFireTheWindowAgainAndLaterOnesGoToTheSideOutput(boolean restore) throws Exception {
        OutputTag<Tuple2<String, Integer>> late = new OutputTag<>("late");
        var h = harness(input().keyBy(t -> t.f0).window(TumblingEventTimeWindows.of(Duration.ofMillis(1000)))
                .allowedLateness(Duration.ofMillis(500)).sideOutputLateData(late)
                .aggregate(new CountAndSum(), new Describe()), restore);
        h.processElement(Tuple2.of("a", 1), 100L);
        h.processWatermark(999);
        assertThat(h.extractOutputValues()).containsExactly(r("a", 0, 1000, 1));
        h.processElement(Tuple2.of("a", 1), 200L);  // late, within the allowed lateness: fires at once
        assertThat(h.extractOutputValues()).containsExactly(r("a", 0, 1000, 1), r("a", 0, 1000, 2));
        h.processWatermark(1499);                   // purges [0, 1000)
        h.processElement(Tuple2.of("a", 1), 300L);  // too late: side output, kept late after a restore
        h.processElement(Tuple2.of("a", 1), 1600L);
        assertThat(h.getSideOutput(late)).containsExactly(new StreamRecord<>(Tuple2.of("a", 1), 300L));
        assertThat(h.getMetric("numLateRecords")).isEqualTo(1);
        assertThat(h.getMetric("numLateRecordsDropped")).isZero();
        h.processWatermark(Long.MAX_VALUE);
        assertThat(h.extractOutputValues()).containsExactly(r("a", 0, 1000, 1), r("a", 0, 1000, 2), r("a", 1000, 2000, 1));
        h.close();
    }

    @ParameterizedTest(name = "restoreAfterEveryElement={0}")
    @ValueSource(booleans = {false, true})
    void lateElementsWithoutASideOutputAreDroppedAndCounted(boolean restore) throws Exception {
        var h = harness(input().keyBy(t -> t.f0).window(TumblingEventTimeWindows.of(Duration.ofMillis(1000)))
                .aggregate(new CountAndSum(), new Describe()), restore);
        h.processWatermark(5000);
        h.processElement(Tuple2.of("a", 1), 4000L);
        h.processElement(Tuple2.of("a", 1), 4999L);
        h.processElement(Tuple2.of("a", 1), 5000L);
        h.processWatermark(Long.MAX_VALUE);
        assertThat(h.extractOutputValues()).containsExactly(r("a", 5000, 6000, 1));
        assertThat(h.getMetric("numLateRecordsDropped")).isEqualTo(2);
        h.close();
    }

    @ParameterizedTest(name = "restoreAfterEveryElement={0}")
    @ValueSource(booleans = {false, true})
    void windowAllSeesEveryElementInOneWindowOperator(boolean restore) throws Exception {
        DataStream<List<Integer>> s = input().windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(10))).process(new StartAndValues());
        assertThat(s.getTransformation().getParallelism()).isEqualTo(1);
        OneInputStreamOperatorTestHarness<Tuple2<String, Integer>, List<Integer>> h = OneInputStreamOperatorTestHarness.forOperatorOf(s);
        h.restoreAfterEveryElement(restore);
        h.open();
        h.processElement(Tuple2.of("a", 1), 1L);
        h.processElement(Tuple2.of("b", 2), 2L);
        h.processElement(Tuple2.of("c", 3), 12L);
        h.processWatermark(Long.MAX_VALUE);
        assertThat(h.extractOutputValues()).containsExactly(List.of(0, 1, 2), List.of(10, 3));
        h.close();
    }

    @Test
    void aRecordWithoutATimestampInAnEventTimeWindowFailsNamingTheOperatorAndTheFix() throws Exception {
        var h = harness(input().keyBy(t -> t.f0).window(TumblingEventTimeWindows.of(Duration.ofSeconds(1))).aggregate(new CountAndSum()), false);
        assertThatThrownBy(() -> h.processElement(Tuple2.of("a", 1)))
                .hasMessageContaining("operator under test")
                .hasMessageContaining("without a timestamp")
                .hasMessageContaining("assignTimestampsAndWatermarks");
        h.close();
    }
}
