package io.weir.runtime.it;

import io.weir.api.configuration.Configuration;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.JoinedStreams;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.CoGroupFunction;
import io.weir.api.functions.FlatJoinFunction;
import io.weir.api.functions.JoinFunction;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.functions.RichJoinFunction;
import io.weir.api.tuple.Tuple3;
import io.weir.api.util.Collector;
import io.weir.api.windowing.SlidingEventTimeWindows;
import io.weir.api.windowing.TimeWindow;
import io.weir.api.windowing.TumblingEventTimeWindows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Window joins and co-groups in running jobs, against results computed here by nested loops. Inputs
 * are (key, id, timestamp) with timestamps out of order and no watermarks until the end of input, so
 * no element is late and every window fires once, at the end.
 */
class WindowJoinIT {
    static final int LEFT = 600;
    static final int RIGHT = 400;
    static final long SIZE = 100;

    /** Left element i: key i % 7 (keys 0..6), timestamp (37 i) mod 1000. */
    static Tuple3<Long, Long, Long> left(long i) {
        return Tuple3.of(i % 7, i, (i * 37) % 1000);
    }

    /** Right element j: key j % 9 (keys 0..8: 7 and 8 only on this side), timestamp (53 j) mod 1000. */
    static Tuple3<Long, Long, Long> right(long j) {
        return Tuple3.of(j % 9, j, (j * 53) % 1000);
    }

