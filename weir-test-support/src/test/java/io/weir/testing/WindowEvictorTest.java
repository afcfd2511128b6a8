package io.weir.testing;

import io.weir.api.datastream.DataStream;
import io.weir.api.functions.windowing.ProcessAllWindowFunction;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.util.Collector;
import io.weir.api.util.OutputTag;
import io.weir.api.windowing.EventTimeSessionWindows;
import io.weir.api.windowing.GlobalWindow;
import io.weir.api.windowing.GlobalWindows;
import io.weir.api.windowing.ProcessingTimeSessionWindows;
import io.weir.api.windowing.TimeWindow;
import io.weir.api.windowing.TumblingEventTimeWindows;
import io.weir.api.windowing.evictors.CountEvictor;
import io.weir.api.windowing.evictors.DeltaEvictor;
import io.weir.api.windowing.evictors.TimeEvictor;
import io.weir.api.windowing.triggers.CountTrigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static io.weir.testing.WindowTriggerTest.SUM;
import static io.weir.testing.WindowTriggerTest.harness;
import static io.weir.testing.WindowTriggerTest.input;
import static io.weir.testing.WindowTriggerTest.keyed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Evictors, count windows, dynamic session gaps and per-window state on the window operator, each against
 * a hand-computed output, run straight and restored into a fresh instance after every element.
 */
@Timeout(120)
class WindowEvictorTest {

    @ParameterizedTest(name = "restoreAfterEveryElement={0}")
    @ValueSource(booleans = {false, true})
    void countEvictorKeepsTheLastElementsBeforeOrAfterTheFunction(boolean restore) throws Exception {
        for (boolean after : new boolean[] {false, true}) {
            var h = harness(keyed().window(GlobalWindows.create()).trigger(CountTrigger.of(2))
                    .evictor(after ? CountEvictor.of(2, true) : CountEvictor.of(3)).process(new WindowTriggerTest.Values<>()), restore);
            for (int v = 1; v <= 6; v++) {
                h.processElement(Tuple2.of("a", v));
            }
            assertThat(h.extractOutputValues()).as(after ? "2, after" : "3, before").containsExactly(
                    List.of(1, 2), after ? List.of(1, 2, 3, 4) : List.of(2, 3, 4), after ? List.of(3, 4, 5, 6) : List.of(4, 5, 6));
            h.close();
        }
    }

    @ParameterizedTest(name = "restoreAfterEveryElement={0}")
    @ValueSource(booleans = {false, true})
    void timeEvictorKeepsTheElementsOfTheLastSpanOfEventTimeAcrossLateFirings(boolean restore) throws Exception {
        var h = harness(keyed().window(TumblingEventTimeWindows.of(Duration.ofMillis(100))).evictor(TimeEvictor.of(Duration.ofMillis(10)))
                .allowedLateness(Duration.ofMillis(100)).process(new WindowTriggerTest.Values<>()), restore);
        h.processElement(Tuple2.of("a", 1), 5L);
        h.processElement(Tuple2.of("a", 2), 50L);
        h.processElement(Tuple2.of("a", 3), 85L);
        h.processElement(Tuple2.of("a", 4), 91L);
        h.processWatermark(99);                      // newest 91: evicts what is at or before 81
        h.processElement(Tuple2.of("a", 5), 60L);    // late firing: 60 is evicted at once
        h.processElement(Tuple2.of("a", 6), 95L);    // newest 95: 85 goes too
        h.processWatermark(199);
        assertThat(h.extractOutputValues()).containsExactly(List.of(3, 4), List.of(3, 4), List.of(4, 6));
        h.close();
    }

    @ParameterizedTest(name = "restoreAfterEveryElement={0}")
    @ValueSource(booleans = {false, true})
    void deltaEvictorRemovesTheElementsFarFromTheNewest(boolean restore) throws Exception {
        var h = harness(keyed().window(GlobalWindows.create()).trigger(CountTrigger.of(4))
                .evictor(DeltaEvictor.<Tuple2<String, Integer>, GlobalWindow>of(5, (a, b) -> Math.abs(a.f1 - b.f1)))
                .process(new WindowTriggerTest.Values<>()), restore);
        for (int v : new int[] {1, 10, 12, 8}) {
            h.processElement(Tuple2.of("a", v));
        }
        assertThat(h.extractOutputValues()).containsExactly(List.of(10, 12, 8));
        h.close();
    }

