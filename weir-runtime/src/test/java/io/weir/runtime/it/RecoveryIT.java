package io.weir.runtime.it;

import io.weir.api.environment.CheckpointingMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobExecutionResult;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.functions.sink.SinkFunction;
import io.weir.api.restart.RestartStrategies;
import io.weir.api.tuple.Tuple2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RecoveryIT {
    static final Map<Long, Long> RESULTS = new ConcurrentHashMap<>();
    static final AtomicBoolean FAILED = new AtomicBoolean();
    static final AtomicLong SEEN = new AtomicLong();

    @TempDir
    Path checkpoints;

    /** Fails once, at the first record past {@code failAt} after a checkpoint has completed, so a restore is certain. */
    static final class FailOnce extends RichMapFunction<Long, Tuple2<Long, Long>> implements io.weir.api.state.CheckpointListener {
        private final long failAt;
        private transient volatile boolean checkpointed;

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointed = true;
        }

        FailOnce(long failAt) {
            this.failAt = failAt;
        }

        @Override
        public Tuple2<Long, Long> map(Long i) throws InterruptedException {
            long seen = SEEN.incrementAndGet();
            if (seen % 1000 == 0) {
                Thread.sleep(1); // paces the job (at least 1.5 s per subtask) so checkpoints complete before the input ends
            }
            if (seen >= failAt && checkpointed && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure at record " + failAt);
            }
            return Tuple2.of(i % 1000, 1L);
        }
    }

    static final class CollectToMap implements SinkFunction<Tuple2<Long, Long>> {
        @Override
        public void invoke(Tuple2<Long, Long> value, Context context) {
            RESULTS.merge(value.f0, value.f1, Long::sum);
        }
    }

    @Test
    void shouldCountEveryRecordExactlyOnceAfterAFailure() throws Exception {
        RESULTS.clear();
        FAILED.set(false);
        SEEN.set(0);
        long n = 3_000_000;
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(50, CheckpointingMode.EXACTLY_ONCE);
        env.getCheckpointConfig().setCheckpointStorage(checkpoints.toUri().toString());
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, 0));
        env.fromSequence(0, n - 1)
                .map(new FailOnce(n / 4))
                .keyBy(t -> t.f0)
                .process(new FinalCountPerKey())
                .addSink(new CollectToMap());
        JobClient client = env.executeAsync("recovery");
        JobExecutionResult result = client.getJobExecutionResult().get();
        assertThat(FAILED).isTrue();
        assertThat(result.getRestarts()).isEqualTo(1);
        Map<Long, Long> expected = new HashMap<>();
        for (long i = 0; i < n; i++) {
            expected.merge(i % 1000, 1L, Long::sum);
        }
        assertThat(RESULTS).isEqualTo(expected);
        assertThat(client.getFailureHistory()).hasSize(1);
        System.out.println("restored checkpoint " + client.getFailureHistory().get(0).restoredCheckpointId()
                + ", checkpoints: " + client.getCheckpointStatistics().size());
        assertThat(client.getFailureHistory().get(0).restoredCheckpointId()).isGreaterThan(0);
    }
}
