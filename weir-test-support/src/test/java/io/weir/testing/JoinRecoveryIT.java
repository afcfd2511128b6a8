package io.weir.testing;

import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.KeyedStream;
import io.weir.api.environment.CheckpointingMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobExecutionResult;
import io.weir.api.functions.CoGroupFunction;
import io.weir.api.functions.co.ProcessJoinFunction;
import io.weir.api.restart.RestartStrategies;
import io.weir.api.tuple.Tuple3;
import io.weir.api.util.Collector;
import io.weir.api.windowing.TumblingEventTimeWindows;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three joins under injected failures, each restored from a checkpoint: the committed output of
 * the two-phase-commit {@link CollectingSink} must be exactly the failure-free output, computed here
 * from the events alone. Failures are thrown by the left input's map once a checkpoint of the attempt
 * completed ({@link WindowRecoveryIT.InjectedFailure}); the sources ({@link WindowRecoveryIT.Numbers}) hold back a
 * third of the way in until one has, so the restore always brings back buffered elements and timers
 * (interval join) or window contents (window join, coGroup).
 *
 * <p>Events: those of {@link WindowRecoveryIT} (seeded keys, timestamps near {@code 2i} and at most
 * {@code 2 J} out of order, which the watermarks allow for, so no element is ever late), with another
 * seed for the right input. Rerun with {@code -Dweir.test.seed=<seed>}.
 */
class JoinRecoveryIT {
    static final long SEED = Long.getLong("weir.test.seed", System.nanoTime());
    static final int P = WindowRecoveryIT.P;
    static final long N = 40_000;
    static final long LOWER = -30;
    static final long UPPER = 20;
    static final long WINDOW = 50;

    @TempDir
    Path checkpoints;

    @BeforeAll
    static void printSeed() {
        System.out.println("JoinRecoveryIT seed: " + SEED + " (rerun with -Dweir.test.seed=" + SEED + ")");
    }

    /** Right events use the generator of {@link WindowRecoveryIT} with another seed than the left ones. */
    static long rightSeed(long seed) {
        return seed + 1_000_003;
    }

    static final class IntervalPairs extends ProcessJoinFunction<Tuple3<Long, Long, Long>, Tuple3<Long, Long, Long>, String> {
        @Override
        public void processElement(Tuple3<Long, Long, Long> l, Tuple3<Long, Long, Long> r, Context ctx, Collector<String> out) {
            out.collect(l.f2 + "-" + r.f2 + "@" + ctx.getTimestamp());
        }
    }

    static final class Groups implements CoGroupFunction<Tuple3<Long, Long, Long>, Tuple3<Long, Long, Long>, String> {
        @Override
        public void coGroup(Iterable<Tuple3<Long, Long, Long>> first, Iterable<Tuple3<Long, Long, Long>> second, Collector<String> out) {
            TreeSet<Long> l = new TreeSet<>();
            first.forEach(t -> l.add(t.f2));
            TreeSet<Long> r = new TreeSet<>();
            second.forEach(t -> r.add(t.f2));
            out.collect("L" + l + " R" + r);
        }
    }

    enum Join { INTERVAL, WINDOW, CO_GROUP }

    @ParameterizedTest(name = "{0}, unaligned {1}")
    @CsvSource({"INTERVAL, false", "INTERVAL, true", "WINDOW, false", "CO_GROUP, false"})
    void joinOutputIsExactlyTheFailureFreeOutputAfterRestores(Join join, boolean unaligned) throws Exception {
        long seed = SEED + join.ordinal();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(P);
        env.enableCheckpointing(50, CheckpointingMode.EXACTLY_ONCE);
        env.getCheckpointConfig().setCheckpointStorage(checkpoints.toUri().toString());
        env.getCheckpointConfig().enableUnalignedCheckpoints(unaligned);
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(WindowRecoveryIT.FAILURES + 1, 0));
        DataStream<Tuple3<Long, Long, Long>> left = side(env, "left", new WindowRecoveryIT.Generate(seed, N, WindowRecoveryIT.failurePoints(seed, N / P)));
        DataStream<Tuple3<Long, Long, Long>> right = side(env, "right", new WindowRecoveryIT.Generate(rightSeed(seed), N, new long[0]));
        DataStream<String> results;
        switch (join) {
            case INTERVAL:
                KeyedStream<Tuple3<Long, Long, Long>, Long> keyedRight = right.keyBy(e -> e.f0);
                results = left.keyBy(e -> e.f0).intervalJoin(keyedRight).between(Duration.ofMillis(LOWER), Duration.ofMillis(UPPER))
                        .process(new IntervalPairs());
                break;
            case WINDOW:
                results = left.join(right).where(e -> e.f0).equalTo(e -> e.f0).window(TumblingEventTimeWindows.of(Duration.ofMillis(WINDOW)))
                        .apply((l, r) -> l.f2 + "-" + r.f2);
                break;
            default:
                results = left.coGroup(right).where(e -> e.f0).equalTo(e -> e.f0).window(TumblingEventTimeWindows.of(Duration.ofMillis(WINDOW)))
                        .apply(new Groups());
        }
        CollectingSink<String> sink = CollectingSink.create();
        results.addSink(sink);

