package io.weir.testing;

import io.weir.api.datastream.CoGroupedStreams.TaggedUnion;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.KeyedStream;
import io.weir.api.datastream.WindowedStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.util.Collector;
import io.weir.api.util.OutputTag;
import io.weir.api.windowing.EventTimeSessionWindows;
import io.weir.api.windowing.GlobalWindow;
import io.weir.api.windowing.GlobalWindows;
import io.weir.api.windowing.TimeWindow;
import io.weir.api.windowing.TumblingEventTimeWindows;
import io.weir.api.windowing.TumblingProcessingTimeWindows;
import io.weir.api.windowing.Window;
import io.weir.api.windowing.triggers.ContinuousEventTimeTrigger;
import io.weir.api.windowing.triggers.ContinuousProcessingTimeTrigger;
import io.weir.api.windowing.triggers.CountTrigger;
import io.weir.api.windowing.triggers.EventTimeTrigger;
import io.weir.api.windowing.triggers.PurgingTrigger;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.triggers.TriggerResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Triggers on the window operator, each against a hand-computed output, run straight and restored into a
 * fresh instance after every element (so trigger state, per-window timers and window contents must all
 * be in the checkpoint for the outputs to match).
 */
@Timeout(120)
class WindowTriggerTest {

    static DataStream<Tuple2<String, Integer>> input() {
        return StreamExecutionEnvironment.getExecutionEnvironment().fromElements(Tuple2.of("x", 0));
    }

    static KeyedStream<Tuple2<String, Integer>, String> keyed() {
        return input().keyBy(t -> t.f0);
    }

