package io.weir.testing;

import io.weir.api.connector.source.Boundedness;
import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.ReaderOutput;
import io.weir.api.connector.source.Source;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.KeyedStream;
import io.weir.api.environment.CheckpointingMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobExecutionResult;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.functions.windowing.ProcessAllWindowFunction;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.restart.RestartStrategies;
import io.weir.api.state.CheckpointListener;
import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;
import io.weir.api.tuple.Tuple4;
import io.weir.api.typeutils.TypeSerializer;
import io.weir.api.util.Collector;
import io.weir.api.windowing.EventTimeSessionWindows;
import io.weir.api.windowing.SlidingEventTimeWindows;
import io.weir.api.windowing.TimeWindow;
import io.weir.api.windowing.TumblingEventTimeWindows;
import io.weir.api.windowing.TumblingProcessingTimeWindows;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Windows under failures: a job with injected failures (a map that throws once per attempt, at a
 * seeded record count, see {@link InjectedFailure}) and checkpoints every 50 ms (aligned, and for
 * some window types also unaligned) must give exactly the failure-free window results, for every
 * window type. Results are collected by the two-phase-commit {@link CollectingSink}, so every
 * (key, window) must appear exactly once with exactly the expected value.
 *
 * <p>Events: event {@code i} has key {@code mix(i) mod K} and timestamp {@code 2 (i + jitter(i))}
 * with {@code jitter < J}; the watermark bound is {@code 2 J}, so no event is ever late and the
 * failure-free results follow from the events alone (they are computed here directly). Timestamps
 * are even and the session gap odd, so no event can touch a session exactly at its end, which would
 * make the result depend on when the watermark arrived.
 *
 * <p>Rerun with {@code -Dweir.test.seed=<seed>} (the seed is printed).
 */
class WindowRecoveryIT {
    static final long SEED = Long.getLong("weir.test.seed", System.nanoTime());
    static final int P = 2;
    static final long N = 300_000;
    static final long K = 16;
    static final long J = 20;
    static final long TUMBLE = 200;
    static final long SLIDE_SIZE = 300;
    static final long SLIDE = 100;
    static final long GAP = 41;
    static final int FAILURES = 2;

    @TempDir
    Path checkpoints;

    @BeforeAll
    static void printSeed() {
        System.out.println("WindowRecoveryIT seed: " + SEED + " (rerun with -Dweir.test.seed=" + SEED + ")");
    }

