package io.weir.testing;

import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.KeyedStream;
import io.weir.api.environment.CheckpointingMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobExecutionResult;
import io.weir.api.functions.CoGroupFunction;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.functions.co.ProcessJoinFunction;
import io.weir.api.restart.RestartStrategies;
import io.weir.api.state.CheckpointListener;
import io.weir.api.tuple.Tuple3;
import io.weir.api.util.Collector;
import io.weir.api.windowing.TumblingEventTimeWindows;
import io.weir.testing.WindowRecoveryIT.InjectedFailure;
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
 * completed ({@link InjectedFailure}); the sources ({@link WindowRecoveryIT.Numbers}) hold back a
 * third of the way in until one has, so the restore always brings back buffered elements and timers
 * (interval join) or window contents (window join, coGroup).
 *
 * <p>Events: left {@code i} has key {@code i mod K} and timestamp {@code 2i}, right {@code j} key
 * {@code j mod K} and timestamp {@code 2j + 1}; each source subtask emits ascending timestamps and
 * uses monotonous watermarks, so no element is ever late. Rerun with {@code -Dweir.test.seed=<seed>}.
 */
class JoinRecoveryIT {
    static final long SEED = Long.getLong("weir.test.seed", System.nanoTime());
    static final int P = WindowRecoveryIT.P;
    static final long N = 60_000;
    static final long K = 50;
    static final long LOWER = -30;
    static final long UPPER = 70;
    static final long WINDOW = 200;

    @TempDir
    Path checkpoints;

    @BeforeAll
    static void printSeed() {
        System.out.println("JoinRecoveryIT seed: " + SEED + " (rerun with -Dweir.test.seed=" + SEED + ")");
    }

    static long leftTs(long i) {
        return 2 * i;
    }

    static long rightTs(long j) {
        return 2 * j + 1;
    }

    /** Sequence number s to event (key, timestamp, id); the left side injects failures. */
    static final class Event extends RichMapFunction<Long, Tuple3<Long, Long, Long>> implements CheckpointListener {
        private final boolean left;
        private final InjectedFailure failure;

        Event(boolean left, long[] failAt) {
            this.left = left;
            this.failure = new InjectedFailure(failAt, N / P);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            failure.checkpointCompleted();
        }

        @Override
        public Tuple3<Long, Long, Long> map(Long s) {
            failure.maybeFail(getRuntimeContext().getIndexOfThisSubtask(), getRuntimeContext().getAttemptNumber());
            long per = N / P;
            long i = (s % per) * P + s / per; // both source subtasks advance in event time together
            return Tuple3.of(i % K, left ? leftTs(i) : rightTs(i), i);
        }
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
        DataStream<Tuple3<Long, Long, Long>> left = side(env, true, WindowRecoveryIT.failurePoints(seed, N / P));
        DataStream<Tuple3<Long, Long, Long>> right = side(env, false, new long[0]);
        DataStream<String> results;
        switch (join) {
            case INTERVAL:
                KeyedStream<Tuple3<Long, Long, Long>, Long> keyedRight = right.keyBy(e -> e.f0);
                results = left.keyBy(e -> e.f0).intervalJoin(keyedRight).between(Duration.ofMillis(LOWER), Duration.ofMillis(UPPER))
                        .process(new IntervalPairs());
                break;
            case WINDOW:
                results = left.join(right).where(e -> e.f0).equalTo(e -> e.f0).window(TumblingEventTimeWindows.of(Duration.ofMillis(WINDOW)))
                        .apply((l, r) -> l.f2 + "-" + r.f2 + "@" + (l.f1 / WINDOW * WINDOW + WINDOW - 1));
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
        List<String> expected = expected(join);
        assertThat(expected).hasSizeGreaterThanOrEqualTo((int) (N / 2));
        assertThat(committed).as("no duplicates (seed %s)", SEED).doesNotHaveDuplicates();
        assertThat(committed).as("results (seed %s)", SEED).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static DataStream<Tuple3<Long, Long, Long>> side(StreamExecutionEnvironment env, boolean left, long[] failAt) {
        return env.fromSource(new WindowRecoveryIT.Numbers(N, null), left ? "left" : "right").map(new Event(left, failAt))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple3<Long, Long, Long>>forMonotonousTimestamps().withTimestampAssigner((e, ts) -> e.f1));
    }

    /** The failure-free output, by looking at every right element whose timestamp is near each left one's. */
    static List<String> expected(Join join) {
        List<String> out = new ArrayList<>();
        if (join == Join.CO_GROUP) {
            Map<List<Long>, List<TreeSet<Long>>> groups = new HashMap<>(); // (key, window) -> ids of each side
            for (long i = 0; i < N; i++) {
                group(groups, i, leftTs(i)).get(0).add(i);
                group(groups, i, rightTs(i)).get(1).add(i);
            }
            groups.values().forEach(g -> out.add("L" + g.get(0) + " R" + g.get(1)));
            return out;
        }
        for (long i = 0; i < N; i++) {
            long tl = leftTs(i);
            for (long j = Math.max(0, i - WINDOW); j < Math.min(N, i + WINDOW); j++) {
                long tr = rightTs(j);
                if (i % K != j % K) {
                    continue;
                }
                if (join == Join.INTERVAL && tr >= tl + LOWER && tr <= tl + UPPER) {
                    out.add(i + "-" + j + "@" + Math.max(tl, tr));
                } else if (join == Join.WINDOW && tl / WINDOW == tr / WINDOW) {
                    out.add(i + "-" + j + "@" + (tl / WINDOW * WINDOW + WINDOW - 1));
                }
            }
        }
        return out;
    }

    private static List<TreeSet<Long>> group(Map<List<Long>, List<TreeSet<Long>>> groups, long id, long ts) {
        return groups.computeIfAbsent(List.of(id % K, ts / WINDOW), k -> List.of(new TreeSet<>(), new TreeSet<>()));
    }
}
