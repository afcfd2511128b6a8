package io.weir.testing;

import io.weir.api.checkpoint.CheckpointedFunction;
import io.weir.api.checkpoint.FunctionInitializationContext;
import io.weir.api.checkpoint.FunctionSnapshotContext;
import io.weir.api.connector.source.lib.NumberSequenceSource;
import io.weir.api.datastream.AsyncDataStream;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.CheckpointingMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobExecutionResult;
import io.weir.api.functions.async.ResultFuture;
import io.weir.api.functions.async.RichAsyncFunction;
import io.weir.api.restart.RestartStrategies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An async lookup whose requests are always in flight at checkpoints, with one injected failure after two completed
 * checkpoints (the failure injector of {@link BroadcastStateRecoveryIT}): the restored operator requests the elements of its checkpoint again, and the committed output is exactly
 * the failure-free output, ordered and unordered, with aligned and unaligned checkpoints.
 */
@Timeout(300)
class AsyncRecoveryIT {
    static final long N = 6_000;
    /** The most requests a checkpoint found in flight. */
    static final AtomicInteger IN_FLIGHT_AT_CHECKPOINT = new AtomicInteger();
    static ExecutorService pool;

    @TempDir
    Path checkpoints;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    static String answer(long x) {
        return "v" + x;
    }

    /**
     * Keeps the last {@link #LAG} requests unanswered and answers older ones from a pool, so requests are in flight at
     * every checkpoint; the last ones of the input are answered by {@link #timeout} with the same answer.
     */
    static final class LaggingLookup extends RichAsyncFunction<Long, String> implements CheckpointedFunction {
        static final int LAG = 5;
        private transient ArrayDeque<Runnable> held;

        @Override
        public void asyncInvoke(Long input, ResultFuture<String> resultFuture) {
            if (held == null) {
                held = new ArrayDeque<>();
            }
            held.add(() -> resultFuture.complete(List.of(answer(input))));
            if (held.size() > LAG) {
                pool.execute(held.poll());
            }
        }

        @Override
        public void timeout(Long input, ResultFuture<String> resultFuture) {
            resultFuture.complete(List.of(answer(input)));
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {
            IN_FLIGHT_AT_CHECKPOINT.accumulateAndGet(held == null ? 0 : held.size(), Math::max);
        }

        @Override
        public void initializeState(FunctionInitializationContext context) {}
    }

    @ParameterizedTest(name = "{0}, parallelism {1}, unaligned {2}")
    @CsvSource({"ORDERED, 1, false", "UNORDERED, 2, false", "ORDERED, 2, true"})
    void lookupsInFlightAtTheCheckpointAreRequestedAgain_andTheOutputIsExactlyOnce(AsyncDataStream.OutputMode mode, int parallelism,
            boolean unaligned) throws Exception {
        BroadcastStateRecoveryIT.FAILED.set(false);
        IN_FLIGHT_AT_CHECKPOINT.set(0);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.enableCheckpointing(20, CheckpointingMode.EXACTLY_ONCE);
        env.getCheckpointConfig().setCheckpointStorage(checkpoints.toUri().toString());
        env.getCheckpointConfig().enableUnalignedCheckpoints(unaligned);
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(2, 0));
        CollectingSink<String> sink = CollectingSink.create();
        // paced: each reader emits at most N / 8 / parallelism records per checkpoint, so the input outlasts two checkpoints
        DataStream<Long> input = env.fromSource(new PacedSource<>(new NumberSequenceSource(0, N - 1), N / 8 / parallelism), "numbers")
                .map(new BroadcastStateRecoveryIT.FailAfterCheckpoints()).rebalance();
        DataStream<String> out = mode == AsyncDataStream.OutputMode.ORDERED
                ? AsyncDataStream.orderedWait(input, new LaggingLookup(), 200, TimeUnit.MILLISECONDS, 16)
                : AsyncDataStream.unorderedWait(input, new LaggingLookup(), 200, TimeUnit.MILLISECONDS, 16);
        out.addSink(sink);

        JobClient client = env.executeAsync("async lookup " + mode + " p" + parallelism + (unaligned ? " unaligned" : ""));
        JobExecutionResult result = client.getJobExecutionResult().get(4, TimeUnit.MINUTES);

        assertThat(BroadcastStateRecoveryIT.FAILED).as("the failure was injected").isTrue();
        assertThat(result.getRestarts()).isEqualTo(1);
        assertThat(client.getFailureHistory().get(0).restoredCheckpointId()).as("restored from a checkpoint").isPositive();
        assertThat(IN_FLIGHT_AT_CHECKPOINT.get()).as("requests in flight at a checkpoint").isPositive();
        List<String> committed = sink.committed();
        assertThat(committed).as("no duplicates").doesNotHaveDuplicates();
        SameElements.assertSameElements("async answers", committed, LongStream.range(0, N).mapToObj(AsyncRecoveryIT::answer).toList());
    }
}