    private static DataStream<Tuple3<Long, Long, Long>> stream(StreamExecutionEnvironment env, int n, boolean isLeft) {
        return env.fromSequence(0, n - 1).map(i -> isLeft ? left(i) : right(i))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple3<Long, Long, Long>>noWatermarks().withTimestampAssigner((t, ts) -> t.f2));
    }

    /** The two streams joined by key in tumbling windows of {@link #SIZE}. */
    private static JoinedStreams.WithWindow<Tuple3<Long, Long, Long>, Tuple3<Long, Long, Long>, Long, TimeWindow> tumblingJoin(
            StreamExecutionEnvironment env) {
        return stream(env, LEFT, true).join(stream(env, RIGHT, false)).where(l -> l.f0).equalTo(r -> r.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(SIZE)));
    }

    /** Appends each result's timestamp, so tests also check the results' timestamps. */
    static final class WithTimestamp extends ProcessFunction<String, String> {
        @Override
        public void processElement(String value, Context ctx, Collector<String> out) {
            out.collect(value + "@" + ctx.timestamp());
        }
    }

    static final class Pair implements JoinFunction<Tuple3<Long, Long, Long>, Tuple3<Long, Long, Long>, String> {
        @Override
        public String join(Tuple3<Long, Long, Long> l, Tuple3<Long, Long, Long> r) {
            return l.f1 + "-" + r.f1;
        }
    }

    private static List<String> collect(DataStream<String> results) throws Exception {
        List<String> out = new ArrayList<>();
        try (var it = results.process(new WithTimestamp()).executeAndCollect()) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    /** Every pair with equal keys whose timestamps lie in one window of {@code size}, sliding by {@code slide}. */
    static List<String> expectedPairs(long size, long slide) {
        List<String> out = new ArrayList<>();
        for (long i = 0; i < LEFT; i++) {
            for (long j = 0; j < RIGHT; j++) {
                Tuple3<Long, Long, Long> l = left(i);
                Tuple3<Long, Long, Long> r = right(j);
                if (!l.f0.equals(r.f0)) {
                    continue;
                }
                for (long start = -size; start < 1000; start += slide) {
                    if (l.f2 >= start && l.f2 < start + size && r.f2 >= start && r.f2 < start + size) {
                        out.add(i + "-" + j + "@" + (start + size - 1));
                    }
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void tumblingWindowJoinEmitsEveryPairOfEqualKeysInTheSameWindowOnceAtTheWindowsMaxTimestamp(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        DataStream<String> joined = tumblingJoin(env).apply(new Pair());
        List<String> expected = expectedPairs(SIZE, SIZE);
        assertThat(expected).hasSizeGreaterThan(1000);
        assertThat(collect(joined)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void slidingWindowJoinEmitsAPairOnceForEveryWindowBothElementsShare() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        DataStream<String> joined = stream(env, LEFT, true).join(stream(env, RIGHT, false))
                .where(l -> l.f0).equalTo(r -> r.f0)
                .window(SlidingEventTimeWindows.of(Duration.ofMillis(200), Duration.ofMillis(100)))
                .apply(new Pair());
        assertThat(collect(joined)).containsExactlyInAnyOrderElementsOf(expectedPairs(200, 100));
    }

    /** Keeps pairs whose ids sum to an even number, and emits each twice. */
    static final class EvenTwice implements FlatJoinFunction<Tuple3<Long, Long, Long>, Tuple3<Long, Long, Long>, String> {
        @Override
        public void join(Tuple3<Long, Long, Long> l, Tuple3<Long, Long, Long> r, Collector<String> out) {
            if ((l.f1 + r.f1) % 2 == 0) {
                out.collect(l.f1 + "-" + r.f1);
                out.collect(l.f1 + "-" + r.f1);
            }
        }
    }

    @Test
    void flatJoinFunctionMayDropPairsOrEmitSeveralResults() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
        DataStream<String> joined = tumblingJoin(env).apply(new EvenTwice());
        List<String> expected = new ArrayList<>();
        for (String p : expectedPairs(SIZE, SIZE)) {
            String[] ids = p.substring(0, p.indexOf('@')).split("-");
            if ((Long.parseLong(ids[0]) + Long.parseLong(ids[1])) % 2 == 0) {
                expected.add(p);
                expected.add(p);
            }
        }
        assertThat(collect(joined)).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** Opened with its runtime context, as any rich function; emits the parallelism it saw in open. */
    static final class RichPair extends RichJoinFunction<Tuple3<Long, Long, Long>, Tuple3<Long, Long, Long>, String> {
        private transient String prefix;
        private transient boolean closed;

        @Override
        public void open(Configuration parameters) {
            prefix = "p" + getRuntimeContext().getNumberOfParallelSubtasks() + ":";
        }

        @Override
        public String join(Tuple3<Long, Long, Long> l, Tuple3<Long, Long, Long> r) {
            assertThat(closed).isFalse();
            return prefix + l.f1 + "-" + r.f1;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void aRichJoinFunctionIsOpenedWithTheWindowOperatorsRuntimeContext() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        DataStream<String> joined = tumblingJoin(env).apply(new RichPair()).setParallelism(3);
        List<String> expected = expectedPairs(SIZE, SIZE).stream().map(p -> "p3:" + p).toList();
        assertThat(collect(joined)).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** One line per key and window: the sorted ids of each side. */
    static final class Groups implements CoGroupFunction<Tuple3<Long, Long, Long>, Tuple3<Long, Long, Long>, String> {
        @Override
        public void coGroup(Iterable<Tuple3<Long, Long, Long>> first, Iterable<Tuple3<Long, Long, Long>> second, Collector<String> out) {
            TreeSet<Long> l = new TreeSet<>();
            first.forEach(t -> l.add(t.f1));
            TreeSet<Long> r = new TreeSet<>();
            second.forEach(t -> r.add(t.f1));
            out.collect("L" + l + " R" + r);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void coGroupIsCalledOncePerKeyAndWindowWithElementsIncludingThoseWithAnEmptySide(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        DataStream<String> grouped = stream(env, LEFT, true).coGroup(stream(env, RIGHT, false))
                .where(l -> l.f0).equalTo(r -> r.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(SIZE)))
                .apply(new Groups());

        // (key, window start) -> ids of each side, from the generators
        TreeMap<String, List<TreeSet<Long>>> groups = new TreeMap<>();
        for (long i = 0; i < LEFT; i++) {
            group(groups, left(i)).get(0).add(i);
        }
        for (long j = 0; j < RIGHT; j++) {
            group(groups, right(j)).get(1).add(j);
        }
        List<String> expected = new ArrayList<>();
        int oneSided = 0;
        for (var e : groups.entrySet()) {
            long windowStart = Long.parseLong(e.getKey().split("/")[1]);
            expected.add("L" + e.getValue().get(0) + " R" + e.getValue().get(1) + "@" + (windowStart + SIZE - 1));
            oneSided += e.getValue().get(0).isEmpty() || e.getValue().get(1).isEmpty() ? 1 : 0;
        }
        assertThat(oneSided).as("groups with an empty side").isGreaterThanOrEqualTo(20);
        assertThat(collect(grouped)).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static List<TreeSet<Long>> group(TreeMap<String, List<TreeSet<Long>>> groups, Tuple3<Long, Long, Long> t) {
        return groups.computeIfAbsent(t.f0 + "/" + (t.f2 / SIZE * SIZE), k -> List.of(new TreeSet<>(), new TreeSet<>()));
    }

    @Test
    void aJoinFunctionReturningNullFailsTheJobNamingTheFunction() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        stream(env, 10, true).join(stream(env, 10, false)).where(l -> l.f0).equalTo(r -> r.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(SIZE)))
                .apply((JoinFunction<Tuple3<Long, Long, Long>, Tuple3<Long, Long, Long>, String>) (l, r) -> null)
                .addSink(new io.weir.api.functions.sink.DiscardingSink<>());
        assertThatThrownBy(() -> env.execute("null join")).hasStackTraceContaining("returned null")
                .hasStackTraceContaining("use a FlatJoinFunction to drop pairs");
    }

    @Test
    void buildingAJoinRefusesMissingPieces() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<Long> s = env.fromSequence(1, 3);
        assertThatThrownBy(() -> s.join(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> s.join(s).where(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("where(...)");
        assertThatThrownBy(() -> s.coGroup(s).where(x -> x).equalTo(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("equalTo(...)");
        assertThatThrownBy(() -> s.join(s).where(x -> x).equalTo(x -> x).window(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.join(s).where(x -> x).equalTo(x -> x).window(TumblingEventTimeWindows.of(Duration.ofMillis(5)))
                .apply((JoinFunction<Long, Long, Long>) null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JoinFunction");
        assertThatThrownBy(() -> s.coGroup(s).where(x -> x).equalTo(x -> x).window(TumblingEventTimeWindows.of(Duration.ofMillis(5)))
                .allowedLateness(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        StreamExecutionEnvironment other = StreamExecutionEnvironment.createLocalEnvironment(1);
        assertThatThrownBy(() -> s.join(other.fromSequence(1, 3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different execution environments");
    }
}
