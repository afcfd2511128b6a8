package io.weir.runtime.it;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.FailureRecord;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobExecutionException;
import io.weir.api.execution.JobStatus;
import io.weir.api.functions.sink.DiscardingSink;
import io.weir.api.functions.sink.SinkFunction;
import io.weir.api.functions.source.ParallelSourceFunction;
import io.weir.api.restart.RestartStrategies;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobLifecycleIT {

    /** Emits increasing numbers until cancelled. */
    static final class Endless implements ParallelSourceFunction<Long> {
        static final AtomicLong EMITTED = new AtomicLong();
        private volatile boolean running = true;

        @Override
        public void run(SourceContext<Long> ctx) {
            long i = 0;
            while (running) {
                synchronized (ctx.getCheckpointLock()) {
                    ctx.collect(i++);
                }
                EMITTED.incrementAndGet();
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    /** Takes 1 ms per record. */
    static final class SlowSink implements SinkFunction<Long> {
        static final AtomicLong RECEIVED = new AtomicLong();

        @Override
        public void invoke(Long value, Context context) throws Exception {
            RECEIVED.incrementAndGet();
            Thread.sleep(1);
        }
    }

    private static Set<Thread> weirThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("weir")).collect(Collectors.toSet());
    }

    @Test
    void whenCancelled_thenEveryTaskThreadStopsAndNoneIsLeft() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.addSource(new Endless()).map(x -> x + 1).rebalance().addSink(new DiscardingSink<>());
        JobClient client = env.executeAsync("cancel-me");
        while (Endless.EMITTED.get() < 100_000) {
            Thread.onSpinWait();
        }
        assertThat(client.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
        client.cancel().get(1, TimeUnit.SECONDS);
        assertThat(client.getJobStatus().get()).isEqualTo(JobStatus.CANCELED);
        assertThatThrownBy(() -> client.getJobExecutionResult().get()).hasRootCauseInstanceOf(java.util.concurrent.CancellationException.class);
        // the master and timer threads end right after the future completes; task threads are joined before it
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (weirThreads().stream().anyMatch(t -> t.getName().contains("cancel-me")) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(weirThreads().stream().filter(t -> t.getName().contains("cancel-me") || t.getName().contains("Custom Source")))
                .as("threads left behind").isEmpty();
    }

    @Test
    void whenTheSinkIsSlow_thenTheSourceIsHeldBackAndQueuesStayBounded() throws Exception {
        Endless.EMITTED.set(0);
        SlowSink.RECEIVED.set(0);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.addSource(new Endless()).rebalance().map(x -> x * 2).addSink(new SlowSink());
        JobClient client = env.executeAsync("backpressure");
        while (SlowSink.RECEIVED.get() < 300) {
            Thread.sleep(10);
        }
        long emittedAt300 = Endless.EMITTED.get();
        while (SlowSink.RECEIVED.get() < 600) {
            Thread.sleep(10);
        }
        long emitted = Endless.EMITTED.get();
        long received = SlowSink.RECEIVED.get();
        client.cancel().get(2, TimeUnit.SECONDS);
        // In flight at most: 2 channels x 16 batches x 512 records, plus one batch being filled per writer.
        long bound = 2L * 16 * 512 + 4 * 512;
        assertThat(emitted - received).as("records in flight between source and slow sink").isLessThanOrEqualTo(bound);
        assertThat(emitted - emittedAt300).as("the source keeps pace with the sink only").isLessThanOrEqualTo(bound + 300);
    }

    static final class Boom implements SinkFunction<Long> {
        @Override
        public void invoke(Long value, Context context) {
            if (value == 42) {
                throw new IllegalArgumentException("no 42 please");
            }
        }
    }

    @Test
    void whenUserCodeThrows_thenTheJobFailsWithTheUsersExceptionAndNamesOperatorAndSubtask() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.setRestartStrategy(RestartStrategies.noRestart());
        env.fromSequence(1, 100).addSink(new Boom()).name("picky sink");
        assertThatThrownBy(() -> env.execute("fails"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("picky sink")
                .hasMessageContaining("subtask 0")
                .hasCauseInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> {
                    JobExecutionException j = (JobExecutionException) e;
                    assertThat(j.getCause()).hasMessage("no 42 please");
                    assertThat(j.getFailureHistory()).hasSize(1);
                    assertThat(j.getFailureHistory().get(0).classification()).isEqualTo(FailureRecord.Classification.USER_CODE);
                });
    }

    /** Throws an Error (not an Exception) once, in the first attempt. */
    static final class Crash extends io.weir.api.functions.RichMapFunction<Long, Long> {
        @Override
        public Long map(Long value) {
            if (getRuntimeContext().getAttemptNumber() == 0 && value == 50) {
                throw new AssertionError("the task thread dies");
            }
            return value;
        }
    }

    @Test
    void whenAnErrorKillsATaskThread_thenItIsClassifiedAsATaskCrashAndTheJobRestarts() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(1, 0));
        env.fromSequence(1, 100).map(new Crash()).addSink(new DiscardingSink<>());
        JobClient client = env.executeAsync("crash");
        assertThat(client.getJobExecutionResult().get(30, TimeUnit.SECONDS).getRestarts()).isEqualTo(1);
        assertThat(client.getFailureHistory()).singleElement().satisfies(f -> {
            assertThat(f.classification()).isEqualTo(FailureRecord.Classification.TASK_CRASH);
            assertThat(f.cause()).isInstanceOf(AssertionError.class);
        });
    }

    @Test
    void whenTheRestartStrategyAllowsRetries_thenTheHistoryHasEveryFailure() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(2, 0));
        env.fromSequence(1, 100).addSink(new Boom());
        assertThatThrownBy(() -> env.execute("fails thrice"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("after 2 restart(s)")
                .satisfies(e -> assertThat(((JobExecutionException) e).getFailureHistory()).hasSize(3));
    }
}
