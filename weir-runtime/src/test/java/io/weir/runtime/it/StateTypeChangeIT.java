package io.weir.runtime.it;

import io.weir.api.checkpoint.CheckpointedFunction;
import io.weir.api.checkpoint.FunctionInitializationContext;
import io.weir.api.checkpoint.FunctionSnapshotContext;
import io.weir.api.configuration.ConfigKeys;
import io.weir.api.configuration.Configuration;
import io.weir.api.environment.ExternalizedCheckpointRetention;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobExecutionException;
import io.weir.api.execution.RestoreRefusedException;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.functions.sink.DiscardingSink;
import io.weir.api.restart.RestartStrategies;
import io.weir.api.state.CheckpointListener;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.runtime.checkpoint.CheckpointInfo;
import io.weir.runtime.checkpoint.FileCheckpointStorage;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A job changed between runs so that a state is registered under the same name with another type or kind. Resuming
 * its checkpoint must fail at once (no restart loop, although a restart strategy is set) with a message naming the
 * state, the operator and both types, and keep the checkpoint; before, this ended in a NullPointerException inside
 * the state backend or in wrong values.
 */
@Timeout(120)
class StateTypeChangeIT {
    private static final String JOB = "state type change";

    @TempDir
    Path dir;

    /** What the second run changes. */
    enum Change {
        /** keyed ValueState<Long> "count" becomes ValueState<String>. */
        KEYED_VALUE_TYPE("state 'count'", "VALUE state of type 'long'", "VALUE state of type 'string'"),
        /** keyed ValueState<Long> "count" becomes ListState<Long>. */
        KEYED_KIND("state 'count'", "VALUE state", "LIST state"),
        /** operator ListState<Long> "seen" becomes ListState<String>. */
        OPERATOR_LIST_TYPE("state 'seen'", "list state of type 'long'", "list state of type 'string'");

        final String state;
        final String written;
        final String now;

        Change(String state, String written, String now) {
            this.state = state;
            this.written = written;
            this.now = now;
        }
    }

    /** Counts per key and keeps operator list state; {@code change} picks the changed registration of the second run. */
    static final class Counter extends RichMapFunction<Long, Long> implements CheckpointedFunction, CheckpointListener {
        static volatile CountDownLatch completed;
        private final Change change;
        private transient ValueState<Long> count;

        Counter(Change change) {
            this.change = change;
        }

        @Override
        public void open(io.weir.api.configuration.Configuration parameters) {
            if (change == Change.KEYED_VALUE_TYPE) {
                getRuntimeContext().getState(new ValueStateDescriptor<>("count", String.class));
            } else if (change == Change.KEYED_KIND) {
                getRuntimeContext().getListState(new ListStateDescriptor<>("count", Long.class));
            } else {
                count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
            }
        }

        @Override
        public Long map(Long value) throws Exception {
            Long c = count.value();
            count.update(c == null ? 1 : c + 1);
            return value;
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            if (change == Change.OPERATOR_LIST_TYPE) {
                context.getOperatorStateStore().getListState(new ListStateDescriptor<>("seen", String.class));
            } else {
                ListState<Long> seen = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("seen", Long.class));
                seen.update(List.of(1L, 2L));
            }
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {}

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            completed.countDown();
        }
    }

    private JobClient start(Change change, Configuration conf) throws Exception {
        return start(change, conf, -1);
    }

    private JobClient start(Change change, Configuration conf, int maxParallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);
        if (maxParallelism > 0) {
            env.setMaxParallelism(maxParallelism);
        }
        env.enableCheckpointing(20);
        env.getCheckpointConfig().setCheckpointStorage(dir.toUri().toString());
        env.getCheckpointConfig().setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(5, 0));
        env.fromSequence(0, Long.MAX_VALUE / 4).keyBy(v -> v % 7).map(new Counter(change)).uid("counter").name("counter")
                .addSink(new DiscardingSink<>());
        return env.executeAsync(JOB);
    }

    private List<CheckpointInfo> completedCheckpoints() {
        return new FileCheckpointStorage(dir.toUri().toString(), JOB, 1).listCheckpoints().stream().filter(CheckpointInfo::complete).toList();
    }

    @ParameterizedTest
    @EnumSource(Change.class)
    void whenAStateChangesTypeBetweenRuns_thenTheResumeIsRefusedAtOnceNamingBothTypes(Change change) throws Exception {
        Counter.completed = new CountDownLatch(3);
        JobClient first = start(null, new Configuration());
        assertThat(Counter.completed.await(60, TimeUnit.SECONDS)).as("3 checkpoints completed").isTrue();
        first.cancel().get(60, TimeUnit.SECONDS);
        List<CheckpointInfo> before = completedCheckpoints();
        assertThat(before).isNotEmpty();

        Counter.completed = new CountDownLatch(1);
        Configuration resume = new Configuration();
        resume.setString(ConfigKeys.CHECKPOINTING_RESTORE, "latest");
        JobClient second = start(change, resume);
        Throwable failure = catchThrowableOfType(() -> second.getJobExecutionResult().get(60, TimeUnit.SECONDS),
                java.util.concurrent.ExecutionException.class).getCause();

        assertThat(failure).isInstanceOf(JobExecutionException.class);
        RestoreRefusedException refused = null;
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof RestoreRefusedException r) {
                refused = r;
            }
        }
        assertThat(refused).as("a RestoreRefusedException in the cause chain of " + failure).isNotNull();
        assertThat(refused.getMessage()).contains(change.state).contains("operator 'counter'").contains(change.written).contains(change.now);
        assertThat(second.getFailureHistory()).as("no restart: the same restore would fail again").hasSize(1);
        assertThat(completedCheckpoints()).as("the checkpoints are kept").isEqualTo(before);
        assertThat(new FileCheckpointStorage(dir.toUri().toString(), JOB, 1).listCheckpoints())
                .as("no incomplete checkpoint folder is left behind").allMatch(CheckpointInfo::complete);
    }

    @org.junit.jupiter.api.Test
    void whenTheMaxParallelismChangesBetweenRuns_thenTheResumeIsRefusedBeforeAnythingRuns() throws Exception {
        Counter.completed = new CountDownLatch(3);
        JobClient first = start(null, new Configuration());
        assertThat(Counter.completed.await(60, TimeUnit.SECONDS)).as("3 checkpoints completed").isTrue();
        first.cancel().get(60, TimeUnit.SECONDS);
        List<CheckpointInfo> before = completedCheckpoints();

        Configuration resume = new Configuration();
        resume.setString(ConfigKeys.CHECKPOINTING_RESTORE, "latest");
        RestoreRefusedException refused = catchThrowableOfType(() -> start(null, resume, 256), RestoreRefusedException.class);

        assertThat(refused).as("refused at execute()").isNotNull();
        assertThat(refused.getMessage()).contains("max parallelism 128").contains("max parallelism 256").contains("setMaxParallelism(128)");
        assertThat(completedCheckpoints()).as("the checkpoints are kept").isEqualTo(before);
    }
}
