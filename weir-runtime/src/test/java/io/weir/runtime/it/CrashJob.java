package io.weir.runtime.it;

import io.weir.api.configuration.ConfigKeys;
import io.weir.api.configuration.Configuration;
import io.weir.api.environment.CheckpointingMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.sink.SinkFunction;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.util.Collector;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * The job that {@link CrashRecoveryIT} runs in a child JVM and kills: counts records per key in
 * keyed state and, at the end of input, writes the final counts to a file (temp file + atomic rename).
 * Args: checkpointDir outputFile events.
 */
public final class CrashJob {
    static final Map<Long, Long> RESULT = new TreeMap<>();

    public static void main(String[] args) throws Exception {
        Path out = Paths.get(args[1]);
        long n = Long.parseLong(args[2]);
        Configuration conf = new Configuration();
        conf.setString(ConfigKeys.CHECKPOINTING_RESTORE, "latest");
        conf.setString(ConfigKeys.CHECKPOINTING_DIR, args[0]);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);
        env.enableCheckpointing(50, CheckpointingMode.EXACTLY_ONCE);
        env.fromSequence(0, n - 1)
                .map(i -> {
                    if (i % 1000 == 0) {
                        Thread.sleep(1); // paced, so the test can kill it mid-way however fast the machine is
                    }
                    return Tuple2.of(i % 97, 1L);
                })
                .keyBy(t -> t.f0)
                .process(new KeyedProcessFunction<Long, Tuple2<Long, Long>, Tuple2<Long, Long>>() {
                    private transient ValueState<Long> count;

                    @Override
                    public void open(Configuration parameters) {
                        count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
                    }

                    @Override
                    public void processElement(Tuple2<Long, Long> v, Context ctx, Collector<Tuple2<Long, Long>> o) throws Exception {
                        Long c = count.value();
                        if (c == null) {
                            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
                            c = 0L;
                        }
                        count.update(c + v.f1);
                    }

                    @Override
                    public void onTimer(long ts, OnTimerContext ctx, Collector<Tuple2<Long, Long>> o) throws Exception {
                        o.collect(Tuple2.of(ctx.getCurrentKey(), count.value()));
                    }
                })
                .addSink(new ResultSink(out.toString())).setParallelism(1);
        System.out.println("RUNNING");
        System.out.flush();
        env.execute("crash-job");
    }

    /** Collects the final counts and publishes them atomically at the end of input. */
    static final class ResultSink implements SinkFunction<Tuple2<Long, Long>> {
        private final String path;

        ResultSink(String path) {
            this.path = path;
        }

        @Override
        public void invoke(Tuple2<Long, Long> value, Context context) {
            RESULT.merge(value.f0, value.f1, Long::sum);
        }

        @Override
        public void finish() throws Exception {
            Path out = Paths.get(path);
            Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
            StringBuilder sb = new StringBuilder();
            RESULT.forEach((k, v) -> sb.append(k).append(',').append(v).append('\n'));
            Files.writeString(tmp, sb.toString());
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
