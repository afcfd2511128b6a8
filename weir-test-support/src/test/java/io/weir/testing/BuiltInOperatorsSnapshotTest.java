package io.weir.testing;

import io.weir.api.checkpoint.CheckpointedFunction;
import io.weir.api.checkpoint.FunctionInitializationContext;
import io.weir.api.checkpoint.FunctionSnapshotContext;
import io.weir.api.configuration.Configuration;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.functions.RichFlatMapFunction;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.functions.sink.SinkFunction;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.util.Collector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every built-in operator, run once straight and once restored into a fresh instance after every
 * element: the outputs must be equal, so each operator's state is entirely in its checkpoint.
 */
class BuiltInOperatorsSnapshotTest {

    /** A map that numbers its elements with operator list state. */
    static final class NumberingMap extends RichMapFunction<String, String> implements CheckpointedFunction {
        private transient ListState<Long> state;
        private long next;

        @Override
        public String map(String value) {
            return (next++) + ":" + value;
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            state.update(List.of(next));
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            state = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("next", Long.class));
            for (Long l : state.get()) {
                next = l;
            }
        }
    }

    /** Keyed map using every kind of keyed state. */
    static final class AllStates extends RichMapFunction<Tuple2<String, Integer>, String> {
        private transient ValueState<Integer> last;
        private transient ListState<Integer> all;
        private transient MapState<Integer, Integer> histogram;
        private transient ReducingState<Integer> sum;

        @Override
        public void open(Configuration parameters) {
            last = getRuntimeContext().getState(new ValueStateDescriptor<>("last", Integer.class));
            all = getRuntimeContext().getListState(new ListStateDescriptor<>("all", Integer.class));
            histogram = getRuntimeContext().getMapState(new MapStateDescriptor<>("hist", Integer.class, Integer.class));
            sum = getRuntimeContext().getReducingState(new ReducingStateDescriptor<>("sum", Integer::sum, Integer.class));
        }

        @Override
        public String map(Tuple2<String, Integer> v) throws Exception {
            Integer prev = last.value();
            last.update(v.f1);
            all.add(v.f1);
            Integer h = histogram.get(v.f1 % 3);
            histogram.put(v.f1 % 3, h == null ? 1 : h + 1);
            sum.add(v.f1);
            List<Integer> list = new ArrayList<>();
            all.get().forEach(list::add);
            return v.f0 + " prev=" + prev + " all=" + list + " hist" + (v.f1 % 3) + "=" + histogram.get(v.f1 % 3) + " sum=" + sum.get();
        }
    }

    /** Emits per key at an event-time timer 10 after the element, and at a processing-time timer. */
    static final class Timers extends KeyedProcessFunction<String, Tuple2<String, Integer>, String> {
        private transient ValueState<Integer> count;

        @Override
        public void open(Configuration parameters) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Integer.class));
        }

        @Override
        public void processElement(Tuple2<String, Integer> v, Context ctx, Collector<String> out) throws Exception {
            count.update(count.value() == null ? 1 : count.value() + 1);
            ctx.timerService().registerEventTimeTimer(v.f1 + 10L);
            ctx.timerService().registerProcessingTimeTimer(100);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            out.collect(ctx.timeDomain() + " " + ctx.getCurrentKey() + "@" + timestamp + " count=" + count.value());
        }
    }

    private static List<Tuple2<String, Integer>> keyedInput() {
        List<Tuple2<String, Integer>> in = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            in.add(Tuple2.of("k" + (i % 4), i));
        }
        return in;
    }

    @ParameterizedTest(name = "restoreAfterEveryElement={0}")
    @ValueSource(booleans = {false, true})
    void operatorListStateSurvivesRestore(boolean restore) throws Exception {
        var h = OneInputStreamOperatorTestHarness.forMap(new NumberingMap()).restoreAfterEveryElement(restore);
        h.open();
        for (String s : List.of("a", "b", "c", "d")) {
            h.processElement(s);
        }
        assertThat(h.extractOutputValues()).containsExactly("0:a", "1:b", "2:c", "3:d");
    }

    @Test
    void everyKeyedStateKindGivesTheSameOutputWhenRestoredAfterEveryElement() throws Exception {
        assertThat(runAllStates(true)).isEqualTo(runAllStates(false));
    }

    private static List<String> runAllStates(boolean restore) throws Exception {
        var h = KeyedOneInputStreamOperatorTestHarness.forKeyedMap(new AllStates(), (Tuple2<String, Integer> t) -> t.f0)
                .restoreAfterEveryElement(restore);
        h.open();
        for (Tuple2<String, Integer> t : keyedInput()) {
            h.processElement(t);
        }
        return h.extractOutputValues();
    }

    @Test
    void timersFireTheSameAfterRestores() throws Exception {
        assertThat(runTimers(true)).isEqualTo(runTimers(false)).isNotEmpty();
    }

    private static List<String> runTimers(boolean restore) throws Exception {
        var h = KeyedOneInputStreamOperatorTestHarness.forKeyedProcess(new Timers(), (Tuple2<String, Integer> t) -> t.f0)
                .restoreAfterEveryElement(restore);
        h.open();
        for (Tuple2<String, Integer> t : keyedInput()) {
            h.processElement(t, (long) t.f1);
            if (t.f1 % 5 == 0) {
                h.processWatermark(t.f1);
            }
        }
        h.setProcessingTime(150);
        h.processWatermark(Long.MAX_VALUE);
        return h.extractOutputValues();
    }

    @Test
    void timersAreDeduplicatedPerKeyAndTime() throws Exception {
        var h = KeyedOneInputStreamOperatorTestHarness.forKeyedProcess(new Timers(), (Tuple2<String, Integer> t) -> t.f0);
        h.open();
        h.processElement(Tuple2.of("a", 5), 5L);
        h.processElement(Tuple2.of("a", 5), 5L);
        h.processWatermark(100);
        assertThat(h.extractOutputValues()).containsExactly("EVENT_TIME a@15 count=2");
    }

    @Test
    void keyedReduceSurvivesRestoreAfterEveryElement() throws Exception {
        var straight = KeyedOneInputStreamOperatorTestHarness.forReduce((Tuple2<String, Integer> a, Tuple2<String, Integer> b) -> Tuple2.of(a.f0, a.f1 + b.f1),
                (Tuple2<String, Integer> t) -> t.f0);
        var restored = KeyedOneInputStreamOperatorTestHarness.forReduce((Tuple2<String, Integer> a, Tuple2<String, Integer> b) -> Tuple2.of(a.f0, a.f1 + b.f1),
                (Tuple2<String, Integer> t) -> t.f0).restoreAfterEveryElement(true);
        straight.open();
        restored.open();
        for (Tuple2<String, Integer> t : keyedInput()) {
            straight.processElement(t);
            restored.processElement(t);
        }
        assertThat(restored.extractOutputValues()).isEqualTo(straight.extractOutputValues());
    }

    static final class Chars extends RichFlatMapFunction<String, String> {
        @Override
        public void flatMap(String value, Collector<String> out) {
            for (char c : value.toCharArray()) {
                out.collect(String.valueOf(c));
            }
        }
    }

    static final class WithTimestamp extends ProcessFunction<Integer, String> {
        @Override
        public void processElement(Integer value, Context ctx, Collector<String> out) {
            out.collect(value + "@" + ctx.timestamp());
        }
    }

    @Test
    void statelessOperatorsBehaveTheSameWhenRestored() throws Exception {
        var flat = OneInputStreamOperatorTestHarness.forFlatMap(new Chars()).restoreAfterEveryElement(true);
        flat.open();
        flat.processElement("ab", 7L);
        flat.processElement("c");
        assertThat(flat.getOutput()).containsExactly(new StreamRecord<>("a", 7L), new StreamRecord<>("b", 7L), new StreamRecord<>("c", null));

        var filter = OneInputStreamOperatorTestHarness.forFilter((Integer x) -> x % 2 == 0).restoreAfterEveryElement(true);
        filter.open();
        for (int i = 0; i < 6; i++) {
            filter.processElement(i);
        }
        assertThat(filter.extractOutputValues()).containsExactly(0, 2, 4);

        var process = OneInputStreamOperatorTestHarness.forProcess(new WithTimestamp()).restoreAfterEveryElement(true);
        process.open();
        process.processElement(1, 10L);
        process.processWatermark(20);
        assertThat(process.extractOutputValues()).containsExactly("1@10");
        assertThat(process.getWatermarks()).containsExactly(20L);
    }

    /** A sink that buffers and records flushes in operator state. */
    static final class BufferingSink implements SinkFunction<String>, CheckpointedFunction {
        static final List<String> FLUSHED = new ArrayList<>();
        private final List<String> buffer = new ArrayList<>();
        private transient ListState<String> state;

        @Override
        public void invoke(String value, Context context) {
            buffer.add(value);
        }

        @Override
        public void finish() {
            FLUSHED.addAll(buffer);
            buffer.clear();
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            state.update(buffer);
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            state = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("buffer", String.class));
            state.get().forEach(buffer::add);
        }
    }

    @Test
    void sinkStateSurvivesRestoreAfterEveryElement() throws Exception {
        BufferingSink.FLUSHED.clear();
        var h = OneInputStreamOperatorTestHarness.forSink(new BufferingSink()).restoreAfterEveryElement(true);
        h.open();
        h.processElement("x");
        h.processElement("y");
        h.endInput();
        assertThat(BufferingSink.FLUSHED).containsExactly("x", "y");
    }

    @Test
    void keyedStateIsRedistributedByKeyGroupWhenRescaling() throws Exception {
        List<OperatorSnapshot> snapshots = new ArrayList<>();
        int oldParallelism = 2;
        List<Tuple2<String, Integer>> input = keyedInput();
        for (int s = 0; s < oldParallelism; s++) {
            var h = KeyedOneInputStreamOperatorTestHarness.forKeyedMap(new AllStates(), (Tuple2<String, Integer> t) -> t.f0)
                    .setup(128, oldParallelism, s);
            h.open();
            for (Tuple2<String, Integer> t : input) {
                if (ownerOf(t.f0, oldParallelism) == s) {
                    h.processElement(t);
                }
            }
            snapshots.add(h.snapshot(1, 0));
        }
        int newParallelism = 3;
        for (int s = 0; s < newParallelism; s++) {
            var h = KeyedOneInputStreamOperatorTestHarness.forKeyedMap(new AllStates(), (Tuple2<String, Integer> t) -> t.f0)
                    .setup(128, newParallelism, s);
            h.initializeState(snapshots);
            h.open();
            for (String key : List.of("k0", "k1", "k2", "k3")) {
                if (ownerOf(key, newParallelism) == s) {
                    Integer last = h.getKeyedStateStore(key).getState(new ValueStateDescriptor<>("last", Integer.class)).value();
                    int expected = 0;
                    for (Tuple2<String, Integer> t : input) {
                        if (t.f0.equals(key)) {
                            expected = t.f1;
                        }
                    }
                    assertThat(last).as("last value of " + key + " on new subtask " + s).isEqualTo(expected);
                }
            }
        }
    }

    /** The subtask owning a key: the same formula as the runtime's key groups, recomputed here independently. */
    private static int ownerOf(String key, int parallelism) throws Exception {
        for (int s = 0; s < parallelism; s++) {
            var probe = KeyedOneInputStreamOperatorTestHarness.forKeyedMap((Tuple2<String, Integer> t) -> t, (Tuple2<String, Integer> t) -> t.f0)
                    .setup(128, parallelism, s);
            probe.open();
            try {
                probe.processElement(Tuple2.of(key, 0));
                return s;
            } catch (RuntimeException e) {
                // not this subtask's key group
            }
        }
        throw new AssertionError("no owner for " + key);
    }
}