    @ParameterizedTest(name = "restoreAfterEveryElement={0}")
    @ValueSource(booleans = {false, true})
    void countWindowsTumbleAndSlidePerKey(boolean restore) throws Exception {
        var tumbling = harness(keyed().countWindow(3).reduce(SUM), restore);
        var sliding = harness(keyed().countWindow(3, 2).sum(1), restore);
        var slidingCount = harness(keyed().countWindow(3, 2).aggregate(new WindowOperatorTest.CountAndSum()), restore);
        for (var h : List.of(tumbling, sliding, slidingCount)) {
            for (int v = 1; v <= 6; v++) {
                h.processElement(Tuple2.of("a", v));
                if (v <= 3) {
                    h.processElement(Tuple2.of("b", 10 * v));
                }
            }
        }
        assertThat(tumbling.extractOutputValues()).containsExactly(Tuple2.of("a", 6), Tuple2.of("b", 60), Tuple2.of("a", 15));
        // every 2 elements of a key, the last 3 of them (b's third element is alone since its last firing)
        assertThat(sliding.extractOutputValues()).containsExactly(Tuple2.of("a", 3), Tuple2.of("b", 30), Tuple2.of("a", 9), Tuple2.of("a", 15));
        assertThat(slidingCount.extractOutputValues()).extracting(r -> r.f0).containsExactly(2L, 2L, 3L, 3L);
        for (var h : List.of(tumbling, sliding, slidingCount)) {
            h.close();
        }
    }

    @ParameterizedTest(name = "restoreAfterEveryElement={0}")
    @ValueSource(booleans = {false, true})
    void countWindowAllTumblesAndSlidesOverTheWholeStream(boolean restore) throws Exception {
        for (boolean slide : new boolean[] {false, true}) {
            DataStream<Tuple2<String, Integer>> s = slide ? input().countWindowAll(3, 1).reduce(SUM) : input().countWindowAll(2).reduce(SUM);
            assertThat(s.getTransformation().getParallelism()).isEqualTo(1);
            OneInputStreamOperatorTestHarness<Tuple2<String, Integer>, Tuple2<String, Integer>> h = OneInputStreamOperatorTestHarness.forOperatorOf(s);
            h.restoreAfterEveryElement(restore);
            h.open();
            for (int v = 1; v <= 4; v++) {
                h.processElement(Tuple2.of(v % 2 == 0 ? "a" : "b", v));
            }
            List<Integer> sums = h.extractOutputValues().stream().map(t -> t.f1).toList();
            assertThat(sums).as(slide ? "sliding" : "tumbling").isEqualTo(slide ? List.of(1, 3, 6, 9) : List.of(3, 7));
            h.close();
        }
    }

    @ParameterizedTest(name = "restoreAfterEveryElement={0}")
    @ValueSource(booleans = {false, true})
    void processingTimeSessionsWithADynamicGap(boolean restore) throws Exception {
        var h = harness(keyed().window(ProcessingTimeSessionWindows.withDynamicGap((Tuple2<String, Integer> e) -> (long) e.f1))
                .process(new WindowTriggerTest.Described()), restore);
        h.setProcessingTime(0);
        h.processElement(Tuple2.of("a", 100));      // [0, 100)
        h.setProcessingTime(60);
        h.processElement(Tuple2.of("a", 50));       // [60, 110): merged into [0, 110)
        h.setProcessingTime(109);
        assertThat(h.extractOutputValues()).isEmpty();
        h.setProcessingTime(110);
        assertThat(h.extractOutputValues()).containsExactly("0-110:[100, 50]");
        assertThatThrownBy(() -> h.processElement(Tuple2.of("a", 0))).rootCause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("session gap must be positive");
        h.close();
    }

    /** Emits "key@start:firings of the window/firings of the key"; on clear, the window's count to a side output. */
    static final class Firings extends ProcessWindowFunction<Tuple2<String, Integer>, String, String, TimeWindow> {
        static final OutputTag<String> CLEARED = new OutputTag<>("cleared");
        private final ValueStateDescriptor<Integer> perWindow = new ValueStateDescriptor<>("firings", Integer.class);
        private final ValueStateDescriptor<Integer> perKey = new ValueStateDescriptor<>("allFirings", Integer.class);

