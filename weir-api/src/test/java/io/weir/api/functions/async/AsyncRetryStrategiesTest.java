package io.weir.api.functions.async;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ready-made retry strategies and predicates, with Flink's counting of attempts. */
@Timeout(10)
class AsyncRetryStrategiesTest {

    @Test
    void fixedDelay_allowsMaxAttemptsRetries_withTheSameDelay() {
        AsyncRetryStrategy<String> s = new AsyncRetryStrategies.FixedDelayRetryStrategyBuilder<String>(3, 100L)
                .ifException(RetryPredicates.HAS_EXCEPTION_PREDICATE).build();
        assertThat(s.canRetry(1)).isTrue();
        assertThat(s.canRetry(3)).isTrue();
        assertThat(s.canRetry(4)).isFalse();
        assertThat(s.getBackoffTimeMillis(1)).isEqualTo(100);
        assertThat(s.getBackoffTimeMillis(3)).isEqualTo(100);
        assertThat(s.getRetryPredicate().resultPredicate()).isEmpty();
        assertThat(s.getRetryPredicate().exceptionPredicate()).isPresent();
    }

    @Test
    void exponentialBackoff_growsPerAttempt_upToTheMaximum() {
        AsyncRetryStrategy<String> s = new AsyncRetryStrategies.ExponentialBackoffDelayRetryStrategyBuilder<String>(10, 10, 100, 3.0).build();
        assertThat(s.getBackoffTimeMillis(1)).isEqualTo(30);
        assertThat(s.getBackoffTimeMillis(2)).isEqualTo(90);
        assertThat(s.getBackoffTimeMillis(3)).isEqualTo(100);
        assertThat(s.getBackoffTimeMillis(1)).as("each request's delays start over").isEqualTo(30);
        assertThat(s.getRetryPredicate().resultPredicate()).isEmpty();
        assertThat(s.getRetryPredicate().exceptionPredicate()).isEmpty();
    }

    @Test
    void invalidSettingsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> new AsyncRetryStrategies.FixedDelayRetryStrategyBuilder<String>(0, 10)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new AsyncRetryStrategies.FixedDelayRetryStrategyBuilder<String>(1, 0)).hasMessageContaining("backoffTimeMillis");
        assertThatThrownBy(() -> new AsyncRetryStrategies.ExponentialBackoffDelayRetryStrategyBuilder<String>(1, 10, 5, 2.0).build())
                .hasMessageContaining("maxRetryDelay");
        assertThatThrownBy(() -> new AsyncRetryStrategies.ExponentialBackoffDelayRetryStrategyBuilder<String>(1, 10, 50, 0.5).build())
                .hasMessageContaining("multiplier");
    }

    @Test
    void noRetryStrategy_neverRetries() {
        @SuppressWarnings("unchecked")
        AsyncRetryStrategy<String> s = AsyncRetryStrategies.NO_RETRY_STRATEGY;
        assertThat(s.canRetry(1)).isFalse();
        assertThat(s.getRetryPredicate().resultPredicate()).isEmpty();
        assertThat(s.getRetryPredicate().exceptionPredicate()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void predicates_matchAsFlinksDo() {
        Predicate<Collection<String>> empty = RetryPredicates.EMPTY_RESULT_PREDICATE;
        assertThat(empty.test(List.of())).isTrue();
        assertThat(empty.test(null)).isTrue();
        assertThat(empty.test(List.of("x"))).isFalse();
        assertThat(RetryPredicates.HAS_EXCEPTION_PREDICATE.test(new IOException())).isTrue();
        Predicate<Throwable> io = RetryPredicates.createExceptionTypePredicate(IOException.class);
        assertThat(io.test(new java.io.FileNotFoundException())).isTrue();
        assertThat(io.test(new TimeoutException())).isFalse();
        assertThat(RetryPredicates.exceptionTypePredicate(TimeoutException.class).test(new TimeoutException())).isTrue();
    }

    @Test
    void flinksRawBuilderIdiomCompiles_andStrategiesSerialize() throws IOException {
        @SuppressWarnings({"rawtypes", "unchecked"})
        AsyncRetryStrategy s = new AsyncRetryStrategies.FixedDelayRetryStrategyBuilder(3, 100L)
                .ifResult(RetryPredicates.EMPTY_RESULT_PREDICATE)
                .ifException(RetryPredicates.HAS_EXCEPTION_PREDICATE)
                .build();
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(s);
            out.writeObject(new AsyncRetryStrategies.ExponentialBackoffDelayRetryStrategyBuilder<String>(3, 10, 100, 2.0)
                    .ifException(RetryPredicates.createExceptionTypePredicate(IOException.class)).build());
        }
        assertThat(s.canRetry(3)).isTrue();
    }
}
