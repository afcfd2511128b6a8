package io.weir.runtime.harness;

import io.weir.api.datastream.KeyedStream;
import io.weir.api.datastream.SingleOutputStreamOperator;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.co.ProcessJoinFunction;
import io.weir.api.graph.OperatorKind;
import io.weir.api.graph.TwoInputTransformation;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.util.Collector;
import io.weir.api.util.OutputTag;
import io.weir.runtime.internal.state.KeyGroups;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The interval join operator run synchronously, built through the DataStream API: which pairs join
 * (inclusive and exclusive bounds, negative bounds, either arrival order), result timestamps, late
 * elements, cleanup of the buffers, and snapshot and restore into fresh operators (also rescaled).
 * Elements are (key, name).
 */
class IntervalJoinOperatorTest {
    static final OutputTag<Tuple2<Long, String>> LATE_LEFT = new OutputTag<>("late left");
    static final OutputTag<Tuple2<Long, String>> LATE_RIGHT = new OutputTag<>("late right");
    static final OutputTag<String> PAIRS = new OutputTag<>("pairs");

    /** Emits "left+right" and, to {@link #PAIRS}, the pair's three timestamps. */
    static final class Describe extends ProcessJoinFunction<Tuple2<Long, String>, Tuple2<Long, String>, String> {
        @Override
        public void processElement(Tuple2<Long, String> left, Tuple2<Long, String> right, Context ctx, Collector<String> out) {
            out.collect(left.f1 + "+" + right.f1);
            ctx.output(PAIRS, left.f1 + "+" + right.f1 + " " + ctx.getLeftTimestamp() + "/" + ctx.getRightTimestamp() + "/" + ctx.getTimestamp());
        }
    }

