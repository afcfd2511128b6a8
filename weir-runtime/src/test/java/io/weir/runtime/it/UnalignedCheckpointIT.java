package io.weir.runtime.it;

import io.weir.api.environment.CheckpointingMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.CheckpointStatistics;
import io.weir.api.execution.JobClient;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.functions.sink.SinkFunction;
import io.weir.api.functions.source.ParallelSourceFunction;
import io.weir.api.restart.RestartStrategies;
import io.weir.api.tuple.Tuple2;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class UnalignedCheckpointIT {

    @TempDir
    Path checkpoints;

    /** Emits as fast as backpressure allows, until cancelled. */
    static final class Fast implements ParallelSourceFunction<Long> {
        private volatile boolean running = true;

        @Override
        public void run(SourceContext<Long> ctx) {
            long i = 0;
            while (running) {
                synchronized (ctx.getCheckpointLock()) {
                    ctx.collect(i++);
                }
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    /** A tenth of a millisecond (or more) per record: a queue of 16 x 512 records takes over a second. */
    static final class Slow implements SinkFunction<Long> {
        static final AtomicLong SEEN = new AtomicLong();

        @Override
        public void invoke(Long value, Context context) throws Exception {
            SEEN.incrementAndGet();
            TimeUnit.MICROSECONDS.sleep(100);
        }
    }

    /**
     * With a slow sink the channels are full: an aligned barrier waits behind thousands of queued
     * records (seconds at this sink's pace) and times out; an unaligned one overtakes them.
     */
    @ParameterizedTest(name = "unaligned={0}")
    @ValueSource(booleans = {false, true})
    void unalignedCheckpointsCompleteUnderBackpressureWhereAlignedOnesStall(boolean unaligned) throws Exception {
        Slow.SEEN.set(0);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(100, CheckpointingMode.EXACTLY_ONCE);
        env.getCheckpointConfig().setCheckpointTimeout(1000);
        env.getCheckpointConfig().setTolerableCheckpointFailureNumber(1000);
        env.getCheckpointConfig().setCheckpointStorage(checkpoints.toUri().toString());
        env.getCheckpointConfig().enableUnalignedCheckpoints(unaligned);
        env.fromSequence(0, Long.MAX_VALUE - 1).keyBy(x -> x % 13).map(x -> x).addSink(new Slow());
        JobClient client = env.executeAsync("backpressured-" + unaligned);
        // run until the sink has worked through at least 3 s of records: 3 checkpoint timeouts
        while (Slow.SEEN.get() < 15_000) {
            Thread.sleep(20);
        }
        long completed = client.getCheckpointStatistics().stream().filter(s -> s.status() == CheckpointStatistics.Status.COMPLETED).count();
        client.cancel().get(5, TimeUnit.SECONDS);
        System.out.println("unaligned=" + unaligned + ": " + completed + " completed, stats " + client.getCheckpointStatistics());
        if (unaligned) {
            assertThat(completed).as("unaligned checkpoints completed under backpressure").isGreaterThanOrEqualTo(2);
        } else {
            assertThat(completed).as("aligned checkpoints completed under backpressure").isZero();
        }
    }

    static final Map<Long, Long> RESULTS = new ConcurrentHashMap<>();
    static final AtomicBoolean FAILED = new AtomicBoolean();
    static final AtomicLong SEEN = new AtomicLong();

    static final class FailOnce extends RichMapFunction<Tuple2<Long, Long>, Tuple2<Long, Long>> {
        private final long failAt;

        FailOnce(long failAt) {
            this.failAt = failAt;
        }

        @Override
        public Tuple2<Long, Long> map(Tuple2<Long, Long> v) throws Exception {
            long n = SEEN.incrementAndGet();
            if (n % 64 == 0) {
                TimeUnit.MICROSECONDS.sleep(200); // slow consumer: keeps the channels full, so barriers overtake records
            }
            if (n == failAt && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure at record " + failAt);
            }
            return v;
        }
    }

    static final class CollectToMap implements SinkFunction<Tuple2<Long, Long>> {
        @Override
        public void invoke(Tuple2<Long, Long> value, Context context) {
            RESULTS.merge(value.f0, value.f1, Long::sum);
        }
    }

    @ParameterizedTest(name = "unaligned={0}, alignedTimeoutMs={1}")
    @CsvSource({"false,0", "true,0", "true,5"})
    void shouldCountEveryRecordExactlyOnceAfterAFailure(boolean unaligned, long alignedTimeoutMs) throws Exception {
        RESULTS.clear();
        FAILED.set(false);
        SEEN.set(0);
        long n = 400_000;
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(20, CheckpointingMode.EXACTLY_ONCE);
        env.getCheckpointConfig().setCheckpointStorage(checkpoints.toUri().toString());
        env.getCheckpointConfig().enableUnalignedCheckpoints(unaligned);
        env.getCheckpointConfig().setAlignedCheckpointTimeout(Duration.ofMillis(alignedTimeoutMs));
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, 0));
        env.fromSequence(0, n - 1)
                .map(i -> Tuple2.of(i % 101, 1L))
                .rebalance()
                .map(new FailOnce(n * 3 / 4))
                .keyBy(t -> t.f0)
                .process(new FinalCountPerKey())
                .addSink(new CollectToMap());
        JobClient client = env.executeAsync("unaligned-recovery");
        client.getJobExecutionResult().get();
        assertThat(FAILED).isTrue();
        Map<Long, Long> expected = new HashMap<>();
        for (long i = 0; i < n; i++) {
            expected.merge(i % 101, 1L, Long::sum);
        }
        assertThat(RESULTS).isEqualTo(expected);
        System.out.println("restored checkpoint " + client.getFailureHistory().get(0).restoredCheckpointId() + ", stats: "
                + client.getCheckpointStatistics().stream().filter(s -> s.status() == CheckpointStatistics.Status.COMPLETED).count() + " completed");
    }
}
