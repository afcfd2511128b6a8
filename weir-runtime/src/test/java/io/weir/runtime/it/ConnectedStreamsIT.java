package io.weir.runtime.it;

import io.weir.api.configuration.Configuration;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.SingleOutputStreamOperator;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.co.CoMapFunction;
import io.weir.api.functions.co.CoProcessFunction;
import io.weir.api.functions.co.KeyedCoProcessFunction;
import io.weir.api.functions.co.RichCoFlatMapFunction;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple4;
import io.weir.api.util.Collector;
import io.weir.api.util.OutputTag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Connected streams in running jobs: every element of both inputs reaches its method once, keyed state is shared per key by both inputs. */
class ConnectedStreamsIT {

    static final class Label implements CoMapFunction<Long, String, String> {
        @Override
        public String map1(Long value) {
            return "L" + value;
        }

        @Override
        public String map2(String value) {
            return "S" + value;
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void coMapSeesEveryElementOfBothInputsOnce(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        DataStream<String> strings = env.fromSequence(1, 500).map(x -> "x" + x);
        List<String> out = collect(env.fromSequence(1, 1000).connect(strings).map(new Label()));
        List<String> expected = new ArrayList<>();
        LongStream.rangeClosed(1, 1000).forEach(x -> expected.add("L" + x));
        LongStream.rangeClosed(1, 500).forEach(x -> expected.add("Sx" + x));
        assertThat(out).containsExactlyInAnyOrderElementsOf(expected);
    }

    static final class WhichInput implements CoMapFunction<Long, Long, String> {
        @Override
        public String map1(Long value) {
            return "1:" + value;
        }

        @Override
        public String map2(Long value) {
            return "2:" + value;
        }
    }

    @Test
    void aStreamConnectedToItselfReachesBothMethods() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        DataStream<Long> s = env.fromSequence(1, 100);
        List<String> out = collect(s.connect(s).map(new WhichInput()));
        List<String> expected = new ArrayList<>();
        LongStream.rangeClosed(1, 100).forEach(x -> {
            expected.add("1:" + x);
            expected.add("2:" + x);
        });
        assertThat(out).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** Per key: (key, sum of input 1, sum of input 2, elements seen), emitted once at end of input from state both inputs update. */
    static final class SumBothSides extends KeyedCoProcessFunction<Long, Tuple2<Long, Long>, Long, Tuple4<Long, Long, Long, Long>> {
        private transient ValueState<Tuple4<Long, Long, Long, Long>> sums;

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public void open(Configuration parameters) {
            sums = getRuntimeContext().getState(new ValueStateDescriptor<Tuple4<Long, Long, Long, Long>>("sums", (Class) Tuple4.class));
        }

        private Tuple4<Long, Long, Long, Long> current(Context ctx) throws Exception {
            Tuple4<Long, Long, Long, Long> s = sums.value();
            if (s == null) {
                ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
                s = Tuple4.of(ctx.getCurrentKey(), 0L, 0L, 0L);
            }
            return s;
        }

        @Override
        public void processElement1(Tuple2<Long, Long> value, Context ctx, Collector<Tuple4<Long, Long, Long, Long>> out) throws Exception {
            Tuple4<Long, Long, Long, Long> s = current(ctx);
            sums.update(Tuple4.of(s.f0, s.f1 + value.f1, s.f2, s.f3 + 1));
        }

        @Override
        public void processElement2(Long value, Context ctx, Collector<Tuple4<Long, Long, Long, Long>> out) throws Exception {
            Tuple4<Long, Long, Long, Long> s = current(ctx);
            sums.update(Tuple4.of(s.f0, s.f1, s.f2 + value, s.f3 + 1));
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<Tuple4<Long, Long, Long, Long>> out) throws Exception {
            assertThat(sums.value().f0).isEqualTo(ctx.getCurrentKey());
            out.collect(sums.value());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void keyedConnectedStreamsShareStatePerKeyAcrossBothInputs(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        DataStream<Tuple2<Long, Long>> first = env.fromSequence(0, 1999).map(i -> Tuple2.of(i % 37, i));
        DataStream<Long> second = env.fromElements(LongStream.range(0, 740).boxed().toArray(Long[]::new)); // parallelism 1 into `parallelism`
        List<Tuple4<Long, Long, Long, Long>> out = collect(first.connect(second).keyBy(t -> t.f0, x -> x % 37).process(new SumBothSides()));
        TreeMap<Long, Tuple4<Long, Long, Long, Long>> expected = new TreeMap<>();
        for (long i = 0; i < 2000; i++) {
            Tuple4<Long, Long, Long, Long> s = expected.getOrDefault(i % 37, Tuple4.of(i % 37, 0L, 0L, 0L));
            expected.put(i % 37, Tuple4.of(s.f0, s.f1 + i, s.f2, s.f3 + 1));
        }
        for (long x = 0; x < 740; x++) {
            Tuple4<Long, Long, Long, Long> s = expected.get(x % 37);
            expected.put(x % 37, Tuple4.of(s.f0, s.f1, s.f2 + x, s.f3 + 1));
        }
        assertThat(out).containsExactlyInAnyOrderElementsOf(expected.values());
    }

    /** Emits a key once both inputs delivered it, whichever came first: keyed state written by one input and read by the other. */
    static final class SeenOnBothSides extends RichCoFlatMapFunction<Long, Tuple2<Long, String>, Long> {
        private transient ValueState<Integer> seen;

        @Override
        public void open(Configuration parameters) {
            seen = getRuntimeContext().getState(new ValueStateDescriptor<>("seen", Integer.class));
        }

        private void mark(long key, int side, Collector<Long> out) throws Exception {
            int before = seen.value() == null ? 0 : seen.value();
            seen.update(before | side);
            if (before != 3 && (before | side) == 3) {
                out.collect(key);
            }
        }

        @Override
        public void flatMap1(Long value, Collector<Long> out) throws Exception {
            mark(value, 1, out);
        }

        @Override
        public void flatMap2(Tuple2<Long, String> value, Collector<Long> out) throws Exception {
            mark(value.f0, 2, out);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void richCoFlatMapOnKeyedConnectedStreamsReadsStateTheOtherInputWrote(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        DataStream<Tuple2<Long, String>> other = env.fromElements(Tuple2.of(3L, "c"), Tuple2.of(5L, "e"), Tuple2.of(3L, "c again"), Tuple2.of(4242L, "z"));
        List<Long> out = collect(env.fromSequence(0, 999).connect(other).keyBy(x -> x, t -> t.f0).flatMap(new SeenOnBothSides()));
        assertThat(out).containsExactlyInAnyOrder(3L, 5L);
    }

    static final OutputTag<String> SECOND = new OutputTag<>("second");

    static final class SecondToSideOutput extends CoProcessFunction<Long, String, Long> {
        @Override
        public void processElement1(Long value, Context ctx, Collector<Long> out) {
            out.collect(value);
        }

        @Override
        public void processElement2(String value, Context ctx, Collector<Long> out) {
            ctx.output(SECOND, value);
        }
    }

    static final class RegistersTimer extends CoProcessFunction<Long, Long, Long> {
        @Override
        public void processElement1(Long value, Context ctx, Collector<Long> out) {
            ctx.timerService().registerEventTimeTimer(value);
        }

        @Override
        public void processElement2(Long value, Context ctx, Collector<Long> out) {}
    }

    @Test
    void coProcessFunctionWritesSideOutputsAndRefusesTimersWhenNotKeyed() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        SingleOutputStreamOperator<Long> main = env.fromSequence(1, 10).connect(env.fromSequence(1, 5).map(x -> "s" + x))
                .process(new SecondToSideOutput());
        main.getSideOutput(SECOND).addSink(new SideOutputIT.Collect<>("co-side"));
        List<Long> out = collect(main);
        assertThat(out).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 10).boxed().toList());
        assertThat(SideOutputIT.sink("co-side")).containsExactlyInAnyOrder("s1", "s2", "s3", "s4", "s5");

        StreamExecutionEnvironment env2 = StreamExecutionEnvironment.createLocalEnvironment(1);
        env2.fromSequence(1, 3).connect(env2.fromSequence(1, 3)).process(new RegistersTimer()).addSink(new io.weir.api.functions.sink.DiscardingSink<>());
        assertThatThrownBy(() -> env2.execute("timers without keys")).hasStackTraceContaining("timers need a keyed stream")
                .hasStackTraceContaining("connect(...).keyBy(key1, key2)");
    }

    @Test
    void aKeyedCoProcessFunctionNeedsBothInputsKeyed() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        assertThatThrownBy(() -> env.fromSequence(1, 3).keyBy(x -> x).connect(env.fromSequence(1, 3)).process(new SumLongs()))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("keyBy(key1, key2)");
    }

    static final class SumLongs extends KeyedCoProcessFunction<Long, Long, Long, Long> {
        @Override
        public void processElement1(Long value, Context ctx, Collector<Long> out) {}

        @Override
        public void processElement2(Long value, Context ctx, Collector<Long> out) {}
    }

    private static <T> List<T> collect(DataStream<T> stream) throws Exception {
        List<T> out = new ArrayList<>();
        try (var it = stream.executeAndCollect()) {
            it.forEachRemaining(out::add);
        }
        return out;
    }
}
