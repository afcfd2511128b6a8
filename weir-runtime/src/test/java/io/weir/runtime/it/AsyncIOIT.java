package io.weir.runtime.it;

import io.weir.api.datastream.AsyncDataStream;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.FailureRecord;
import io.weir.api.execution.JobExecutionException;
import io.weir.api.functions.MapFunction;
import io.weir.api.functions.async.AsyncFunction;
import io.weir.api.functions.async.AsyncRetryStrategies;
import io.weir.api.functions.async.ResultFuture;
import io.weir.api.functions.async.RetryPredicates;
import io.weir.api.functions.async.RichAsyncFunction;
import io.weir.api.restart.RestartStrategies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Async I/O in running jobs, with requests answered by a thread pool: order, back-pressure, end of input, failures and retries. */
@Timeout(120)
class AsyncIOIT {
    private static final String POOL_THREAD = "async-it-pool-";
    static ExecutorService pool;
    static final Set<String> EMITTING_THREADS = ConcurrentHashMap.newKeySet();
    static final AtomicInteger OUTSTANDING = new AtomicInteger();
    static final AtomicInteger MAX_OUTSTANDING = new AtomicInteger();
    static final ConcurrentHashMap<Long, Integer> ATTEMPTS = new ConcurrentHashMap<>();

    @BeforeAll
    static void startPool() {
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, POOL_THREAD + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    @BeforeEach
    void reset() {
        EMITTING_THREADS.clear();
        OUTSTANDING.set(0);
        MAX_OUTSTANDING.set(0);
        ATTEMPTS.clear();
    }

    /** Answers every request from the pool, so answers come back in any order; counts requests in flight. */
    static final class PooledLookup extends RichAsyncFunction<Long, String> {
        @Override
        public void asyncInvoke(Long input, ResultFuture<String> resultFuture) {
            MAX_OUTSTANDING.accumulateAndGet(OUTSTANDING.incrementAndGet(), Math::max);
            pool.execute(() -> {
                OUTSTANDING.decrementAndGet();
                resultFuture.complete(List.of("v" + input));
            });
        }
    }

    /** Remembers which threads emit into it: the async operator's results must arrive on the task thread. */
    static final class RecordThread implements MapFunction<String, String> {
        @Override
        public String map(String value) {
            EMITTING_THREADS.add(Thread.currentThread().getName());
            return value;
        }
    }

    private static <T> List<T> collect(DataStream<T> stream) throws Exception {
        List<T> out = new ArrayList<>();
        try (var it = stream.executeAndCollect()) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    private static List<String> expected(long n) {
        return LongStream.range(0, n).mapToObj(i -> "v" + i).toList();
    }

    @Test
    void orderedWait_emitsInInputOrder_onTheTaskThread() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<String> out = AsyncDataStream.orderedWait(env.fromSequence(0, 1_999), new PooledLookup(), 30, TimeUnit.SECONDS, 20)
                .map(new RecordThread());
        assertThat(collect(out)).containsExactlyElementsOf(expected(2_000));
        assertThat(EMITTING_THREADS).isNotEmpty().noneMatch(name -> name.startsWith(POOL_THREAD));
    }

    @Test
    void unorderedWait_emitsEveryResultOnce_andNeverHasMoreThanCapacityRequestsInFlight() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
        DataStream<String> out = AsyncDataStream.unorderedWait(env.fromSequence(0, 2_999).rebalance(), new PooledLookup(), 30,
                TimeUnit.SECONDS, 2).setParallelism(1).map(new RecordThread()).setParallelism(1);
        assertThat(collect(out)).containsExactlyInAnyOrderElementsOf(expected(3_000));
        assertThat(MAX_OUTSTANDING.get()).as("requests in flight at once").isBetween(1, 2);
        assertThat(EMITTING_THREADS).noneMatch(name -> name.startsWith(POOL_THREAD));
    }

    /** Holds every answer until it has seen all {@code n} elements, then answers them in reverse order. */
    static final class AnswerAfterTheLast implements AsyncFunction<Long, String> {
        private final long n;
        private final List<Runnable> held = new ArrayList<>();

