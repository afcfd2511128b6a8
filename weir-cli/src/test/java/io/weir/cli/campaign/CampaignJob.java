package io.weir.cli.campaign;

import io.weir.api.checkpoint.CheckpointedFunction;
import io.weir.api.checkpoint.FunctionInitializationContext;
import io.weir.api.checkpoint.FunctionSnapshotContext;
import io.weir.api.configuration.Configuration;
import io.weir.api.environment.CheckpointingMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.source.SourceFunction;
import io.weir.api.restart.RestartStrategies;
import io.weir.api.state.CheckpointListener;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.util.Collector;
import io.weir.connectors.files.FileSink;
import io.weir.connectors.files.SimpleStringEncoder;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The campaign's job, run with {@code weir run -c io.weir.cli.campaign.CampaignJob -s latest ...} in a child JVM: a
 * bounded, rate-limited sequence {@code 0..records-1} (parallelism 1, checkpointed position) keyed by {@code id % keys}
 * into a running count per key (keyed {@code ValueState<Long>} named {@code count}, uid {@code running-count}) and the
 * transactional {@link FileSink}, one committed line {@code id,key,count} per record. Since the source has parallelism
 * 1, each key's records reach the count in id order, so the exact output is known in advance: every id once, and per
 * key the counts 1, 2, 3, ...
 *
 * <p>Arguments ({@code --name value}): {@code --out DIR} (required), {@code --records} (default 16000), {@code --keys}
 * (default 7), {@code --rate} records per second (default 8000), {@code --checkpoint-interval} ms (default 100),
 * {@code --variant} {@code base}, {@code renamed-uid} (the count operator's uid is {@code running-count-renamed}) or
 * {@code string-state} (the state {@code count} is a {@code ValueState<String>}), {@code --hoard-after N} (after N
 * completed checkpoints in this JVM, every record allocates 64 KiB that is never freed: a memory leak for the OOM fault;
 * 0 = never).
 *
 * <p>Stdout: {@code CAMPAIGN-CHECKPOINT <id>} whenever a subtask of the count is told that checkpoint {@code id}
 * completed (its metadata is on disk, the sink commits it), and {@code CAMPAIGN-DONE} after the job finished.
 */
public final class CampaignJob {
    public static final String JOB_NAME = "weir-campaign";
    public static final String CHECKPOINT_LINE = "CAMPAIGN-CHECKPOINT ";
    public static final String DONE_LINE = "CAMPAIGN-DONE";
    public static final String COUNT_UID = "running-count";
    public static final int RETAINED_CHECKPOINTS = 3;

    private CampaignJob() {}

    public static void main(String[] args) throws Exception {
        String out = null;
        long records = 16_000;
        long keys = 7;
        long rate = 8_000;
        long interval = 100;
        String variant = "base";
        int hoardAfter = 0;
        for (int i = 0; i + 1 < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--out": out = v; break;
                case "--records": records = Long.parseLong(v); break;
                case "--keys": keys = Long.parseLong(v); break;
                case "--rate": rate = Long.parseLong(v); break;
                case "--checkpoint-interval": interval = Long.parseLong(v); break;
                case "--variant": variant = v; break;
                case "--hoard-after": hoardAfter = Integer.parseInt(v); break;
                default: throw new IllegalArgumentException("CampaignJob: unknown argument " + args[i]);
            }
        }
        if (out == null || args.length % 2 != 0) {
            throw new IllegalArgumentException("CampaignJob: give --out DIR and name-value pairs");
        }
        long k = keys;
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(interval, CheckpointingMode.EXACTLY_ONCE);
        env.getCheckpointConfig().setNumRetainedCheckpoints(RETAINED_CHECKPOINTS);
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(2, 100));
        KeyedProcessFunction<Long, Long, String> count = switch (variant) {
            case "base", "renamed-uid" -> new LongCount(hoardAfter);
            case "string-state" -> new StringCount();
            default -> throw new IllegalArgumentException("CampaignJob: unknown --variant " + variant);
        };
        env.addSource(new BoundedSequence(records, rate), "sequence").setParallelism(1).uid("sequence")
                .keyBy(id -> id % k)
                .process(count).uid(variant.equals("renamed-uid") ? COUNT_UID + "-renamed" : COUNT_UID).name("running count")
                .addSink(FileSink.forRowFormat(Paths.get(out), new SimpleStringEncoder<String>()).build()).uid("file-sink").name("file sink");
        env.execute(JOB_NAME);
        System.out.println(DONE_LINE);
        System.out.flush();
    }

    /** Emits 0..records-1 at {@code rate} per second; the position is emitted and advanced under the checkpoint lock. */
    static final class BoundedSequence implements SourceFunction<Long>, CheckpointedFunction {
        private static final long serialVersionUID = 1L;
        private final long records;
        private final long rate;
        private transient ListState<Long> positionState;
        private long position;
        private volatile boolean running = true;

        BoundedSequence(long records, long rate) {
            this.records = records;
            this.rate = rate;
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            positionState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("position", Long.class));
            position = 0;
            for (Long p : positionState.get()) {
                position = Math.max(position, p);
            }
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            positionState.update(List.of(position));
        }

        @Override
        public void run(SourceContext<Long> ctx) throws Exception {
            long startPosition = position;
            long start = System.nanoTime();
            while (running && position < records) {
                long allowed = Math.min(records, startPosition + (long) (rate * ((System.nanoTime() - start) / 1e9)));
                if (position >= allowed) {
                    TimeUnit.MILLISECONDS.sleep(1); // pacing the generator, not synchronising with anything
                    continue;
                }
                synchronized (ctx.getCheckpointLock()) {
                    for (long end = Math.min(allowed, position + 200); position < end; position++) {
                        ctx.collect(position);
                    }
                }
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    /** {@code id,key,count} with the count in a {@code ValueState<Long>}; prints each completed checkpoint. */
    static final class LongCount extends KeyedProcessFunction<Long, Long, String> implements CheckpointListener {
        private static final long serialVersionUID = 1L;
        private static final List<byte[]> LEAK = new ArrayList<>();
        private final int hoardAfter;
        private transient ValueState<Long> count;
        private transient int checkpoints;

        LongCount(int hoardAfter) {
            this.hoardAfter = hoardAfter;
        }

        @Override
        public void open(Configuration parameters) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public void processElement(Long id, Context ctx, Collector<String> out) throws Exception {
            if (hoardAfter > 0 && checkpoints >= hoardAfter) {
                LEAK.add(new byte[64 * 1024]);
            }
            Long c = count.value();
            long next = c == null ? 1 : c + 1;
            count.update(next);
            out.collect(id + "," + ctx.getCurrentKey() + "," + next);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpoints++;
            System.out.println(CHECKPOINT_LINE + checkpointId);
            System.out.flush();
        }
    }

    /** The same count with the state {@code count} changed to a {@code ValueState<String>}: an incompatible job change. */
    static final class StringCount extends KeyedProcessFunction<Long, Long, String> implements CheckpointListener {
        private static final long serialVersionUID = 1L;
        private transient ValueState<String> count;

        @Override
        public void open(Configuration parameters) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", String.class));
        }

        @Override
        public void processElement(Long id, Context ctx, Collector<String> out) throws Exception {
            String c = count.value();
            long next = c == null ? 1 : Long.parseLong(c) + 1;
            count.update(Long.toString(next));
            out.collect(id + "," + ctx.getCurrentKey() + "," + next);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            System.out.println(CHECKPOINT_LINE + checkpointId);
            System.out.flush();
        }
    }
}
