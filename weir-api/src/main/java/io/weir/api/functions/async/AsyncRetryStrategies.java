package io.weir.api.functions.async;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Ready-made {@link AsyncRetryStrategy}s, as Flink's {@code AsyncRetryStrategies} (Flink's package
 * {@code org.apache.flink.streaming.util.retryable}; Weir keeps it beside the async functions):
 *
 * <pre>{@code
 * AsyncRetryStrategy<String> retry = new AsyncRetryStrategies.FixedDelayRetryStrategyBuilder<String>(3, 100L)
 *         .ifResult(RetryPredicates.EMPTY_RESULT_PREDICATE)
 *         .ifException(RetryPredicates.HAS_EXCEPTION_PREDICATE)
 *         .build();
 * }</pre>
 *
 * <p>{@code maxAttempts} counts retries as Flink does: {@code canRetry(n)} is {@code n <= maxAttempts}, where n is
 * the number of attempts made, so up to {@code maxAttempts} retries follow the first attempt.
 */
public final class AsyncRetryStrategies {
    private AsyncRetryStrategies() {}

    /** Never retries; the strategy of {@code orderedWait} and {@code unorderedWait}. */
    @SuppressWarnings("rawtypes")
    public static final NoRetryStrategy NO_RETRY_STRATEGY = new NoRetryStrategy();

    /** The type of {@link #NO_RETRY_STRATEGY}. */
    public static final class NoRetryStrategy<OUT> implements AsyncRetryStrategy<OUT> {
        private static final long serialVersionUID = 1L;

        private NoRetryStrategy() {}

        @Override
        public boolean canRetry(int currentAttempts) {
            return false;
        }

        @Override
        public long getBackoffTimeMillis(int currentAttempts) {
            return -1;
        }

        @Override
        public AsyncRetryPredicate<OUT> getRetryPredicate() {
            return new Predicates<>(null, null);
        }
    }

    /** The predicates of a built strategy; either may be absent. */
    private static final class Predicates<OUT> implements AsyncRetryPredicate<OUT> {
        private final Predicate<Collection<OUT>> result;
        private final Predicate<Throwable> exception;

        Predicates(Predicate<Collection<OUT>> result, Predicate<Throwable> exception) {
            this.result = result;
            this.exception = exception;
        }

        @Override
        public Optional<Predicate<Collection<OUT>>> resultPredicate() {
            return Optional.ofNullable(result);
        }

        @Override
        public Optional<Predicate<Throwable>> exceptionPredicate() {
            return Optional.ofNullable(exception);
        }
    }

    /** What both built strategies share: at most {@code maxAttempts} retries, on the completions the predicates accept. */
    private abstract static class BoundedRetryStrategy<OUT> implements AsyncRetryStrategy<OUT> {
        private static final long serialVersionUID = 1L;
        private final int maxAttempts;
        private final Predicate<Collection<OUT>> resultPredicate;
        private final Predicate<Throwable> exceptionPredicate;

        BoundedRetryStrategy(int maxAttempts, Predicate<Collection<OUT>> resultPredicate, Predicate<Throwable> exceptionPredicate) {
            this.maxAttempts = maxAttempts;
            this.resultPredicate = resultPredicate;
            this.exceptionPredicate = exceptionPredicate;
        }

        @Override
        public boolean canRetry(int currentAttempts) {
            return currentAttempts <= maxAttempts;
        }

        @Override
        public AsyncRetryPredicate<OUT> getRetryPredicate() {
            return new Predicates<>(resultPredicate, exceptionPredicate);
        }
    }

    /** Retries after the same delay each time; made by {@link FixedDelayRetryStrategyBuilder}. */
    public static final class FixedDelayRetryStrategy<OUT> extends BoundedRetryStrategy<OUT> {
        private static final long serialVersionUID = 1L;
        private final long backoffTimeMillis;

        private FixedDelayRetryStrategy(int maxAttempts, long backoffTimeMillis, Predicate<Collection<OUT>> resultPredicate,
                Predicate<Throwable> exceptionPredicate) {
            super(maxAttempts, resultPredicate, exceptionPredicate);
            this.backoffTimeMillis = backoffTimeMillis;
        }

        @Override
        public long getBackoffTimeMillis(int currentAttempts) {
            return backoffTimeMillis;
        }
    }

    /** Builds a {@link FixedDelayRetryStrategy}; without a predicate it never retries. */
    public static final class FixedDelayRetryStrategyBuilder<OUT> {
        private final int maxAttempts;
        private final long backoffTimeMillis;
        private Predicate<Collection<OUT>> resultPredicate;
        private Predicate<Throwable> exceptionPredicate;

        /**
         * @param maxAttempts       the most retries after the first attempt; positive
         * @param backoffTimeMillis the delay before each retry; positive
         * @throws IllegalArgumentException if either is not positive
         */
        public FixedDelayRetryStrategyBuilder(int maxAttempts, long backoffTimeMillis) {
            checkPositive("maxAttempts", maxAttempts);
            checkPositive("backoffTimeMillis", backoffTimeMillis);
            this.maxAttempts = maxAttempts;
            this.backoffTimeMillis = backoffTimeMillis;
        }

        /** Retries when the results match {@code resultRetryPredicate} (serializable, for example {@link RetryPredicates}). */
        public FixedDelayRetryStrategyBuilder<OUT> ifResult(Predicate<Collection<OUT>> resultRetryPredicate) {
            this.resultPredicate = resultRetryPredicate;
            return this;
        }