    static <O> KeyedOneInputStreamOperatorTestHarness<String, Tuple2<String, Integer>, O> harness(DataStream<O> s, boolean restore)
            throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, Tuple2<String, Integer>, O> h = KeyedOneInputStreamOperatorTestHarness.forKeyedOperatorOf(s);
        h.restoreAfterEveryElement(restore);
        h.open();
        return h;
    }

    static final ReduceFunction<Tuple2<String, Integer>> SUM = (a, b) -> Tuple2.of(a.f0, a.f1 + b.f1);

    /** Emits the values of the window's elements, in order. */
    static final class Values<W extends Window> extends ProcessWindowFunction<Tuple2<String, Integer>, List<Integer>, String, W> {
        @Override
        public void process(String key, Context ctx, Iterable<Tuple2<String, Integer>> elements, Collector<List<Integer>> out) {
            List<Integer> values = new ArrayList<>();
            elements.forEach(e -> values.add(e.f1));
            out.collect(values);
        }
    }

    /** Emits "start-end:[values]". */
    static final class Described extends ProcessWindowFunction<Tuple2<String, Integer>, String, String, TimeWindow> {
        @Override
        public void process(String key, Context ctx, Iterable<Tuple2<String, Integer>> elements, Collector<String> out) {
            List<Integer> values = new ArrayList<>();
            elements.forEach(e -> values.add(e.f1));
            out.collect(ctx.window().getStart() + "-" + ctx.window().getEnd() + ":" + values);
        }
    }

    @ParameterizedTest(name = "restoreAfterEveryElement={0}")
    @ValueSource(booleans = {false, true})
    void countTriggerFiresEveryNElementsKeepsTheContentsAndIgnoresTime(boolean restore) throws Exception {
        var h = harness(keyed().window(TumblingEventTimeWindows.of(Duration.ofMillis(100))).trigger(CountTrigger.of(2)).reduce(SUM), restore);
        h.processElement(Tuple2.of("a", 1), 1L);
        h.processElement(Tuple2.of("a", 2), 2L);     // 2 elements: fires 1 + 2
        h.processElement(Tuple2.of("a", 3), 3L);
        h.processWatermark(99);                      // the end of the window does not fire it; its cleanup drops it
        h.processElement(Tuple2.of("a", 4), 4L);     // late: dropped
        h.processElement(Tuple2.of("a", 5), 150L);
        h.processElement(Tuple2.of("a", 6), 160L);   // fires [100, 200): 5 + 6
        assertThat(h.getOutput()).containsExactly(new StreamRecord<>(Tuple2.of("a", 3), 99L), new StreamRecord<>(Tuple2.of("a", 11), 199L));
        h.close();
    }

    @ParameterizedTest(name = "restoreAfterEveryElement={0}")
    @ValueSource(booleans = {false, true})
    void purgingTriggerEvaluatesOnlyTheElementsSinceTheLastFiring(boolean restore) throws Exception {
        for (boolean purging : new boolean[] {false, true}) {
            Trigger<Object, GlobalWindow> count = CountTrigger.of(2);
            var h = harness(keyed().window(GlobalWindows.create()).trigger(purging ? PurgingTrigger.of(count) : count).reduce(SUM), restore);
            for (int v = 1; v <= 5; v++) {
                h.processElement(Tuple2.of("a", v), (long) v);
            }
            h.processWatermark(Long.MAX_VALUE);
            assertThat(h.extractOutputValues()).as(purging ? "purging" : "plain")
                    .containsExactly(Tuple2.of("a", 3), Tuple2.of("a", purging ? 7 : 10));
            assertThat(h.getOutput().get(0).timestamp()).isEqualTo(Long.MAX_VALUE);
            h.close();
        }
    }

    @ParameterizedTest(name = "restoreAfterEveryElement={0}")
    @ValueSource(booleans = {false, true})
    void continuousEventTimeTriggerFiresEveryIntervalAndAtTheEnd(boolean restore) throws Exception {
        var h = harness(keyed().window(TumblingEventTimeWindows.of(Duration.ofMillis(40)))
                .trigger(ContinuousEventTimeTrigger.of(Duration.ofMillis(10))).reduce(SUM), restore);
        h.processElement(Tuple2.of("a", 1), 5L);     // first early firing at 10
        h.processElement(Tuple2.of("a", 2), 12L);
        h.processWatermark(10);                      // 1 + 2; next at 20
        h.processWatermark(25);                      // 3 again; next at 30
        h.processElement(Tuple2.of("a", 4), 25L);
        h.processWatermark(39);                      // at 30: 7, next at min(40, 39) = 39; at 39 the end: 7 once
        h.processWatermark(100);
        assertThat(h.extractOutputValues()).containsExactly(Tuple2.of("a", 3), Tuple2.of("a", 3), Tuple2.of("a", 7), Tuple2.of("a", 7));
        h.close();
    }

    @ParameterizedTest(name = "restoreAfterEveryElement={0}")
    @ValueSource(booleans = {false, true})
    void continuousProcessingTimeTriggerFiresEveryIntervalUpToTheEnd(boolean restore) throws Exception {
        var h = harness(keyed().window(TumblingProcessingTimeWindows.of(Duration.ofMillis(40)))
                .trigger(ContinuousProcessingTimeTrigger.of(Duration.ofMillis(10))).reduce(SUM), restore);
        h.setProcessingTime(3);
        h.processElement(Tuple2.of("a", 1));         // first firing at 10, once the clock has passed it
        h.setProcessingTime(10);
        assertThat(h.extractOutputValues()).isEmpty();
        h.setProcessingTime(11);                     // 1; next at 20
        h.setProcessingTime(15);
        h.processElement(Tuple2.of("a", 2));
        h.setProcessingTime(21);                     // 3; next at 30
        h.setProcessingTime(31);                     // 3; next at min(40, 39) = 39
        h.setProcessingTime(45);                     // 3 at 39, the window's last; then it is cleaned up
        h.setProcessingTime(200);
        assertThat(h.extractOutputValues()).containsExactly(Tuple2.of("a", 1), Tuple2.of("a", 3), Tuple2.of("a", 3), Tuple2.of("a", 3));
        h.close();
    }

    /** A trigger that ignores time: its timers (none) do nothing. */
    abstract static class ElementTrigger<T, W extends Window> extends Trigger<T, W> {
        @Override
        public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }
    }

    /** Counts its elements in partitioned state and fires (purging) when they add up to 10, else at the window's end. */
    static final class SumThreshold extends Trigger<Tuple2<String, Integer>, TimeWindow> {
        private final ValueStateDescriptor<Integer> sum = new ValueStateDescriptor<>("sum", Integer.class);

        @Override
        public TriggerResult onElement(Tuple2<String, Integer> element, long timestamp, TimeWindow window, TriggerContext ctx) throws Exception {
            ValueState<Integer> s = ctx.getPartitionedState(sum);
            int total = (s.value() == null ? 0 : s.value()) + element.f1;
            if (total >= 10) {
                s.clear();
                return TriggerResult.FIRE_AND_PURGE;
            }
            s.update(total);
            ctx.registerEventTimeTimer(window.maxTimestamp());
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) {
            return time == window.maxTimestamp() ? TriggerResult.FIRE_AND_PURGE : TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public void clear(TimeWindow window, TriggerContext ctx) {
            ctx.getPartitionedState(sum).clear();
            ctx.deleteEventTimeTimer(window.maxTimestamp());
        }
    }

    @ParameterizedTest(name = "restoreAfterEveryElement={0}")
    @ValueSource(booleans = {false, true})
    void aCustomTriggersPartitionedStateAndTimersArePerKeyAndWindowAndSurviveARestore(boolean restore) throws Exception {
        var h = harness(keyed().window(TumblingEventTimeWindows.of(Duration.ofMillis(100))).trigger(new SumThreshold()).process(new Values<>()),
                restore);
        h.processElement(Tuple2.of("a", 4), 1L);
        h.processElement(Tuple2.of("a", 5), 2L);     // 9
        h.processElement(Tuple2.of("b", 7), 5L);     // b has its own sum
        h.processElement(Tuple2.of("a", 6), 150L);   // [100, 200) has its own sum
        h.processElement(Tuple2.of("a", 3), 3L);     // 12: fires and purges [0, 100) of a
        assertThat(h.extractOutputValues()).containsExactly(List.of(4, 5, 3));
        h.processElement(Tuple2.of("a", 2), 4L);
        h.processWatermark(99);                      // the timers at the end: a's remainder and b
        assertThat(h.extractOutputValues()).containsExactlyInAnyOrder(List.of(4, 5, 3), List.of(2), List.of(7));
        h.processWatermark(199);
        assertThat(h.extractOutputValues()).hasSize(4).last().isEqualTo(List.of(6));
        h.close();
    }

    /** Counts elements in reducing state; purges at a negative element, fires at the fifth element. */
    static final class PurgeOnNegative extends ElementTrigger<Tuple2<String, Integer>, GlobalWindow> {
        private final ReducingStateDescriptor<Long> count = new ReducingStateDescriptor<>("n", Long::sum, Long.class);

        @Override
        public TriggerResult onElement(Tuple2<String, Integer> element, long timestamp, GlobalWindow window, TriggerContext ctx) throws Exception {
            ReducingState<Long> n = ctx.getPartitionedState(count);
            n.add(1L);
            if (element.f1 < 0) {
                return TriggerResult.PURGE;
            }
            return n.get() == 5 ? TriggerResult.FIRE : TriggerResult.CONTINUE;
        }

        @Override
        public void clear(GlobalWindow window, TriggerContext ctx) {
            ctx.getPartitionedState(count).clear();
        }
    }

    @ParameterizedTest(name = "restoreAfterEveryElement={0}")
    @ValueSource(booleans = {false, true})
    void purgeDropsTheContentsButNotTheTriggersState(boolean restore) throws Exception {
        var h = harness(keyed().window(GlobalWindows.create()).trigger(new PurgeOnNegative()).process(new Values<>()), restore);
        for (int v : new int[] {1, 2, -5, 4, 5, 6}) {
            h.processElement(Tuple2.of("a", v));
        }
        assertThat(h.extractOutputValues()).containsExactly(List.of(4, 5)); // the count went on across the purge
        h.close();
    }

    @ParameterizedTest(name = "restoreAfterEveryElement={0}")
    @ValueSource(booleans = {false, true})
    void lateElementsWithinTheAllowedLatenessReachACustomTriggerAndLaterOnesTheSideOutput(boolean restore) throws Exception {
        OutputTag<Tuple2<String, Integer>> late = new OutputTag<>("late");
        var h = harness(keyed().window(TumblingEventTimeWindows.of(Duration.ofMillis(1000))).trigger(CountTrigger.of(2))
                .allowedLateness(Duration.ofMillis(500)).sideOutputLateData(late).reduce(SUM), restore);
        h.processElement(Tuple2.of("a", 1), 100L);
        h.processWatermark(999);                     // the end: a count trigger does not fire
        h.processElement(Tuple2.of("a", 2), 200L);   // late but within the lateness: counted, fires 1 + 2
        h.processElement(Tuple2.of("a", 4), 300L);
        h.processWatermark(1499);                    // cleanup: [0, 1000) is gone with its 4 and its count
        h.processElement(Tuple2.of("a", 8), 400L);   // too late
        h.processElement(Tuple2.of("a", 16), 1600L);
        h.processElement(Tuple2.of("a", 32), 1700L); // [1000, 2000): 16 + 32
        assertThat(h.extractOutputValues()).containsExactly(Tuple2.of("a", 3), Tuple2.of("a", 48));
        assertThat(h.getSideOutput(late)).containsExactly(new StreamRecord<>(Tuple2.of("a", 8), 400L));
        assertThat(h.getMetric("numLateRecords")).isEqualTo(1);
        h.close();
    }

    @ParameterizedTest(name = "restoreAfterEveryElement={0}")
    @ValueSource(booleans = {false, true})
    void sessionsWithADynamicGapMergeTheCountsOfAMergingTrigger(boolean restore) throws Exception {
        var h = harness(keyed().window(EventTimeSessionWindows.withDynamicGap((Tuple2<String, Integer> e) -> (long) e.f1))
                .trigger(CountTrigger.of(3)).process(new Described()), restore);
        h.processElement(Tuple2.of("a", 10), 0L);    // [0, 10), count 1
        h.processElement(Tuple2.of("a", 10), 30L);   // [30, 40), count 1
        h.processElement(Tuple2.of("b", 100), 5L);   // b: [5, 105)
        h.processElement(Tuple2.of("a", 25), 8L);    // [8, 33) bridges them: [0, 40), counts 1 + 1, then this element: 3
        assertThat(h.extractOutputValues()).containsExactly("0-40:[10, 10, 25]");
        h.processElement(Tuple2.of("a", 2), 36L);    // [36, 38) is inside [0, 40): count 1 again
        h.processWatermark(39);                      // cleanup of [0, 40); a count trigger does not fire at the end
        h.processElement(Tuple2.of("a", 1), 50L);
        h.processElement(Tuple2.of("a", 1), 50L);
        h.processElement(Tuple2.of("a", 2), 49L);    // [49, 51) and [50, 51): 3
        assertThat(h.extractOutputValues()).containsExactly("0-40:[10, 10, 25]", "49-51:[1, 1, 2]");
        h.close();
    }

    @Test
    void aTriggerThatCannotMergeIsRefusedForSessionWindows() {
        Trigger<Object, TimeWindow> notMerging = new ElementTrigger<>() {
            @Override
            public TriggerResult onElement(Object element, long timestamp, TimeWindow window, TriggerContext ctx) {
                return TriggerResult.FIRE;
            }

            @Override
            public void clear(TimeWindow window, TriggerContext ctx) {}
        };
        WindowedStream<Tuple2<String, Integer>, String, TimeWindow> sessions = keyed().window(EventTimeSessionWindows.withGap(Duration.ofMillis(5)));
        assertThatThrownBy(() -> sessions.trigger(notMerging)).isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("canMerge");
    }

    @ParameterizedTest(name = "restoreAfterEveryElement={0}")
    @ValueSource(booleans = {false, true})
    void globalWindowsNeverFireByDefaultAndTheEndOfStreamTriggerFiresAtTheEnd(boolean restore) throws Exception {
        var never = harness(keyed().window(GlobalWindows.create()).reduce(SUM), restore);
        var atEnd = harness(keyed().window(GlobalWindows.createWithEndOfStreamTrigger()).reduce(SUM), restore);
        for (var h : List.of(never, atEnd)) {
            h.processElement(Tuple2.of("a", 1));
            h.processElement(Tuple2.of("a", 2));
            h.processWatermark(1_000_000);
        }
        assertThat(atEnd.extractOutputValues()).isEmpty();
        never.processWatermark(Long.MAX_VALUE);
        atEnd.processWatermark(Long.MAX_VALUE);
        assertThat(never.extractOutputValues()).isEmpty();
        assertThat(atEnd.extractOutputValues()).containsExactly(Tuple2.of("a", 3));
        never.close();
        atEnd.close();
    }

    /** Forwards to another trigger: the operator cannot tell it from a custom trigger, so it takes the general path. */
    static final class Forwarding<T, W extends Window> extends Trigger<T, W> {
        private final Trigger<T, W> inner;

        Forwarding(Trigger<T, W> inner) {
            this.inner = inner;
        }

        @Override
        public TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception {
            return inner.onElement(element, timestamp, window, ctx);
        }

        @Override
        public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception {
            return inner.onProcessingTime(time, window, ctx);
        }

        @Override
        public TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception {
            return inner.onEventTime(time, window, ctx);
        }

        @Override
        public boolean canMerge() {
            return inner.canMerge();
        }

        @Override
        public void onMerge(W window, OnMergeContext ctx) throws Exception {
            inner.onMerge(window, ctx);
        }

        @Override
        public void clear(W window, TriggerContext ctx) throws Exception {
            inner.clear(window, ctx);
        }
    }

    @ParameterizedTest(name = "restoreAfterEveryElement={0}")
    @ValueSource(booleans = {false, true})
    void theGeneralPathWithTheEventTimeTriggerGivesTheFastPathsOutputWithLateFirings(boolean restore) throws Exception {
        OutputTag<Tuple2<String, Integer>> late = new OutputTag<>("late");
        List<List<Object>> outputs = new ArrayList<>();
        for (boolean general : new boolean[] {false, true}) {
            for (boolean sessions : new boolean[] {false, true}) {
                var w = keyed().window(sessions ? EventTimeSessionWindows.withGap(Duration.ofMillis(300))
                        : TumblingEventTimeWindows.of(Duration.ofMillis(1000)));
                if (general) {
                    w.trigger(new Forwarding<>(EventTimeTrigger.create()));
                }
                var h = harness(w.allowedLateness(Duration.ofMillis(500)).sideOutputLateData(late).process(new Described()), restore);
                h.processElement(Tuple2.of("a", 1), 100L);
                h.processElement(Tuple2.of("a", 2), 700L);
                h.processElement(Tuple2.of("b", 3), 900L);
                h.processWatermark(999);
                h.processElement(Tuple2.of("a", 4), 200L);   // late within the lateness: fires again at once
                h.processElement(Tuple2.of("a", 5), 1200L);
                h.processWatermark(1499);
                h.processElement(Tuple2.of("a", 6), 300L);   // too late
                h.processElement(Tuple2.of("a", 7), 1000L);  // within the lateness of the session, not of [0, 1000)
                h.processWatermark(Long.MAX_VALUE);
                List<Object> out = new ArrayList<>(h.getOutput());
                out.addAll(h.getSideOutput(late));
                outputs.add(out);
                h.close();
            }
        }
        assertThat(outputs.get(0)).as("tumbling, hand-computed").containsExactlyInAnyOrder(
                new StreamRecord<>("0-1000:[1, 2]", 999L), new StreamRecord<>("0-1000:[3]", 999L),
                new StreamRecord<>("0-1000:[1, 2, 4]", 999L), new StreamRecord<>("1000-2000:[5, 7]", 1999L),
                new StreamRecord<>(Tuple2.of("a", 6), 300L));
        assertThat(outputs.get(2)).as("tumbling, general path").isEqualTo(outputs.get(0));
        assertThat(outputs.get(3)).as("sessions, general path").isEqualTo(outputs.get(1));
    }

    @ParameterizedTest(name = "restoreAfterEveryElement={0}")
    @ValueSource(booleans = {false, true})
    void aJoinsTriggerAndACoGroupsEvictorReachTheWindowOperator(boolean restore) throws Exception {
        DataStream<Tuple2<String, Integer>> left = input();
        DataStream<String> joined = left.join(left).where(t -> t.f0).equalTo(t -> t.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(100))).trigger(PurgingTrigger.of(CountTrigger.of(2)))
                .apply((l, r) -> l.f1 + "-" + r.f1);
        KeyedOneInputStreamOperatorTestHarness<String, TaggedUnion<Tuple2<String, Integer>, Tuple2<String, Integer>>, String> j =
                KeyedOneInputStreamOperatorTestHarness.forKeyedOperatorOf(joined);
        j.restoreAfterEveryElement(restore);
        j.open();
        j.processElement(TaggedUnion.one(Tuple2.of("a", 1)), 1L);
        j.processElement(TaggedUnion.two(Tuple2.of("a", 2)), 2L);   // two elements: fires before the watermark
        j.processElement(TaggedUnion.one(Tuple2.of("a", 3)), 3L);
        j.processElement(TaggedUnion.two(Tuple2.of("a", 4)), 4L);   // purged before: only the new pair
        assertThat(j.extractOutputValues()).containsExactly("1-2", "3-4");
        j.close();

        DataStream<String> coGrouped = left.coGroup(left).where(t -> t.f0).equalTo(t -> t.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                .evictor(io.weir.api.windowing.evictors.CountEvictor.of(2))
                .apply((Iterable<Tuple2<String, Integer>> l, Iterable<Tuple2<String, Integer>> r, Collector<String> out) -> {
                    List<Integer> seen = new ArrayList<>();
                    l.forEach(x -> seen.add(x.f1));
                    r.forEach(x -> seen.add(-x.f1));
                    out.collect(seen.toString());
                });
        KeyedOneInputStreamOperatorTestHarness<String, TaggedUnion<Tuple2<String, Integer>, Tuple2<String, Integer>>, String> c =
                KeyedOneInputStreamOperatorTestHarness.forKeyedOperatorOf(coGrouped);
        c.restoreAfterEveryElement(restore);
        c.open();
        c.processElement(TaggedUnion.one(Tuple2.of("a", 1)), 1L);
        c.processElement(TaggedUnion.two(Tuple2.of("a", 2)), 2L);
        c.processElement(TaggedUnion.one(Tuple2.of("a", 3)), 3L);
        c.processWatermark(99);
        assertThat(c.extractOutputValues()).containsExactly("[3, -2]"); // the evictor kept the last two elements
        c.close();
    }
}
