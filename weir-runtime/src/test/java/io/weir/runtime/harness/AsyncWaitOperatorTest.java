package io.weir.runtime.harness;

import io.weir.api.configuration.Configuration;
import io.weir.api.datastream.AsyncDataStream.OutputMode;
import io.weir.api.functions.async.AsyncFunction;
import io.weir.api.functions.async.AsyncRetryStrategies;
import io.weir.api.functions.async.AsyncRetryStrategy;
import io.weir.api.functions.async.ResultFuture;
import io.weir.api.functions.async.RetryPredicates;
import io.weir.api.functions.async.RichAsyncFunction;
import io.weir.api.graph.AsyncOperatorSpec;
import io.weir.api.graph.OperatorKind;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.runtime.internal.operators.OperatorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The async operator run synchronously with manual processing time: order, watermarks, capacity, timeouts, retries, snapshot and restore. */
@Timeout(60)
class AsyncWaitOperatorTest {

    /** Keeps every request's future, so the test completes them when and how it likes; counts attempts per element. */
    static class Manual implements AsyncFunction<Long, String> {
        final Map<Long, ResultFuture<String>> pending = new LinkedHashMap<>();
        final List<Long> invoked = new ArrayList<>();

        @Override
        public void asyncInvoke(Long input, ResultFuture<String> resultFuture) {
            invoked.add(input);
            pending.put(input, resultFuture);
        }

        void complete(long input) {
            pending.remove(input).complete(List.of("r" + input));
        }
    }

    /** Answers with a fallback instead of failing when a request times out. */
    static final class WithFallback extends Manual {
        @Override
        public void timeout(Long input, ResultFuture<String> resultFuture) {
            resultFuture.complete(List.of("timeout " + input));
        }
    }

    /** Fails the first {@code failures} attempts of every element (completing on the calling thread), then answers. */
    static final class Flaky implements AsyncFunction<Long, String> {
        final int failures;
        final boolean emptyInsteadOfError;
        final Map<Long, Integer> attempts = new LinkedHashMap<>();

        Flaky(int failures, boolean emptyInsteadOfError) {
            this.failures = failures;
            this.emptyInsteadOfError = emptyInsteadOfError;
        }

        @Override
        public void asyncInvoke(Long input, ResultFuture<String> resultFuture) {
            int n = attempts.merge(input, 1, Integer::sum);
            if (n > failures) {
                resultFuture.complete(List.of("r" + input + " after " + n));
            } else if (emptyInsteadOfError) {
                resultFuture.complete(List.of());
            } else {
                resultFuture.completeExceptionally(new IOException("attempt " + n + " of " + input + " failed"));
            }
        }
    }

    private static OperatorHarnessDriver driver(AsyncFunction<Long, String> f, OutputMode mode, long timeout, int capacity,
            AsyncRetryStrategy<String> retry, List<byte[]> restoreFrom) throws Exception {
        OperatorHarnessDriver d = new OperatorHarnessDriver(OperatorKind.ASYNC_WAIT, new AsyncOperatorSpec(f, timeout, capacity, mode, retry),
                null, 0, 1, 128, restoreFrom);
        d.open();
        return d;
    }

    private static OperatorHarnessDriver driver(AsyncFunction<Long, String> f, OutputMode mode, long timeout, int capacity) throws Exception {
        return driver(f, mode, timeout, capacity, AsyncRetryStrategies.NO_RETRY_STRATEGY, null);
    }

    @SuppressWarnings("unchecked")
    private static <F> F fn(OperatorHarnessDriver d) {
        return (F) d.userFunction();
    }

    private static List<Object> values(OperatorHarnessDriver d) {
        List<Object> out = new ArrayList<>();
        d.output().forEach(e -> out.add(e.value()));
        return out;
    }

