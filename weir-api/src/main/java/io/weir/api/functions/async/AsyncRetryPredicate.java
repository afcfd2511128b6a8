package io.weir.api.functions.async;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which completions of an async request are retried, as Flink's {@code AsyncRetryPredicate}. The operator tests
 * them on its subtask's thread, before the completion counts. A strategy with neither predicate never retries.
 *
 * @param <OUT> the type of the results
 */
public interface AsyncRetryPredicate<OUT> {

    /** A test of a successful completion's results: true to retry; empty to never retry on results. */
    Optional<Predicate<Collection<OUT>>> resultPredicate();

    /** A test of an exceptional completion's error: true to retry; empty to never retry on errors. */
    Optional<Predicate<Throwable>> exceptionPredicate();
}