    /** The operator of {@code left.intervalJoin(right).between(lower, upper)}, then {@code settings}, then process(Describe). */
    private static OperatorHarnessDriver join(long lower, long upper,
            UnaryOperator<KeyedStream.IntervalJoined<Tuple2<Long, String>, Tuple2<Long, String>, Long>> settings, int subtask, int parallelism,
            List<byte[]> restoreFrom) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        KeyedStream<Tuple2<Long, String>, Long> left = env.fromElements(Tuple2.of(0L, "")).keyBy(t -> t.f0);
        KeyedStream<Tuple2<Long, String>, Long> right = env.fromElements(Tuple2.of(0L, "")).keyBy(t -> t.f0);
        SingleOutputStreamOperator<String> joined = settings.apply(left.intervalJoin(right).between(Duration.ofMillis(lower), Duration.ofMillis(upper)))
                .process(new Describe());
        TwoInputTransformation<?, ?, ?> t = (TwoInputTransformation<?, ?, ?>) joined.getTransformation();
        assertThat(t.getKind()).isEqualTo(OperatorKind.INTERVAL_JOIN);
        OperatorHarnessDriver d = OperatorHarnessDriver.twoInput(t.getKind(), t.getFunction(), t.getStateKeySelector1(), t.getStateKeySelector2(),
                subtask, parallelism, 128, restoreFrom);
        d.open();
        return d;
    }

    private static OperatorHarnessDriver join(long lower, long upper) throws Exception {
        return join(lower, upper, j -> j, 0, 1, null);
    }

    private static List<Object> values(List<OperatorHarnessDriver.Emitted> emitted) {
        List<Object> out = new ArrayList<>();
        emitted.forEach(e -> out.add(e.value()));
        return out;
    }

    private static Tuple2<Long, String> e(long key, String name) {
        return Tuple2.of(key, name);
    }

    @Test
    void aLeftElementJoinsTheRightElementsOfItsKeyWithinBothInclusiveBounds() throws Exception {
        OperatorHarnessDriver d = join(-2, 3);
        for (long tr = 5; tr <= 16; tr++) {
            d.processElement2(e(1, "r" + tr), tr);
        }
        d.processElement2(e(2, "other key"), 10L);
        d.processElement(e(1, "l"), 10L);
        assertThat(values(d.output())).containsExactlyInAnyOrder("l+r8", "l+r9", "l+r10", "l+r11", "l+r12", "l+r13");
        assertThat(values(d.sideOutput(PAIRS))).contains("l+r8 10/8/10", "l+r13 10/13/13");
        for (OperatorHarnessDriver.Emitted out : d.output()) {
            long tr = Long.parseLong(((String) out.value()).substring(3));
            assertThat(out.timestamp()).as("result timestamp of " + out.value()).isEqualTo(Math.max(10, tr));
        }
    }

    @Test
    void aRightElementJoinsTheLeftElementsThatArrivedBefore() throws Exception {
        OperatorHarnessDriver d = join(-2, 3);
        for (long tl = 5; tl <= 16; tl++) {
            d.processElement(e(1, "l" + tl), tl);
        }
        d.processElement2(e(1, "r"), 10L);
        // tl - 2 <= 10 <= tl + 3, so 7 <= tl <= 12
        assertThat(values(d.output())).containsExactlyInAnyOrder("l7+r", "l8+r", "l9+r", "l10+r", "l11+r", "l12+r");
    }

    @Test
    void exclusiveBoundsLeaveOutTheElementsAtTheBounds() throws Exception {
        OperatorHarnessDriver d = join(-2, 3, j -> j.lowerBoundExclusive().upperBoundExclusive(), 0, 1, null);
        for (long tr = 5; tr <= 16; tr++) {
            d.processElement2(e(1, "r" + tr), tr);
        }
        d.processElement(e(1, "l"), 10L);
        assertThat(values(d.output())).containsExactlyInAnyOrder("l+r9", "l+r10", "l+r11", "l+r12");

        OperatorHarnessDriver onlyLower = join(-2, 3, j -> j.lowerBoundExclusive(), 0, 1, null);
        onlyLower.processElement2(e(1, "r8"), 8L);
        onlyLower.processElement2(e(1, "r13"), 13L);
        onlyLower.processElement(e(1, "l"), 10L);
        assertThat(values(onlyLower.output())).containsExactly("l+r13");
    }

    @Test
    void lateElementsOfEachSideGoToTheirSideOutputAndJoinNothing() throws Exception {
        OperatorHarnessDriver d = join(0, 10, j -> j.sideOutputLeftLateData(LATE_LEFT).sideOutputRightLateData(LATE_RIGHT), 0, 1, null);
        d.processElement(e(1, "l20"), 20L);
        d.processWatermark(20);
        d.processElement(e(1, "l19"), 19L);
        d.processElement2(e(1, "r19"), 19L);
        d.processElement2(e(1, "r20"), 20L); // at the watermark: not late
        assertThat(values(d.sideOutput(LATE_LEFT))).containsExactly(e(1, "l19"));
        assertThat(d.sideOutput(LATE_LEFT).get(0).timestamp()).isEqualTo(19L);
        assertThat(values(d.sideOutput(LATE_RIGHT))).containsExactly(e(1, "r19"));
        assertThat(values(d.output())).containsExactly("l20+r20");

        OperatorHarnessDriver dropping = join(0, 10);
        dropping.processWatermark(20);
        dropping.processElement(e(1, "l19"), 19L);
        dropping.processElement2(e(1, "r19"), 19L);
        assertThat(dropping.output()).isEmpty();
        assertThat(dropping.sideOutputs()).isEmpty();
        assertThat(dropping.metrics()).containsEntry("numLateRecordsDropped", 2L);
    }

    @Test
    void eachSideIsDroppedFromStateOnceTheWatermarkShowsNothingCanJoinIt() throws Exception {
        OperatorHarnessDriver d = join(-5, 3);
        d.processElement(e(1, "l"), 100L); // right partners up to 103
        d.processElement2(e(1, "r"), 100L); // left partners up to 105 (tl - 5 <= 100)
        d.processWatermark(102);
        assertThat(buffer(d, 1, "left")).containsKey(100L);
        d.processWatermark(103);
        assertThat(buffer(d, 1, "left")).isEmpty();
        assertThat(buffer(d, 1, "right")).containsKey(100L);
        d.processElement(e(1, "l105"), 105L);
        assertThat(values(d.output())).containsExactly("l+r", "l105+r");
        d.processWatermark(105);
        assertThat(buffer(d, 1, "right")).isEmpty();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static java.util.Map<Long, Object> buffer(OperatorHarnessDriver d, long key, String side) throws Exception {
        java.util.Map<Long, Object> out = new java.util.HashMap<>();
        d.keyedState(key).getMapState(new MapStateDescriptor<>("__weir_interval_join_" + side, Long.class, (Class) List.class))
                .entries().forEach(en -> out.put((Long) ((java.util.Map.Entry) en).getKey(), ((java.util.Map.Entry) en).getValue()));
        return out;
    }

    @Test
    void buffersAndTheWatermarkSurviveARestoreIntoAFreshOperator() throws Exception {
        OperatorHarnessDriver d = join(0, 10, j -> j.sideOutputRightLateData(LATE_RIGHT), 0, 1, null);
        d.processElement(e(1, "l100"), 100L);
        d.processElement(e(2, "l105"), 105L);
        d.processWatermark(100);
        byte[] snapshot = d.snapshot(1, 0);
        d.close();

        OperatorHarnessDriver restored = join(0, 10, j -> j.sideOutputRightLateData(LATE_RIGHT), 0, 1, List.of(snapshot));
        restored.processWatermark(50); // behind the restored watermark: ignored
        restored.processElement2(e(1, "r99"), 99L); // late before the failure, late after it
        restored.processElement2(e(1, "r110"), 110L);
        restored.processElement2(e(2, "r110"), 110L);
        assertThat(values(restored.output())).containsExactlyInAnyOrder("l100+r110", "l105+r110");
        assertThat(values(restored.sideOutput(LATE_RIGHT))).containsExactly(e(1, "r99"));
        assertThat(restored.watermarks()).isEmpty();
        restored.processWatermark(110); // fires the cleanup of l100, restored with its timer
        assertThat(buffer(restored, 1, "left")).isEmpty();
        assertThat(buffer(restored, 2, "left")).containsKey(105L);
    }

    @Test
    void whenRestoredAtAnotherParallelism_thenEachSubtaskJoinsTheBufferedElementsOfItsKeyGroups() throws Exception {
        OperatorHarnessDriver d = join(0, 10);
        for (long k = 0; k < 30; k++) {
            d.processElement(e(k, "l" + k), 100L);
        }
        byte[] snapshot = d.snapshot(1, 0);
        List<Object> joined = new ArrayList<>();
        for (int subtask = 0; subtask < 3; subtask++) {
            OperatorHarnessDriver part = join(0, 10, j -> j, subtask, 3, List.of(snapshot));
            for (long k = 0; k < 30; k++) {
                int group = KeyGroups.keyGroupFor(k, 128);
                if (group >= KeyGroups.rangeStart(subtask, 128, 3) && group <= KeyGroups.rangeEnd(subtask, 128, 3)) {
                    part.processElement2(e(k, "r" + k), 105L);
                }
            }
            joined.addAll(values(part.output()));
        }
        List<Object> expected = new ArrayList<>();
        for (long k = 0; k < 30; k++) {
            expected.add("l" + k + "+r" + k);
        }
        assertThat(joined).containsExactlyInAnyOrderElementsOf(expected);
    }

    /**
     * Random keys, timestamps, bounds and bound kinds, no watermark until the end: the output is exactly the
     * pairs a nested loop finds, with their timestamps. Prints its seed; rerun one with -Dweir.test.seed=...
     */
    @Test
    void randomInputsJoinExactlyThePairsANestedLoopFinds() throws Exception {
        long seed = Long.getLong("weir.test.seed", System.nanoTime());
        System.out.println("IntervalJoinOperatorTest seed " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 20; round++) {
            long lower = random.nextInt(41) - 20;
            long upper = lower + random.nextInt(25);
            boolean lowerExclusive = random.nextBoolean();
            boolean upperExclusive = random.nextBoolean();
            OperatorHarnessDriver d = join(lower, upper, j -> {
                if (lowerExclusive) {
                    j.lowerBoundExclusive();
                }
                return upperExclusive ? j.upperBoundExclusive() : j;
            }, 0, 1, null);
            List<long[]> lefts = new ArrayList<>();
            List<long[]> rights = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                long[] el = {random.nextInt(4), random.nextInt(200), i};
                if (random.nextBoolean()) {
                    lefts.add(el);
                    d.processElement(e(el[0], "l" + i), el[1]);
                } else {
                    rights.add(el);
                    d.processElement2(e(el[0], "r" + i), el[1]);
                }
            }
            d.processWatermark(Long.MAX_VALUE);
            List<String> expected = new ArrayList<>();
            for (long[] l : lefts) {
                for (long[] r : rights) {
                    long diff = r[1] - l[1];
                    boolean aboveLower = lowerExclusive ? diff > lower : diff >= lower;
                    boolean belowUpper = upperExclusive ? diff < upper : diff <= upper;
                    if (l[0] == r[0] && aboveLower && belowUpper) {
                        expected.add("l" + l[2] + "+r" + r[2] + "@" + Math.max(l[1], r[1]));
                    }
                }
            }
            List<String> actual = new ArrayList<>();
            d.output().forEach(o -> actual.add(o.value() + "@" + o.timestamp()));
            assertThat(actual).as("seed " + seed + " round " + round + " bounds " + lower + ", " + upper).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void anElementWithoutATimestampFailsWithAHint() throws Exception {
        OperatorHarnessDriver d = join(0, 1);
        assertThatThrownBy(() -> d.processElement(e(1, "x"), null)).hasStackTraceContaining("without a timestamp")
                .hasStackTraceContaining("assignTimestampsAndWatermarks");
    }

    @Test
    @SuppressWarnings("deprecation") // between(Time, Time), Flink's deprecated overload
    void buildingAnIntervalJoinRefusesWhatFlinkRefuses() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        KeyedStream<Long, Long> s = env.fromSequence(1, 3).keyBy(x -> x);
        assertThatThrownBy(() -> s.intervalJoin(s).between(Duration.ofMillis(2), Duration.ofMillis(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower bound");
        assertThatThrownBy(() -> s.intervalJoin(s).inProcessingTime().between(Duration.ZERO, Duration.ZERO))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("event time");
        assertThatThrownBy(() -> s.intervalJoin(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> s.intervalJoin(s).between(Duration.ZERO, Duration.ZERO).process(null)).isInstanceOf(NullPointerException.class);
        assertThat(s.intervalJoin(s).inProcessingTime().inEventTime().between(io.weir.api.windowing.Time.milliseconds(-1),
                io.weir.api.windowing.Time.milliseconds(1))).isNotNull();
    }
}
