package io.weir.bench;

import io.weir.api.checkpoint.CheckpointedFunction;
import io.weir.api.checkpoint.FunctionInitializationContext;
import io.weir.api.checkpoint.FunctionSnapshotContext;
import io.weir.api.environment.CheckpointingMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobExecutionResult;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.functions.sink.RichSinkFunction;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.restart.RestartStrategies;
import io.weir.api.state.CheckpointListener;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;
import io.weir.api.util.Collector;
import io.weir.api.windowing.TimeWindow;
import io.weir.api.windowing.TumblingEventTimeWindows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * W5 of WORKLOADS.md: events (key(i, 1000), ts = i ms) from a checkpointed parallel source,
 * bounded-out-of-orderness watermarks (100 ms), keyBy, tumbling 1 s event-time windows with an
 * incremental count and a window function emitting (key, window start, count), and a verifier.
 * Checkpoints every second, exactly once.
 */
public final class WindowWorkload {
    static final long KEYS = 1000;
    private static final AtomicLong FIRST_RECORD = new AtomicLong(Probes.NONE);
    private static final AtomicLong OUTPUTS = new AtomicLong();
    private static final AtomicLong SUM_COUNTS = new AtomicLong();

    private WindowWorkload() {}

    /** (key(i, K), i) for source sequence number s, with the index permutation of WORKLOADS.md §1. */
    static final class Events extends RichMapFunction<Long, Tuple2<Long, Long>> {
        private static final long serialVersionUID = 1L;
        private final long perPartition;

        Events(long perPartition) {
            this.perPartition = perPartition;
        }

        @Override
        public void open(OpenContext openContext) {}

        @Override
        public Tuple2<Long, Long> map(Long s) {
            if (FIRST_RECORD.get() == Probes.NONE) {
                FIRST_RECORD.compareAndSet(Probes.NONE, System.nanoTime());
            }
            long i = SplitMix64.eventIndex(s, perPartition, BenchInfo.PARALLELISM);
            return Tuple2.of(SplitMix64.key(i, KEYS), i);
        }
    }

    static final class Count implements AggregateFunction<Tuple2<Long, Long>, Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Tuple2<Long, Long> value, Long acc) {
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

    static final class Emit extends ProcessWindowFunction<Long, Tuple3<Long, Long, Long>, Long, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(Long key, Context ctx, Iterable<Long> counts, Collector<Tuple3<Long, Long, Long>> out) {
            out.collect(Tuple3.of(key, ctx.window().getStart(), counts.iterator().next()));
        }
    }

    /** Counts window results and their counts; the figures of the finishing attempt are kept in state. */
    static final class Verify extends RichSinkFunction<Tuple3<Long, Long, Long>> implements CheckpointedFunction, CheckpointListener {
        private static final long serialVersionUID = 1L;
        private transient ListState<Long> state;
        private long outputs;
        private long sum;

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            state = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("verify", Long.class));
            List<Long> l = new java.util.ArrayList<>();
            state.get().forEach(l::add);
            if (l.size() == 2) {
                outputs = l.get(0);
                sum = l.get(1);
            }
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            state.update(List.of(outputs, sum));
        }

        @Override
        public void invoke(Tuple3<Long, Long, Long> value, Context context) {
            outputs++;
            sum += value.f2;
        }

        @Override
        public void finish() {
            OUTPUTS.addAndGet(outputs);
            SUM_COUNTS.addAndGet(sum);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            Probes.verifierCheckpoints.add(checkpointId);
        }
    }

    public static String run(long events) throws Exception {
        int p = BenchInfo.PARALLELISM;
        if (events <= 0 || events % p != 0) {
            throw new IllegalArgumentException("events = " + events + ": must be a positive multiple of the parallelism " + p + ".");
        }
        Probes.reset();
        FIRST_RECORD.set(Probes.NONE);
        OUTPUTS.set(0);
        SUM_COUNTS.set(0);
        Path checkpoints = KeyedCountWorkload.newCheckpointDirectory("W5");
        try {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(p);
        BenchInfo.applyObjectReuse(env);
            env.enableCheckpointing(KeyedCountWorkload.CHECKPOINT_INTERVAL_MS, CheckpointingMode.EXACTLY_ONCE);
            env.getCheckpointConfig().setCheckpointStorage(checkpoints);
            env.setRestartStrategy(RestartStrategies.noRestart());
            env.fromSequence(0, events - 1)
                    .map(new Events(events / p)).name("generator")
                    .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<Long, Long>>forBoundedOutOfOrderness(Duration.ofMillis(100))
                            .withTimestampAssigner((e, ts) -> e.f1))
                    .keyBy(t -> t.f0)
                    .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                    .aggregate(new Count(), new Emit()).name("windows")
                    .addSink(new Verify()).name("verifier");
            long start = System.nanoTime();
            JobClient client = env.executeAsync("W5");
            JobExecutionResult result = client.getJobExecutionResult().get();
            long end = System.nanoTime();
            long expectedWindows = expectedWindows(events);
            long first = FIRST_RECORD.get();
            long wallMs = (end - start) / 1_000_000L;
            long processMs = first == Probes.NONE ? -1 : (end - first) / 1_000_000L;
            boolean correct = SUM_COUNTS.get() == events && OUTPUTS.get() == expectedWindows;
            return BenchInfo.header("W5", events, KEYS)
                    .put("state_backend", "heap")
                    .put("checkpointing", true)
                    .put("startup_ms", first == Probes.NONE ? -1 : (first - start) / 1_000_000L)
                    .put("wall_ms", wallMs)
                    .put("process_ms", processMs)
                    .put("events_per_sec", wallMs > 0 ? events * 1000 / wallMs : -1)
                    .put("events_per_sec_processing", processMs > 0 ? events * 1000 / processMs : -1)
                    .put("checkpoints_completed", Probes.verifierCheckpoints.size())
                    .put("restarts", result.getRestarts())
                    .put("sum_counts", SUM_COUNTS.get())
                    .put("outputs", OUTPUTS.get())
                    .put("expected_windows", expectedWindows)
                    .put("correct", correct)
                    .toString();
        } finally {
            KeyedCountWorkload.deleteRecursively(checkpoints);
        }
    }

    /** Distinct (key, 1 s window) pairs among events i with ts = i ms, computed independently of the job. */
    static long expectedWindows(long events) {
        long[] lastWindow = new long[(int) KEYS];
        java.util.Arrays.fill(lastWindow, -1);
        long distinct = 0;
        for (long i = 0; i < events; i++) {
            int key = (int) SplitMix64.key(i, KEYS);
            long w = i / 1000;
            if (lastWindow[key] != w) {
                lastWindow[key] = w;
                distinct++;
            }
        }
        return distinct;
    }
}
