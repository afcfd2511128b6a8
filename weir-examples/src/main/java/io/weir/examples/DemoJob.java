package io.weir.examples;

import io.weir.api.checkpoint.CheckpointedFunction;
import io.weir.api.checkpoint.FunctionInitializationContext;
import io.weir.api.checkpoint.FunctionSnapshotContext;
import io.weir.api.configuration.Configuration;
import io.weir.api.environment.CheckpointingMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.CheckpointStatistics;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobExecutionException;
import io.weir.api.execution.JobExecutionResult;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.MapFunction;
import io.weir.api.functions.source.SourceFunction;
import io.weir.api.restart.RestartStrategies;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.util.Collector;
import io.weir.connectors.files.FileSink;
import io.weir.connectors.files.SimpleStringEncoder;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The job of {@code weir demo} (and of the CLI's SIGKILL crash test): a generator of records {@code (id, id % keys)}
 * with a checkpointed position, a map that throws injected user exceptions at chosen records, a running count per key
 * in keyed state, and the transactional {@link FileSink}, which writes one line {@code id,key,count} per record.
 * Checkpoints are EXACTLY_ONCE; failures restart the job with a fixed delay.
 *
 * <p>The generator is unbounded: it ends when the stop file appears, at its current position, so the input ends
 * cleanly and the final checkpoint commits everything. The committed output must then hold every id of
 * {@code 0..generated-1} exactly once, and for each key the counts, in id order, must be 1, 2, 3, ... A record is
 * never dropped or counted twice, whatever failed, as long as the job is resumed from its latest checkpoint
 * ({@code weir run -s latest}).
 *
 * <p>Arguments ({@code --name value}): {@code --out DIR} and {@code --stop-file FILE} (both required), {@code --keys}
 * (default 64), {@code --rate} records per second (default 20000; 0 means as fast as possible),
 * {@code --checkpoint-interval} ms (default 1000), {@code --fail-at ID,ID,...} records whose first arrival throws,
 * {@code --fail-markers DIR} (where "already thrown" markers are kept, so that a failure is injected once even across
 * a kill; default: {@code OUT/../injected}), {@code --status-interval} ms (default 250). Run it with
 * {@code weir run -c io.weir.examples.DemoJob -s latest -D execution.checkpointing.dir=DIR -- --out ... --stop-file ...}.
 *
 * <p>On stdout it prints a status line every status interval,
 * {@code DEMO-STATUS generated=N processed=N checkpoints=N last-checkpoint-id=N last-checkpoint-ms=N restarts=N}
 * (this JVM only), and when the job has finished {@code DEMO-DONE generated=N}.
 */
public final class DemoJob {
    /** Prefix of the status lines on stdout. */
    public static final String STATUS = "DEMO-STATUS";
    /** Prefix of the last line on stdout, after the job finished. */
    public static final String DONE = "DEMO-DONE";

    private DemoJob() {}

    public static void main(String[] args) throws Exception {
        Settings s = Settings.parse(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(s.checkpointIntervalMs, CheckpointingMode.EXACTLY_ONCE);
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(Math.max(10, s.failAt.size() + 5), 200));
        env.addSource(new Generator(s.rate, s.keys, s.stopFile.toString()), "generator")
                // parallelism 1, chained to the generator: each key's records then reach the count in id order
                .map(new InjectedFailures(s.failAt, s.failMarkers.toString())).setParallelism(1).name("injected failures")
                .keyBy(r -> r.f1)
                .process(new RunningCount()).name("running count per key")
                .addSink(FileSink.forRowFormat(s.out, new SimpleStringEncoder<String>()).withRollingPolicy(4L << 20, 10_000).build())
                .name("file sink");
        JobClient client = env.executeAsync("weir-demo");
        CompletableFuture<JobExecutionResult> result = client.getJobExecutionResult();
        StatusReporter reporter = new StatusReporter(client);
        while (true) {
            try {
                result.get(s.statusIntervalMs, TimeUnit.MILLISECONDS);
                break;
            } catch (TimeoutException e) {
                reporter.print();
            } catch (ExecutionException e) {
                reporter.print();
                if (e.getCause() instanceof JobExecutionException) {
                    throw (JobExecutionException) e.getCause();
                }
                throw e;
            }
        }
        reporter.print();
        System.out.println(DONE + " generated=" + Generator.FINAL_POSITION.get());
        System.out.flush();
    }

    /** Prints the status line; the checkpoint count covers every completed checkpoint seen by this JVM. */
    private static final class StatusReporter {
        private final JobClient client;
        private final Set<Long> completed = new HashSet<>();
        private long lastId = -1;
        private long lastMs = -1;

        StatusReporter(JobClient client) {
            this.client = client;
        }

        void print() {
            for (CheckpointStatistics c : client.getCheckpointStatistics()) {
                if (c.status() == CheckpointStatistics.Status.COMPLETED && completed.add(c.checkpointId()) && c.checkpointId() > lastId) {
                    lastId = c.checkpointId();
                    lastMs = c.endToEndDurationMs();
                }
            }
            System.out.println(STATUS + " generated=" + Generator.POSITION.get() + " processed=" + RunningCount.PROCESSED.get()
                    + " checkpoints=" + completed.size() + " last-checkpoint-id=" + lastId + " last-checkpoint-ms=" + lastMs
                    + " restarts=" + client.getRestartCount());
            System.out.flush();
        }
    }

    /**
     * Emits {@code (id, id % keys)} for id = 0, 1, 2, ... at {@code rate} records per second, until cancelled or until
     * the stop file exists. The position is emitted and advanced under the checkpoint lock, so each checkpoint holds
     * exactly the number of records emitted before its barrier.
     */
    static final class Generator implements SourceFunction<Tuple2<Long, Long>>, CheckpointedFunction {
        private static final long serialVersionUID = 1L;
        /** Position of the running generator in this JVM (for the status line). */
        static final AtomicLong POSITION = new AtomicLong();
        /** Position at which the generator last ended because of the stop file, or -1. */
        static final AtomicLong FINAL_POSITION = new AtomicLong(-1);
        private static final int BATCH = 500;
        private static final long STOP_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

        private final long rate;
        private final long keys;
        private final String stopFile;
        private transient ListState<Long> positionState;
        private long position;
        private volatile boolean running = true;

        Generator(long rate, long keys, String stopFile) {
            this.rate = rate;
            this.keys = keys;
            this.stopFile = stopFile;
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            positionState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("position", Long.class));
            position = 0;
            for (Long p : positionState.get()) {
                position = Math.max(position, p);
            }
            POSITION.set(position);
            if (Files.exists(Paths.get(stopFile))) {
                FINAL_POSITION.set(position); // restored after the end of input: run() may not be called again
            }
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            positionState.update(List.of(position)); // called under the checkpoint lock
        }

        @Override
        public void run(SourceContext<Tuple2<Long, Long>> ctx) throws Exception {
            Path stop = Paths.get(stopFile);
            long startPosition = position;
            long start = System.nanoTime();
            long lastStopCheck = start - STOP_CHECK_NANOS;
            while (running) {
                long now = System.nanoTime();
                if (now - lastStopCheck >= STOP_CHECK_NANOS) {
                    lastStopCheck = now;
                    if (Files.exists(stop)) {
                        FINAL_POSITION.set(position);
                        return;
                    }
                }
                long allowed = rate <= 0 ? Long.MAX_VALUE : startPosition + (long) (rate * ((now - start) / 1e9));
                if (position >= allowed) {
                    Thread.sleep(1);
                    continue;
                }
                long end = Math.min(allowed, position + BATCH);
                synchronized (ctx.getCheckpointLock()) {
                    for (; position < end; position++) {
                        ctx.collect(Tuple2.of(position, position % keys));
                    }
                }
                POSITION.set(end);
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    /** Throws a user exception at the first arrival of each chosen record; a marker file remembers it across kills. */
    static final class InjectedFailures implements MapFunction<Tuple2<Long, Long>, Tuple2<Long, Long>> {
        private static final long serialVersionUID = 1L;
        private final Set<Long> failAt;
        private final String markerDir;

        InjectedFailures(Set<Long> failAt, String markerDir) {
            this.failAt = failAt;
            this.markerDir = markerDir;
        }

        @Override
        public Tuple2<Long, Long> map(Tuple2<Long, Long> record) throws Exception {
            if (failAt.contains(record.f0)) {
                Path marker = Paths.get(markerDir).resolve("failure-at-" + record.f0);
                try {
                    Files.createDirectories(marker.getParent());
                    Files.createFile(marker);
                } catch (FileAlreadyExistsException e) {
                    return record; // injected once already
                }
                throw new InjectedFailure("injected user exception at record " + record.f0 + " (weir demo)");
            }
            return record;
        }
    }

    /** The exception {@link InjectedFailures} throws. */
    public static final class InjectedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFailure(String message) {
            super(message);
        }
    }

    /** Attaches the running count of its key to each record: {@code id,key,count}. */
    static final class RunningCount extends KeyedProcessFunction<Long, Tuple2<Long, Long>, String> {
        private static final long serialVersionUID = 1L;
        /** Records processed in this JVM, replays included (for the status line). */
        static final AtomicLong PROCESSED = new AtomicLong();
        private transient ValueState<Long> count;

        @Override
        public void open(Configuration parameters) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public void processElement(Tuple2<Long, Long> record, Context ctx, Collector<String> out) throws Exception {
            Long c = count.value();
            long next = c == null ? 1 : c + 1;
            count.update(next);
            out.collect(record.f0 + "," + record.f1 + "," + next);
            PROCESSED.incrementAndGet();
        }
    }

    /** The job's arguments. */
    static final class Settings {
        Path out;
        Path stopFile;
        Path failMarkers;
        long keys = 64;
        long rate = 20_000;
        long checkpointIntervalMs = 1000;
        long statusIntervalMs = 250;
        Set<Long> failAt = new HashSet<>();

        static Settings parse(String[] args) throws IOException {
            Settings s = new Settings();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("DemoJob: " + name + " needs a value");
                }
                String v = args[++i];
                switch (name) {
                    case "--out": s.out = Paths.get(v).toAbsolutePath(); break;
                    case "--stop-file": s.stopFile = Paths.get(v).toAbsolutePath(); break;
                    case "--fail-markers": s.failMarkers = Paths.get(v).toAbsolutePath(); break;
                    case "--keys": s.keys = positive(name, v); break;
                    case "--rate": s.rate = Long.parseLong(v); break;
                    case "--checkpoint-interval": s.checkpointIntervalMs = positive(name, v); break;
                    case "--status-interval": s.statusIntervalMs = positive(name, v); break;
                    case "--fail-at": s.failAt = ids(v); break;
                    default: throw new IllegalArgumentException("DemoJob: unknown argument " + name + "; see the javadoc of "
                            + DemoJob.class.getName());
                }
            }
            if (s.out == null || s.stopFile == null) {
                throw new IllegalArgumentException("DemoJob: --out DIR and --stop-file FILE are required");
            }
            if (s.failMarkers == null) {
                s.failMarkers = s.out.resolveSibling("injected");
            }
            return s;
        }

        private static long positive(String name, String v) {
            long n = Long.parseLong(v);
            if (n < 1) {
                throw new IllegalArgumentException("DemoJob: " + name + " must be at least 1, was " + v);
            }
            return n;
        }

        private static Set<Long> ids(String v) {
            Set<Long> ids = new HashSet<>();
            List<String> parts = new ArrayList<>(List.of(v.split(",")));
            parts.removeIf(String::isBlank);
            parts.forEach(p -> ids.add(Long.parseLong(p.trim())));
            return ids;
        }
    }
}