    @Test
    void orderedMode_emitsInInputOrder_withTheInputTimestamps() throws Exception {
        OperatorHarnessDriver d = driver(new Manual(), OutputMode.ORDERED, 0, 10);
        Manual f = fn(d);
        d.processElement(1L, 100L);
        d.processElement(2L, 200L);
        d.processElement(3L, 300L);
        f.complete(3);
        f.complete(2);
        d.processMails();
        assertThat(d.output()).isEmpty();
        f.complete(1);
        d.processMails();
        assertThat(d.output()).containsExactly(new OperatorHarnessDriver.Emitted("r1", 100L), new OperatorHarnessDriver.Emitted("r2", 200L),
                new OperatorHarnessDriver.Emitted("r3", 300L));
    }

    @Test
    void unorderedMode_emitsAsRequestsComplete() throws Exception {
        OperatorHarnessDriver d = driver(new Manual(), OutputMode.UNORDERED, 0, 10);
        Manual f = fn(d);
        d.processElement(1L, null);
        d.processElement(2L, null);
        d.processElement(3L, null);
        f.complete(3);
        d.processMails();
        assertThat(values(d)).containsExactly("r3");
        f.complete(1);
        f.complete(2);
        d.processMails();
        assertThat(values(d)).containsExactly("r3", "r1", "r2");
    }

    @Test
    void unorderedMode_neverEmitsAcrossAWatermark() throws Exception {
        OperatorHarnessDriver d = driver(new Manual(), OutputMode.UNORDERED, 0, 10);
        Manual f = fn(d);
        d.processElement(1L, 1L);
        d.processElement(2L, 2L);
        d.processWatermark(5);
        d.processElement(3L, 6L);
        d.processElement(4L, 7L);
        f.complete(3);
        d.processMails();
        assertThat(d.output()).as("3 comes after the watermark, which waits for 1 and 2").isEmpty();
        f.complete(2);
        d.processMails();
        assertThat(values(d)).containsExactly("r2");
        assertThat(d.watermarks()).isEmpty();
        f.complete(1);
        d.processMails();
        assertThat(values(d)).containsExactly("r2", "r1", "r3");
        assertThat(d.watermarks()).containsExactly(5L);
        f.complete(4);
        d.processMails();
        assertThat(values(d)).containsExactly("r2", "r1", "r3", "r4");
    }

    @Test
    void orderedMode_keepsWatermarksInPlace_andPassesThemAtOnceWhenNothingIsHeld() throws Exception {
        OperatorHarnessDriver d = driver(new Manual(), OutputMode.ORDERED, 0, 10);
        Manual f = fn(d);
        d.processWatermark(1);
        assertThat(d.watermarks()).containsExactly(1L);
        d.processElement(1L, 2L);
        d.processWatermark(5);
        d.processElement(2L, 6L);
        f.complete(2);
        d.processMails();
        assertThat(d.output()).isEmpty();
        assertThat(d.watermarks()).containsExactly(1L);
        f.complete(1);
        d.processMails();
        assertThat(values(d)).containsExactly("r1", "r2");
        assertThat(d.watermarks()).containsExactly(1L, 5L);
    }

    @Test
    void whenFull_thenNotReadyForInput_andElementsBeyondCapacityWaitWithoutARequest() throws Exception {
        OperatorHarnessDriver d = driver(new Manual(), OutputMode.UNORDERED, 0, 2);
        Manual f = fn(d);
        d.processElement(1L, null);
        assertThat(d.isReadyForInput()).isTrue();
        d.processElement(2L, null);
        assertThat(d.isReadyForInput()).isFalse();
        d.processElement(3L, null); // the rest of an input batch
        d.processWatermark(9);
        assertThat(f.invoked).containsExactly(1L, 2L);
        f.complete(2);
        d.processMails();
        assertThat(f.invoked).as("a slot freed: the waiting element starts").containsExactly(1L, 2L, 3L);
        assertThat(d.isReadyForInput()).as("the watermark still waits").isFalse();
        f.complete(1);
        f.complete(3);
        d.processMails();
        assertThat(values(d)).containsExactly("r2", "r1", "r3");
        assertThat(d.watermarks()).containsExactly(9L);
        assertThat(d.isReadyForInput()).isTrue();
    }