        AnswerAfterTheLast(long n) {
            this.n = n;
        }

        @Override
        public void asyncInvoke(Long input, ResultFuture<String> resultFuture) {
            held.add(() -> resultFuture.complete(List.of("v" + input)));
            if (held.size() == n) {
                List<Runnable> answers = new ArrayList<>(held);
                Collections.reverse(answers);
                pool.execute(() -> answers.forEach(Runnable::run));
            }
        }
    }

    @Test
    void atEndOfInput_theJobWaitsForEveryRequestInFlight() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<String> out = AsyncDataStream.orderedWait(env.fromSequence(0, 49), new AnswerAfterTheLast(50), 0, TimeUnit.SECONDS, 64);
        assertThat(collect(out)).containsExactlyElementsOf(expected(50));
    }

    /** Never answers. */
    static final class Silent implements AsyncFunction<Long, String> {
        @Override
        public void asyncInvoke(Long input, ResultFuture<String> resultFuture) {}
    }

    @Test
    void whenARequestTimesOut_thenTheJobFailsNamingTheElementAndTheTimeout() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.setRestartStrategy(RestartStrategies.noRestart());
        AsyncDataStream.unorderedWait(env.fromElements(7L), new Silent(), 50, TimeUnit.MILLISECONDS).name("lookup").print();
        assertThatThrownBy(() -> env.execute("times out"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("lookup")
                .hasStackTraceContaining("Async request for element 7 timed out after 50 ms")
                .hasRootCauseInstanceOf(java.util.concurrent.TimeoutException.class)
                .satisfies(e -> assertThat(((JobExecutionException) e).getFailureHistory().get(0).classification())
                        .isEqualTo(FailureRecord.Classification.USER_CODE));
    }

    /** Fails element 5 from the pool. */
    static final class FailsFive implements AsyncFunction<Long, String> {
        @Override
        public void asyncInvoke(Long input, ResultFuture<String> resultFuture) {
            pool.execute(() -> {
                if (input == 5) {
                    resultFuture.completeExceptionally(new IOException("lookup of 5 failed"));
                } else {
                    resultFuture.complete(List.of("v" + input));
                }
            });
        }
    }

    @Test
    void whenARequestCompletesExceptionally_thenTheJobFailsWithItsError() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.setRestartStrategy(RestartStrategies.noRestart());
        AsyncDataStream.orderedWait(env.fromSequence(0, 99), new FailsFive(), 30, TimeUnit.SECONDS).print();
        assertThatThrownBy(() -> env.execute("fails"))
                .isInstanceOf(JobExecutionException.class)
                .hasStackTraceContaining("Could not complete the async request for element 5")
                .rootCause().isInstanceOf(IOException.class).hasMessage("lookup of 5 failed");
    }

    /** Fails the first attempt of every element, answering from the pool. */
    static final class FailsOnce implements AsyncFunction<Long, String> {
        @Override
        public void asyncInvoke(Long input, ResultFuture<String> resultFuture) {
            int attempt = ATTEMPTS.merge(input, 1, Integer::sum);
            pool.execute(() -> {
                if (attempt == 1) {
                    resultFuture.completeExceptionally(new IOException("busy"));
                } else {
                    resultFuture.complete(List.of("v" + input));
                }
            });
        }
    }

    @Test
    void withARetryStrategy_failedAttemptsAreRetried_andEveryResultArrivesOnce() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        DataStream<String> out = AsyncDataStream.unorderedWaitWithRetry(env.fromSequence(0, 499), new FailsOnce(), 30, TimeUnit.SECONDS, 10,
                new AsyncRetryStrategies.FixedDelayRetryStrategyBuilder<String>(2, 1L)
                        .ifException(RetryPredicates.createExceptionTypePredicate(IOException.class)).build());
        assertThat(collect(out)).containsExactlyInAnyOrderElementsOf(expected(500));
        assertThat(ATTEMPTS.values()).hasSize(500).allMatch(a -> a == 2);
    }
}