    static long splitmix64(long i) {
        long z = (i + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long mix(long seed, long i) {
        return splitmix64(seed * 0x632BE59BD9B4E019L + i);
    }

    static long keyOf(long seed, long i) {
        return Long.remainderUnsigned(mix(seed, i), K);
    }

    static long timestampOf(long seed, long i) {
        return 2 * (i + Long.remainderUnsigned(mix(seed, i) >>> 17, J));
    }

    /** The failure points: per attempt, the record count of map subtask 0 at which it throws. */
    static long[] failurePoints(long seed, long perSubtask) {
        Random r = new Random(seed);
        long[] points = new long[FAILURES];
        for (int a = 0; a < FAILURES; a++) {
            points[a] = perSubtask / 10 + (long) (r.nextDouble() * perSubtask / 5);
        }
        return points;
    }

    /**
     * Throws once per attempt in subtask 0: at the first record from the seeded count on, once a
     * checkpoint of the attempt has completed (so that recovery restores real state), or at the
     * seeded count plus half the input of a subtask if none has.
     */
    static final class InjectedFailure implements java.io.Serializable {
        private final long[] failAt;
        private final long lastResort;
        private transient long count;
        private transient boolean checkpointed;

        InjectedFailure(long[] failAt, long perSubtask) {
            this.failAt = failAt;
            this.lastResort = perSubtask / 2;
        }

        void maybeFail(int subtask, int attempt) {
            if (subtask != 0 || attempt >= failAt.length) {
                return;
            }
            count++;
            if (count >= failAt[attempt] && (checkpointed || count >= failAt[attempt] + lastResort)) {
                failAt[attempt] = Long.MAX_VALUE; // once per attempt (this copy of the function lives for one attempt)
                throw new IllegalStateException("injected failure in attempt " + attempt + " at record " + count);
            }
        }

        void checkpointCompleted() {
            checkpointed = true;
        }
    }

    /** Turns sequence number s into event i (both source partitions advance in event time together) and injects failures. */
    static final class Generate extends RichMapFunction<Long, Tuple3<Long, Long, Long>> implements CheckpointListener {
        private final long seed;
        private final long n;
        private final InjectedFailure failure;

        Generate(long seed, long n, long[] failAt) {
            this.seed = seed;
            this.n = n;
            this.failure = new InjectedFailure(failAt, n / P);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            failure.checkpointCompleted();
        }

        @Override
        public Tuple3<Long, Long, Long> map(Long s) {
            failure.maybeFail(getRuntimeContext().getIndexOfThisSubtask(), getRuntimeContext().getAttemptNumber());
            long per = n / P;
            long i = (s % per) * P + s / per;
            return Tuple3.of(keyOf(seed, i), timestampOf(seed, i), i);
        }
    }

    /** Counts elements. */
    static final class Count implements AggregateFunction<Tuple3<Long, Long, Long>, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Tuple3<Long, Long, Long> value, Long acc) {
            return acc + 1;
        }

        @Override
        public Long getResult(Long acc) {
            return acc;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    /** (key, start, end, single incremental value). */
    static final class Emit<V> extends ProcessWindowFunction<V, Tuple4<Long, Long, Long, Long>, Long, TimeWindow> {
        @Override
        public void process(Long key, Context ctx, Iterable<V> values, Collector<Tuple4<Long, Long, Long, Long>> out) {
            V v = values.iterator().next();
            long value = v instanceof Tuple3 ? (Long) ((Tuple3<?, ?, ?>) v).f2 : (Long) v;
            out.collect(Tuple4.of(key, ctx.window().getStart(), ctx.window().getEnd(), value));
        }
    }

    /** (key, start, end, sum of i over all elements). */
    static final class SumOfI extends ProcessWindowFunction<Tuple3<Long, Long, Long>, Tuple4<Long, Long, Long, Long>, Long, TimeWindow> {
        @Override
        public void process(Long key, Context ctx, Iterable<Tuple3<Long, Long, Long>> elements, Collector<Tuple4<Long, Long, Long, Long>> out) {
            long sum = 0;
            for (Tuple3<Long, Long, Long> e : elements) {
                sum += e.f2;
            }
            out.collect(Tuple4.of(key, ctx.window().getStart(), ctx.window().getEnd(), sum));
        }
    }

    /** (-1, start, end, count) of a windowAll. */
    static final class EmitAll extends ProcessAllWindowFunction<Long, Tuple4<Long, Long, Long, Long>, TimeWindow> {
        @Override
        public void process(Context ctx, Iterable<Long> counts, Collector<Tuple4<Long, Long, Long, Long>> out) {
            out.collect(Tuple4.of(-1L, ctx.window().getStart(), ctx.window().getEnd(), counts.iterator().next()));
        }
    }

    enum Case { TUMBLING_AGGREGATE, SLIDING_REDUCE, SESSION_PROCESS, SESSION_AGGREGATE, WINDOW_ALL_TUMBLING }

    private StreamExecutionEnvironment env() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(P);
        env.enableCheckpointing(50, CheckpointingMode.EXACTLY_ONCE);
        env.getCheckpointConfig().setCheckpointStorage(checkpoints.toUri().toString());
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(FAILURES + 1, 0));
        return env;
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void eventTimeWindowResultsEqualTheFailureFreeResultsDespiteFailures(Case c) throws Exception {
        runEventTimeJob(c, false);
    }

    @ParameterizedTest
    @EnumSource(value = Case.class, names = {"TUMBLING_AGGREGATE", "SESSION_PROCESS"})
    void withUnalignedCheckpointsToo(Case c) throws Exception {
        runEventTimeJob(c, true);
    }

    private void runEventTimeJob(Case c, boolean unaligned) throws Exception {
        long seed = SEED + c.ordinal() + (unaligned ? 50 : 0);
        StreamExecutionEnvironment env = env();
        env.getCheckpointConfig().enableUnalignedCheckpoints(unaligned);
        DataStream<Tuple3<Long, Long, Long>> events = env.fromSource(new Numbers(N, null), "numbers")
                .map(new Generate(seed, N, failurePoints(seed, N / P)))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple3<Long, Long, Long>>forBoundedOutOfOrderness(Duration.ofMillis(2 * J))
                        .withTimestampAssigner((e, ts) -> e.f1));
        KeyedStream<Tuple3<Long, Long, Long>, Long> keyed = events.keyBy(e -> e.f0);
        DataStream<Tuple4<Long, Long, Long, Long>> results;
        switch (c) {
            case TUMBLING_AGGREGATE:
                results = keyed.window(TumblingEventTimeWindows.of(Duration.ofMillis(TUMBLE))).aggregate(new Count(), new Emit<>());
                break;
            case SLIDING_REDUCE:
                results = keyed.window(SlidingEventTimeWindows.of(Duration.ofMillis(SLIDE_SIZE), Duration.ofMillis(SLIDE)))
                        .reduce((a, b) -> Tuple3.of(a.f0, Math.max(a.f1, b.f1), a.f2 + b.f2), new Emit<>());
                break;
            case SESSION_PROCESS:
                results = keyed.window(EventTimeSessionWindows.withGap(Duration.ofMillis(GAP))).process(new SumOfI());
                break;
            case SESSION_AGGREGATE:
                results = keyed.window(EventTimeSessionWindows.withGap(Duration.ofMillis(GAP))).aggregate(new Count(), new Emit<>());
                break;
            default:
                results = events.windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(TUMBLE))).aggregate(new Count(), new EmitAll());
        }
        CollectingSink<Tuple4<Long, Long, Long, Long>> sink = CollectingSink.create();
        results.addSink(sink);
        JobClient client = env.executeAsync("windows under failures: " + c + (unaligned ? " (unaligned)" : ""));
        JobExecutionResult result = client.getJobExecutionResult().get(5, TimeUnit.MINUTES);
        System.out.println(c + (unaligned ? " (unaligned)" : "") + ": restarts " + result.getRestarts() + ", restored checkpoints "
                + client.getFailureHistory().stream().map(f -> f.restoredCheckpointId()).toList() + ", checkpoints " + summary(client));
        assertThat(result.getRestarts()).as("injected failures").isGreaterThanOrEqualTo(1);

        Map<List<Long>, Long> expected = expected(c, seed);
        Map<List<Long>, Long> actual = new HashMap<>();
        for (Tuple4<Long, Long, Long, Long> r : sink.committed()) {
            Long previous = actual.put(List.of(r.f0, r.f1, r.f2), r.f3);
            assertThat(previous).as("(key, window) %s emitted twice (seed %s)", List.of(r.f0, r.f1, r.f2), SEED).isNull();
        }
        assertThat(actual).as("window results (seed %s)", SEED).hasSameSizeAs(expected).isEqualTo(expected);
    }

    private static String summary(JobClient client) {
        return client.getCheckpointStatistics().stream().map(c -> c.checkpointId() + ":" + c.status() + "/" + c.endToEndDurationMs() + "ms")
                .toList().toString();
    }

    /** The failure-free results, from the events alone: (key, start, end) to the value. */
    static Map<List<Long>, Long> expected(Case c, long seed) {
        Map<List<Long>, Long> out = new HashMap<>();
        Map<Long, TreeMap<Long, List<Long>>> byKey = new HashMap<>(); // key -> ts -> i's (sessions)
        for (long i = 0; i < N; i++) {
            long key = keyOf(seed, i);
            long ts = timestampOf(seed, i);
            switch (c) {
                case TUMBLING_AGGREGATE:
                    out.merge(List.of(key, ts - ts % TUMBLE, ts - ts % TUMBLE + TUMBLE), 1L, Long::sum);
                    break;
                case WINDOW_ALL_TUMBLING:
                    out.merge(List.of(-1L, ts - ts % TUMBLE, ts - ts % TUMBLE + TUMBLE), 1L, Long::sum);
                    break;
                case SLIDING_REDUCE:
                    for (long start = ts - ts % SLIDE; start > ts - SLIDE_SIZE; start -= SLIDE) {
                        out.merge(List.of(key, start, start + SLIDE_SIZE), i, Long::sum);
                    }
                    break;
                default:
                    byKey.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(ts, t -> new ArrayList<>()).add(i);
            }
        }
        for (Map.Entry<Long, TreeMap<Long, List<Long>>> k : byKey.entrySet()) {
            long start = Long.MIN_VALUE;
            long last = Long.MIN_VALUE;
            long value = 0;
            for (Map.Entry<Long, List<Long>> e : k.getValue().entrySet()) {
                long ts = e.getKey();
                if (start != Long.MIN_VALUE && ts > last + GAP) {
                    out.put(List.of(k.getKey(), start, last + GAP), value);
                    start = Long.MIN_VALUE;
                }
                if (start == Long.MIN_VALUE) {
                    start = ts;
                    value = 0;
                }
                last = ts;
                for (long i : e.getValue()) {
                    value += c == Case.SESSION_AGGREGATE ? 1 : i;
                }
            }
            out.put(List.of(k.getKey(), start, last + GAP), value);
        }
        return out;
    }

    // ------------------------------------------------------------------ processing time

    static final Map<String, Set<Long>> MARKERS_SEEN = new ConcurrentHashMap<>();

    /** The attempt the maps run in (set in their open()), so the source knows whose markers to wait for. */
    static final java.util.concurrent.atomic.AtomicInteger CURRENT_ATTEMPT = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * The numbers 0..n-1 in one contiguous range per subtask (as {@code fromSequence}), optionally
     * followed by n..n+K-1 (one marker per key) from subtask 0. Each reader holds back once a third
     * of its range is out until a checkpoint has completed in its attempt, so that the injected
     * failures, which wait for one too, restore real state. With markers, the input then stays open
     * until every key's marker has come out of a window in the current attempt: processing-time
     * windows still open at the end of input do not fire, so it must not end before they have.
     */
    static final class Numbers implements Source<Long, long[]> {
        private final long n;
        private final String markersOf;

        /** @param markersOf the run whose markers to emit and wait for, or null for none */
        Numbers(long n, String markersOf) {
            this.n = n;
            this.markersOf = markersOf;
        }

        @Override
        public Boundedness getBoundedness() {
            return Boundedness.BOUNDED;
        }

        /** Split: {next, end (exclusive), pause point}. */
        @Override
        public List<long[]> createSplits(int parallelism) {
            List<long[]> splits = new ArrayList<>();
            for (int i = 0; i < parallelism; i++) {
                long from = n / parallelism * i;
                long to = i == parallelism - 1 ? n + (markersOf == null ? 0 : K) : n / parallelism * (i + 1);
                splits.add(new long[] {from, to, from + (to - from) / 3});
            }
            return splits;
        }

        @Override
        public SourceReader<Long, long[]> createReader(SourceReaderContext context) {
            return new SourceReader<>() {
                private final List<long[]> splits = new ArrayList<>();
                private final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                private boolean checkpointed;

                @Override
                public void addSplits(List<long[]> added) {
                    added.forEach(a -> splits.add(a.clone()));
                }

                @Override
                public InputStatus pollNext(ReaderOutput<Long> output) {
                    boolean more = false;
                    boolean left = false;
                    for (long[] split : splits) {
                        long limit = checkpointed ? split[1] : Math.min(split[1], split[2]);
                        for (int i = 0; i < 256 && split[0] < limit; i++) {
                            output.collect(split[0]++);
                        }
                        more |= split[0] < limit;
                        left |= split[0] < split[1];
                    }
                    if (more) {
                        return InputStatus.MORE_AVAILABLE;
                    }
                    if (left) {
                        return InputStatus.NOTHING_AVAILABLE; // held at the pause point until a checkpoint completes
                    }
                    if (markersOf == null || MARKERS_SEEN.getOrDefault(markersOf + "/" + CURRENT_ATTEMPT.get(), Set.of()).size() == K) {
                        return InputStatus.END_OF_INPUT;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the markers of " + markersOf + " did not come out of the windows within 120 s");
                    }
                    return InputStatus.NOTHING_AVAILABLE;
                }

                @Override
                public List<long[]> snapshotState(long checkpointId) {
                    List<long[]> copy = new ArrayList<>();
                    splits.forEach(sp -> copy.add(sp.clone()));
                    return copy;
                }

                @Override
                public void notifyCheckpointComplete(long checkpointId) {
                    checkpointed = true;
                }
            };
        }

        @Override
        public TypeSerializer<long[]> getSplitSerializer() {
            return new TypeSerializer<>() {
                @Override
                public void serialize(long[] v, java.io.DataOutput out) throws java.io.IOException {
                    for (long x : v) {
                        out.writeLong(x);
                    }
                }

                @Override
                public long[] deserialize(java.io.DataInput in) throws java.io.IOException {
                    return new long[] {in.readLong(), in.readLong(), in.readLong()};
                }

                @Override
                public long[] copy(long[] v) {
                    return v.clone();
                }

                @Override
                public boolean isImmutableType() {
                    return false;
                }

                @Override
                public TypeSerializer<long[]> duplicate() {
                    return this;
                }

                @Override
                public String snapshotIdentifier() {
                    return "test:numbers-split";
                }
            };
        }
    }

    /** Data s becomes (key, 1, 0), marker n + k becomes (k, 0, 1); injects failures on data. */
    static final class Tag extends RichMapFunction<Long, Tuple3<Long, Long, Long>> implements CheckpointListener {
        private final long seed;
        private final long n;
        private final InjectedFailure failure;

        Tag(long seed, long n, long[] failAt) {
            this.seed = seed;
            this.n = n;
            this.failure = new InjectedFailure(failAt, n / P);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            failure.checkpointCompleted();
        }

        @Override
        public void open(io.weir.api.configuration.Configuration parameters) {
            CURRENT_ATTEMPT.accumulateAndGet(getRuntimeContext().getAttemptNumber(), Math::max);
        }

        @Override
        public Tuple3<Long, Long, Long> map(Long s) {
            if (s >= n) {
                return Tuple3.of(s - n, 0L, 1L);
            }
            failure.maybeFail(getRuntimeContext().getIndexOfThisSubtask(), getRuntimeContext().getAttemptNumber());
            return Tuple3.of(keyOf(seed, s), 1L, 0L);
        }
    }

    /** Sums the data count and notes whether the marker is in the window. */
    static final class SumAndMarker implements AggregateFunction<Tuple3<Long, Long, Long>, Tuple2<Long, Long>, Tuple2<Long, Long>> {
        @Override
        public Tuple2<Long, Long> createAccumulator() {
            return Tuple2.of(0L, 0L);
        }

        @Override
        public Tuple2<Long, Long> add(Tuple3<Long, Long, Long> v, Tuple2<Long, Long> acc) {
            return Tuple2.of(acc.f0 + v.f1, Math.max(acc.f1, v.f2));
        }

        @Override
        public Tuple2<Long, Long> getResult(Tuple2<Long, Long> acc) {
            return acc;
        }

        @Override
        public Tuple2<Long, Long> merge(Tuple2<Long, Long> a, Tuple2<Long, Long> b) {
            return Tuple2.of(a.f0 + b.f0, Math.max(a.f1, b.f1));
        }
    }

    /** (key, start, count, marker?). */
    static final class EmitCount extends ProcessWindowFunction<Tuple2<Long, Long>, Tuple4<Long, Long, Long, Long>, Long, TimeWindow> {
        @Override
        public void process(Long key, Context ctx, Iterable<Tuple2<Long, Long>> r, Collector<Tuple4<Long, Long, Long, Long>> out) {
            Tuple2<Long, Long> v = r.iterator().next();
            out.collect(Tuple4.of(key, ctx.window().getStart(), v.f0, v.f1));
        }
    }

    /** Notes markers coming out of windows, per attempt. */
    static final class WatchMarkers extends RichMapFunction<Tuple4<Long, Long, Long, Long>, Tuple4<Long, Long, Long, Long>> {
        private final String run;

        WatchMarkers(String run) {
            this.run = run;
        }

        @Override
        public Tuple4<Long, Long, Long, Long> map(Tuple4<Long, Long, Long, Long> r) {
            if (r.f3 == 1L) {
                MARKERS_SEEN.computeIfAbsent(run + "/" + getRuntimeContext().getAttemptNumber(), k -> ConcurrentHashMap.newKeySet()).add(r.f0);
            }
            return r;
        }
    }

    @Test
    void processingTimeWindowsCountEveryRecordExactlyOnceDespiteFailures() throws Exception {
        long seed = SEED + 100;
        long n = 100_000;
        String run = "processing-" + seed;
        StreamExecutionEnvironment env = env();
        CollectingSink<Tuple4<Long, Long, Long, Long>> sink = CollectingSink.create();
        env.fromSource(new Numbers(n, run), "data then markers").setParallelism(1) // markers after all data
                .map(new Tag(seed, n, failurePoints(seed, n / P)))
                .keyBy(e -> e.f0)
                .window(TumblingProcessingTimeWindows.of(Duration.ofMillis(20)))
                .aggregate(new SumAndMarker(), new EmitCount())
                .map(new WatchMarkers(run))
                .addSink(sink);
        JobClient client = env.executeAsync("processing-time windows under failures");
        JobExecutionResult result = client.getJobExecutionResult().get(5, TimeUnit.MINUTES);
        System.out.println("processing time: restarts " + result.getRestarts() + ", restored checkpoints "
                + client.getFailureHistory().stream().map(f -> f.restoredCheckpointId()).toList() + ", checkpoints " + summary(client));
        assertThat(result.getRestarts()).isGreaterThanOrEqualTo(1);

        Map<Long, Long> expected = new HashMap<>();
        for (long s = 0; s < n; s++) {
            expected.merge(keyOf(seed, s), 1L, Long::sum);
        }
        Map<Long, Long> actual = new HashMap<>();
        Map<List<Long>, Integer> perWindow = new HashMap<>();
        for (Tuple4<Long, Long, Long, Long> r : sink.committed()) {
            actual.merge(r.f0, r.f2, Long::sum);
            perWindow.merge(List.of(r.f0, r.f1), 1, Integer::sum);
        }
        assertThat(perWindow.values()).as("each (key, window) once (seed %s)", SEED).containsOnly(1);
        assertThat(actual).as("records per key over all windows (seed %s)", SEED).isEqualTo(expected);
    }
}