    @Test
    void whenARequestTimesOut_thenTheDefaultTimeoutFailsWithAClearMessage() throws Exception {
        OperatorHarnessDriver d = driver(new Manual(), OutputMode.ORDERED, 100, 10);
        d.processElement(7L, 70L);
        d.setProcessingTime(99);
        assertThatThrownBy(() -> d.setProcessingTime(100))
                .isInstanceOf(OperatorException.class)
                .hasMessageContaining("Async request for element 7 (timestamp 70) timed out after 100 ms")
                .hasMessageContaining("Override timeout(...)")
                .rootCause().isInstanceOf(TimeoutException.class);
    }

    @Test
    void whenTimeoutIsOverridden_thenItsResultIsEmitted_andTheLateAnswerIgnored() throws Exception {
        OperatorHarnessDriver d = driver(new WithFallback(), OutputMode.ORDERED, 100, 10);
        WithFallback f = fn(d);
        d.processElement(1L, null);
        d.setProcessingTime(50);
        d.processElement(2L, null);
        d.setProcessingTime(100);
        assertThat(values(d)).containsExactly("timeout 1");
        f.complete(2);
        f.complete(1); // too late
        d.setProcessingTime(150);
        assertThat(values(d)).containsExactly("timeout 1", "r2");
    }

    @Test
    void whenCompletedExceptionally_thenTheOperatorFailsWithTheError() throws Exception {
        OperatorHarnessDriver d = driver(new Manual(), OutputMode.UNORDERED, 0, 10);
        Manual f = fn(d);
        d.processElement(3L, null);
        f.pending.get(3L).completeExceptionally(new IOException("service down"));
        assertThatThrownBy(d::processMails)
                .isInstanceOf(OperatorException.class)
                .hasMessageContaining("Could not complete the async request for element 3")
                .hasRootCauseInstanceOf(IOException.class)
                .rootCause().hasMessage("service down");
    }

