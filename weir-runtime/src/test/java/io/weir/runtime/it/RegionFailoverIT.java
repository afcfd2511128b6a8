package io.weir.runtime.it;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobExecutionResult;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.functions.sink.SinkFunction;
import io.weir.api.restart.RestartStrategies;
import io.weir.api.state.CheckpointListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Two independent pipelines in one job: a failure in one restarts only that one. */
class RegionFailoverIT {
    static final Map<String, Set<Integer>> ATTEMPTS = new ConcurrentHashMap<>();
    static final Map<String, AtomicLong> SUMS = new ConcurrentHashMap<>();
    static final AtomicBoolean FAILED = new AtomicBoolean();

    @TempDir
    Path checkpoints;

    /** Records the attempt numbers it runs in; in pipeline "a" fails once after a checkpoint completed. */
    static final class Watch extends RichMapFunction<Long, Long> implements CheckpointListener {
        private final String pipeline;
        private transient volatile boolean checkpointed;
        private transient long seen;

        Watch(String pipeline) {
            this.pipeline = pipeline;
        }

        @Override
        public void open(io.weir.api.configuration.Configuration parameters) {
            ATTEMPTS.computeIfAbsent(pipeline, k -> ConcurrentHashMap.newKeySet()).add(getRuntimeContext().getAttemptNumber());
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointed = true;
        }

        @Override
        public Long map(Long value) throws Exception {
            if (++seen % 250 == 0) {
                Thread.sleep(1); // at least 2 s per subtask: room for checkpoints even on a slow machine
            }
            if (pipeline.equals("a") && checkpointed && seen > 200_000 && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure in pipeline a");
            }
            return value;
        }
    }

    /** Sums what it receives at the end of input, once per successful attempt. */
    static final class Sum implements SinkFunction<Long>, io.weir.api.checkpoint.CheckpointedFunction {
        private final String pipeline;
        private long sum;
        private transient io.weir.api.state.ListState<Long> state;

        Sum(String pipeline) {
            this.pipeline = pipeline;
        }

        @Override
        public void invoke(Long value, Context context) {
            sum += value;
        }

        @Override
        public void finish() {
            SUMS.computeIfAbsent(pipeline, k -> new AtomicLong()).addAndGet(sum);
        }

        @Override
        public void snapshotState(io.weir.api.checkpoint.FunctionSnapshotContext context) throws Exception {
            state.update(java.util.List.of(sum));
        }

        @Override
        public void initializeState(io.weir.api.checkpoint.FunctionInitializationContext context) throws Exception {
            state = context.getOperatorStateStore().getListState(new io.weir.api.state.ListStateDescriptor<>("sum", Long.class));
            for (Long s : state.get()) {
                sum += s;
            }
        }
    }

    @Test
    void aFailureInOnePipelineRestartsOnlyThatPipeline() throws Exception {
        long n = 1_000_000;
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(20);
        env.getCheckpointConfig().setCheckpointStorage(checkpoints.toUri().toString());
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(2, 0));
        env.fromSequence(1, n).map(new Watch("a")).rebalance().addSink(new Sum("a"));
        env.fromSequence(1, n).map(new Watch("b")).rebalance().addSink(new Sum("b"));
        JobExecutionResult result = env.execute("two regions");
        assertThat(FAILED).isTrue();
        assertThat(result.getRestarts()).isEqualTo(1);
        assertThat(ATTEMPTS.get("a")).containsExactlyInAnyOrder(0, 1);
        assertThat(ATTEMPTS.get("b")).as("the healthy pipeline never restarted").containsExactly(0);
        long expected = n * (n + 1) / 2;
        assertThat(SUMS.get("a").get()).isEqualTo(expected);
        assertThat(SUMS.get("b").get()).isEqualTo(expected);
    }
}