        JobClient client = env.executeAsync(join + " join under failures" + (unaligned ? " (unaligned)" : ""));
        JobExecutionResult result = client.getJobExecutionResult().get(5, TimeUnit.MINUTES);
        System.out.println(join + (unaligned ? " (unaligned)" : "") + ": restarts " + result.getRestarts() + ", restored checkpoints "
                + client.getFailureHistory().stream().map(f -> f.restoredCheckpointId()).toList());
        assertThat(result.getRestarts()).as("injected failures").isGreaterThanOrEqualTo(1);
        assertThat(client.getFailureHistory().get(0).restoredCheckpointId()).as("restored from a checkpoint").isPositive();
        List<String> committed = sink.committed();
        List<String> expected = expected(join, seed);
        assertThat(expected).hasSizeGreaterThanOrEqualTo((int) (N / 2));
        assertThat(committed).as("no duplicates (seed %s)", SEED).doesNotHaveDuplicates();
        SameElements.assertSameElements("results (seed " + SEED + ")", committed, expected);
    }

    /** Events (key, timestamp, id) from {@code generate}, at most {@code 2 J} out of order, so never late. */
    private static DataStream<Tuple3<Long, Long, Long>> side(StreamExecutionEnvironment env, String name, WindowRecoveryIT.Generate generate) {
        return env.fromSource(new WindowRecoveryIT.Numbers(N, null), name).map(generate)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple3<Long, Long, Long>>forBoundedOutOfOrderness(Duration.ofMillis(2 * WindowRecoveryIT.J))
                        .withTimestampAssigner((e, ts) -> e.f1));
    }

    /**
     * The failure-free output, from the events alone: element i's timestamp is within 2 J of 2 i, so
     * only right elements with an index near i can share a window or an interval with left element i.
     */
    static List<String> expected(Join join, long seed) {
        List<String> out = new ArrayList<>();
        if (join == Join.CO_GROUP) {
            Map<List<Long>, List<TreeSet<Long>>> groups = new HashMap<>(); // (key, window) -> ids of each side
            for (long i = 0; i < N; i++) {
                group(groups, WindowRecoveryIT.keyOf(seed, i), WindowRecoveryIT.timestampOf(seed, i)).get(0).add(i);
                group(groups, WindowRecoveryIT.keyOf(rightSeed(seed), i), WindowRecoveryIT.timestampOf(rightSeed(seed), i)).get(1).add(i);
            }
            groups.values().forEach(g -> out.add("L" + g.get(0) + " R" + g.get(1)));
            return out;
        }
        long near = 2 * WindowRecoveryIT.J + Math.max(WINDOW, UPPER - LOWER);
        for (long i = 0; i < N; i++) {
            long key = WindowRecoveryIT.keyOf(seed, i);
            long tl = WindowRecoveryIT.timestampOf(seed, i);
            for (long j = Math.max(0, i - near); j < Math.min(N, i + near); j++) {
                long tr = WindowRecoveryIT.timestampOf(rightSeed(seed), j);
                if (key != WindowRecoveryIT.keyOf(rightSeed(seed), j)) {
                    continue;
                }
                if (join == Join.INTERVAL && tr >= tl + LOWER && tr <= tl + UPPER) {
                    out.add(i + "-" + j + "@" + Math.max(tl, tr));
                } else if (join == Join.WINDOW && tl / WINDOW == tr / WINDOW) {
                    out.add(i + "-" + j);
                }
            }
        }
        return out;
    }

    private static List<TreeSet<Long>> group(Map<List<Long>, List<TreeSet<Long>>> groups, long key, long ts) {
        return groups.computeIfAbsent(List.of(key, ts / WINDOW), k -> List.of(new TreeSet<>(), new TreeSet<>()));
    }
}