    @Test
    void aResultFutureCountsOnlyItsFirstCompletion() throws Exception {
        OperatorHarnessDriver d = driver(new Manual(), OutputMode.UNORDERED, 0, 10);
        Manual f = fn(d);
        d.processElement(1L, null);
        ResultFuture<String> future = f.pending.get(1L);
        future.complete(List.of("first"));
        future.complete(List.of("second"));
        future.completeExceptionally(new IOException("ignored"));
        d.processMails();
        assertThat(values(d)).containsExactly("first");
        assertThatThrownBy(() -> future.complete(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void fixedDelayRetry_retriesMatchingErrorsAfterTheBackoff() throws Exception {
        AsyncRetryStrategy<String> retry = new AsyncRetryStrategies.FixedDelayRetryStrategyBuilder<String>(3, 50)
                .ifException(RetryPredicates.HAS_EXCEPTION_PREDICATE).build();
        OperatorHarnessDriver d = driver(new Flaky(2, false), OutputMode.ORDERED, 1_000, 10, retry, null);
        Flaky f = fn(d);
        d.processElement(1L, null);
        assertThat(f.attempts).containsEntry(1L, 1);
        d.setProcessingTime(49);
        assertThat(f.attempts).containsEntry(1L, 1);
        d.setProcessingTime(50);
        assertThat(f.attempts).containsEntry(1L, 2);
        d.setProcessingTime(100);
        assertThat(values(d)).containsExactly("r1 after 3");
    }

    @Test
    void resultPredicateRetry_retriesEmptyResults() throws Exception {
        AsyncRetryStrategy<String> retry = new AsyncRetryStrategies.FixedDelayRetryStrategyBuilder<String>(2, 10)
                .ifResult(RetryPredicates.EMPTY_RESULT_PREDICATE).build();
        OperatorHarnessDriver d = driver(new Flaky(1, true), OutputMode.UNORDERED, 1_000, 10, retry, null);
        d.processElement(4L, null);
        assertThat(d.output()).isEmpty();
        d.setProcessingTime(10);
        assertThat(values(d)).containsExactly("r4 after 2");
    }

    @Test
    void whenRetriesAreExhausted_thenTheLastErrorFailsTheOperator() throws Exception {
        AsyncRetryStrategy<String> retry = new AsyncRetryStrategies.FixedDelayRetryStrategyBuilder<String>(1, 10)
                .ifException(RetryPredicates.createExceptionTypePredicate(IOException.class)).build();
        OperatorHarnessDriver d = driver(new Flaky(5, false), OutputMode.ORDERED, 1_000, 10, retry, null);
        d.processElement(1L, null);
        assertThatThrownBy(() -> d.setProcessingTime(10))
                .hasMessageContaining("element 1 after 2 attempts")
                .rootCause().hasMessage("attempt 2 of 1 failed");
    }

    @Test
    void exponentialBackoff_waitsLongerAfterEachAttempt() throws Exception {
        AsyncRetryStrategy<String> retry = new AsyncRetryStrategies.ExponentialBackoffDelayRetryStrategyBuilder<String>(5, 10, 35, 2.0)
                .ifException(RetryPredicates.HAS_EXCEPTION_PREDICATE).build();
        OperatorHarnessDriver d = driver(new Flaky(3, false), OutputMode.ORDERED, 1_000, 10, retry, null);
        Flaky f = fn(d);
        d.processElement(1L, null);
        d.setProcessingTime(19);
        assertThat(f.attempts).containsEntry(1L, 1);
        d.setProcessingTime(20); // 10 * 2
        assertThat(f.attempts).containsEntry(1L, 2);
        d.setProcessingTime(54);
        assertThat(f.attempts).containsEntry(1L, 2);
        d.setProcessingTime(55); // + min(10 * 4, 35)
        assertThat(f.attempts).containsEntry(1L, 3);
        d.setProcessingTime(90); // + 35
        assertThat(values(d)).containsExactly("r1 after 4");
    }

    @Test
    void theTimeoutCoversAllAttempts_andStopsRetrying() throws Exception {
        AsyncRetryStrategy<String> retry = new AsyncRetryStrategies.FixedDelayRetryStrategyBuilder<String>(10, 60)
                .ifException(RetryPredicates.HAS_EXCEPTION_PREDICATE).build();
        OperatorHarnessDriver d = driver(new Flaky(100, false), OutputMode.ORDERED, 100, 10, retry, null);
        Flaky f = fn(d);
        d.processElement(1L, null);
        d.setProcessingTime(60);
        assertThat(f.attempts).containsEntry(1L, 2);
        assertThatThrownBy(() -> d.setProcessingTime(100)).hasMessageContaining("timed out after 100 ms");
        assertThat(f.attempts).containsEntry(1L, 2);
    }

    @Test
    void afterEndOfInput_retriesGoOnAsConfigured_andTheOperatorReportsPendingWorkUntilDone() throws Exception {
        AsyncRetryStrategy<String> retry = new AsyncRetryStrategies.FixedDelayRetryStrategyBuilder<String>(3, 500)
                .ifException(RetryPredicates.HAS_EXCEPTION_PREDICATE).build();
        OperatorHarnessDriver d = driver(new Flaky(2, false), OutputMode.ORDERED, 10_000, 10, retry, null);
        Flaky f = fn(d);
        d.processElement(1L, null);
        d.endInput();
        assertThat(d.hasPendingWork()).isTrue();
        d.setProcessingTime(500);
        assertThat(f.attempts).containsEntry(1L, 2);
        assertThat(d.hasPendingWork()).isTrue();
        d.setProcessingTime(1_000);
        assertThat(values(d)).containsExactly("r1 after 3");
        assertThat(d.hasPendingWork()).isFalse();
    }

    @Test
    void aSnapshotHoldsUnemittedElementsAndWatermarks_whichARestoredOperatorRequestsAgainInOrder() throws Exception {
        OperatorHarnessDriver d = driver(new Manual(), OutputMode.ORDERED, 0, 2);
        Manual f = fn(d);
        d.processElement(1L, 10L);
        d.processElement(2L, 20L);
        d.processWatermark(25);
        d.processElement(3L, 30L); // waits beyond the capacity
        f.complete(2);
        d.processMails();
        byte[] snapshot = d.snapshot(1, 0);
        d.close();

        OperatorHarnessDriver restored = driver(new Manual(), OutputMode.ORDERED, 0, 2, AsyncRetryStrategies.NO_RETRY_STRATEGY, List.of(snapshot));
        Manual g = fn(restored);
        assertThat(g.invoked).as("requested again, in order, up to the capacity").containsExactly(1L, 2L);
        assertThat(restored.isReadyForInput()).isFalse();
        g.complete(1);
        g.complete(2);
        restored.processMails();
        assertThat(g.invoked).containsExactly(1L, 2L, 3L);
        g.complete(3);
        restored.processMails();
        assertThat(restored.output()).containsExactly(new OperatorHarnessDriver.Emitted("r1", 10L), new OperatorHarnessDriver.Emitted("r2", 20L),
                new OperatorHarnessDriver.Emitted("r3", 30L));
        assertThat(restored.watermarks()).containsExactly(25L);
    }

    @Test
    void unorderedSnapshot_leavesOutWhatWasEmitted() throws Exception {
        OperatorHarnessDriver d = driver(new Manual(), OutputMode.UNORDERED, 0, 10);
        Manual f = fn(d);
        d.processElement(1L, null);
        d.processElement(2L, null);
        d.processElement(3L, null);
        f.complete(2);
        d.processMails();
        assertThat(values(d)).containsExactly("r2");
        OperatorHarnessDriver restored = driver(new Manual(), OutputMode.UNORDERED, 0, 10, AsyncRetryStrategies.NO_RETRY_STRATEGY,
                List.of(d.snapshot(1, 0)));
        assertThat(((Manual) fn(restored)).invoked).containsExactly(1L, 3L);
    }

    @Test
    void completionsFromAnotherThread_areEmittedOnlyWhenTheOperatorsThreadRunsItsMails() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            OperatorHarnessDriver d = driver(new Manual(), OutputMode.ORDERED, 0, 100);
            Manual f = fn(d);
            for (long i = 0; i < 50; i++) {
                d.processElement(i, i);
            }
            List<Long> keys = new ArrayList<>(f.pending.keySet());
            java.util.Collections.reverse(keys);
            for (Long k : keys) {
                ResultFuture<String> future = f.pending.get(k);
                pool.execute(() -> future.complete(List.of("r" + k)));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            assertThat(d.output()).as("nothing is emitted from the completing threads").isEmpty();
            d.processMails();
            List<Object> expected = new ArrayList<>();
            for (long i = 0; i < 50; i++) {
                expected.add("r" + i);
            }
            assertThat(values(d)).containsExactlyElementsOf(expected);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Tries to use keyed state, which a RichAsyncFunction may not. */
    static final class WantsState extends RichAsyncFunction<Long, String> {
        @Override
        public void open(Configuration parameters) {
            getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public void asyncInvoke(Long input, ResultFuture<String> resultFuture) {
            resultFuture.complete(List.of());
        }
    }

    @Test
    void aRichAsyncFunctionHasNoState_butTheRestOfItsRuntimeContext() throws Exception {
        assertThatThrownBy(() -> driver(new WantsState(), OutputMode.ORDERED, 0, 1))
                .hasRootCauseInstanceOf(UnsupportedOperationException.class)
                .rootCause().hasMessageContaining("State is not supported in a RichAsyncFunction");
    }
}