        /** Retries when the error matches {@code exceptionRetryPredicate} (serializable, for example {@link RetryPredicates}). */
        public FixedDelayRetryStrategyBuilder<OUT> ifException(Predicate<Throwable> exceptionRetryPredicate) {
            this.exceptionPredicate = exceptionRetryPredicate;
            return this;
        }

        /** The strategy with the settings given so far; the builder may be used again. */
        public FixedDelayRetryStrategy<OUT> build() {
            return new FixedDelayRetryStrategy<>(maxAttempts, backoffTimeMillis, resultPredicate, exceptionPredicate);
        }
    }

    /**
     * Retries after growing delays: {@code min(initialDelay * multiplier^n, maxRetryDelay)} ms after the n-th attempt,
     * the delays Flink gives a single request. Made by {@link ExponentialBackoffDelayRetryStrategyBuilder}.
     *
     * <p>Differs from Flink 1.20 on purpose: Flink keeps the last delay in the strategy object, which all requests of
     * a subtask share, so the delays keep growing from one element to the next and never start over. Weir computes
     * each request's delays from its own attempt count.
     */
    public static final class ExponentialBackoffDelayRetryStrategy<OUT> extends BoundedRetryStrategy<OUT> {
        private static final long serialVersionUID = 1L;
        private final long initialDelay;
        private final long maxRetryDelay;
        private final double multiplier;

        /**
         * Prefer {@link ExponentialBackoffDelayRetryStrategyBuilder}; public as in Flink.
         *
         * @param resultPredicate    retry on these results; null for never
         * @param exceptionPredicate retry on these errors; null for never
         * @throws IllegalArgumentException if {@code maxAttempts} or {@code initialDelay} is not positive,
         *     {@code maxRetryDelay < initialDelay}, or {@code multiplier < 1}
         */
        public ExponentialBackoffDelayRetryStrategy(int maxAttempts, long initialDelay, long maxRetryDelay, double multiplier,
                Predicate<Collection<OUT>> resultPredicate, Predicate<Throwable> exceptionPredicate) {
            super(maxAttempts, resultPredicate, exceptionPredicate);
            checkPositive("maxAttempts", maxAttempts);
            checkPositive("initialDelay", initialDelay);
            if (maxRetryDelay < initialDelay) {
                throw new IllegalArgumentException("maxRetryDelay must be at least initialDelay (" + initialDelay + " ms), got " + maxRetryDelay + ".");
            }
            if (!(multiplier >= 1.0)) {
                throw new IllegalArgumentException("multiplier must be at least 1.0, got " + multiplier + ".");
            }
            this.initialDelay = initialDelay;
            this.maxRetryDelay = maxRetryDelay;
            this.multiplier = multiplier;
        }

        @Override
        public long getBackoffTimeMillis(int currentAttempts) {
            double delay = initialDelay * Math.pow(multiplier, Math.max(1, currentAttempts));
            return delay >= maxRetryDelay ? maxRetryDelay : (long) delay;
        }
    }

    /** Builds an {@link ExponentialBackoffDelayRetryStrategy}; without a predicate it never retries. */
    public static final class ExponentialBackoffDelayRetryStrategyBuilder<OUT> {
        private final int maxAttempts;
        private final long initialDelay;
        private final long maxRetryDelay;
        private final double multiplier;
        private Predicate<Collection<OUT>> resultPredicate;
        private Predicate<Throwable> exceptionPredicate;

        /**
         * @param maxAttempts   the most retries after the first attempt; positive
         * @param initialDelay  the base delay in ms; positive
         * @param maxRetryDelay the longest delay in ms; at least {@code initialDelay}
         * @param multiplier    the growth per attempt; at least 1.0
         * @throws IllegalArgumentException at {@link #build()} if a value is out of range (Flink does not check them)
         */
        public ExponentialBackoffDelayRetryStrategyBuilder(int maxAttempts, long initialDelay, long maxRetryDelay, double multiplier) {
            this.maxAttempts = maxAttempts;
            this.initialDelay = initialDelay;
            this.maxRetryDelay = maxRetryDelay;
            this.multiplier = multiplier;
        }

        /** Retries when the results match {@code resultRetryPredicate} (serializable, for example {@link RetryPredicates}). */
        public ExponentialBackoffDelayRetryStrategyBuilder<OUT> ifResult(Predicate<Collection<OUT>> resultRetryPredicate) {
            this.resultPredicate = resultRetryPredicate;
            return this;
        }

        /** Retries when the error matches {@code exceptionRetryPredicate} (serializable, for example {@link RetryPredicates}). */
        public ExponentialBackoffDelayRetryStrategyBuilder<OUT> ifException(Predicate<Throwable> exceptionRetryPredicate) {
            this.exceptionPredicate = exceptionRetryPredicate;
            return this;
        }

        /**
         * The strategy with the settings given so far; the builder may be used again.
         *
         * @throws IllegalArgumentException if a setting given to the constructor is out of range, naming it
         */
        public ExponentialBackoffDelayRetryStrategy<OUT> build() {
            return new ExponentialBackoffDelayRetryStrategy<>(maxAttempts, initialDelay, maxRetryDelay, multiplier, resultPredicate,
                    exceptionPredicate);
        }
    }

    private static void checkPositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value + ".");
        }
    }
}