        @Override
        public void process(String key, Context ctx, Iterable<Tuple2<String, Integer>> elements, Collector<String> out) throws Exception {
            out.collect(key + "@" + ctx.window().getStart() + ":" + increment(ctx.windowState().getState(perWindow)) + "/"
                    + increment(ctx.globalState().getState(perKey)));
        }

        private static int increment(ValueState<Integer> s) throws Exception {
            int n = (s.value() == null ? 0 : s.value()) + 1;
            s.update(n);
            return n;
        }

        @Override
        public void clear(Context ctx) throws Exception {
            ValueState<Integer> s = ctx.windowState().getState(perWindow);
            ctx.output(CLEARED, ctx.window().getStart() + ":" + s.value());
            s.clear();
        }
    }

    @ParameterizedTest(name = "restoreAfterEveryElement={0}")
    @ValueSource(booleans = {false, true})
    void windowStateIsPerKeyAndWindowAndGlobalStatePerKey(boolean restore) throws Exception {
        var h = harness(keyed().window(TumblingEventTimeWindows.of(Duration.ofMillis(100))).trigger(CountTrigger.of(1)).process(new Firings()),
                restore);
        h.processElement(Tuple2.of("a", 0), 1L);
        h.processElement(Tuple2.of("a", 0), 2L);
        h.processElement(Tuple2.of("b", 0), 3L);
        h.processElement(Tuple2.of("a", 0), 150L);
        h.processElement(Tuple2.of("a", 0), 4L);
        assertThat(h.extractOutputValues()).containsExactly("a@0:1/1", "a@0:2/2", "b@0:1/1", "a@100:1/3", "a@0:3/4");
        h.processWatermark(99);                     // cleanup of [0, 100): clear sees the window's state
        assertThat(h.getSideOutput(Firings.CLEARED)).extracting(StreamRecord::value).containsExactlyInAnyOrder("0:3", "0:1");
        h.processWatermark(199);
        assertThat(h.getSideOutput(Firings.CLEARED)).extracting(StreamRecord::value).containsExactlyInAnyOrder("0:3", "0:1", "100:1");
        h.close();
    }

    /** Emits the number of times its window fired, from per-window state. */
    static final class AllFirings extends ProcessAllWindowFunction<Tuple2<String, Integer>, Integer, TimeWindow> {
        private final ValueStateDescriptor<Integer> firings = new ValueStateDescriptor<>("firings", Integer.class);

        @Override
        public void process(Context ctx, Iterable<Tuple2<String, Integer>> elements, Collector<Integer> out) throws Exception {
            ValueState<Integer> s = ctx.windowState().getState(firings);
            s.update(s.value() == null ? 1 : s.value() + 1);
            out.collect(s.value());
        }
    }

    @ParameterizedTest(name = "restoreAfterEveryElement={0}")
    @ValueSource(booleans = {false, true})
    void windowAllHasPerWindowStateToo(boolean restore) throws Exception {
        DataStream<Integer> s = input().windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(10))).trigger(CountTrigger.of(1))
                .process(new AllFirings());
        OneInputStreamOperatorTestHarness<Tuple2<String, Integer>, Integer> h = OneInputStreamOperatorTestHarness.forOperatorOf(s);
        h.restoreAfterEveryElement(restore);
        h.open();
        h.processElement(Tuple2.of("a", 0), 1L);
        h.processElement(Tuple2.of("b", 0), 2L);
        h.processElement(Tuple2.of("c", 0), 12L);
        h.processElement(Tuple2.of("d", 0), 3L);
        assertThat(h.extractOutputValues()).containsExactly(1, 2, 1, 3);
        h.close();
    }

    @Test
    void windowStateOfMergingWindowsIsRefusedAsInFlink() throws Exception {
        var h = harness(keyed().window(EventTimeSessionWindows.withGap(Duration.ofMillis(10))).process(new Firings()), false);
        h.processElement(Tuple2.of("a", 0), 1L);
        assertThatThrownBy(() -> h.processWatermark(100)).rootCause().isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("merging windows");
        h.close();
    }
}
