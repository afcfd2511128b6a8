package io.weir.api.functions.async;

import java.io.Serializable;

/**
 * When and how soon the async operator issues a request again, as Flink's {@code AsyncRetryStrategy}. Build one with
 * {@link AsyncRetryStrategies} or implement it; give it to {@code AsyncDataStream.orderedWaitWithRetry} or
 * {@code unorderedWaitWithRetry}. It is serialized with the job (so its predicates must be serializable), and the
 * operator calls it on its subtask's thread.
 *
 * <p>A completion that matches {@link #getRetryPredicate()} (a result its result predicate accepts, or an error its
 * exception predicate accepts) is retried when {@link #canRetry} allows, after {@link #getBackoffTimeMillis}; any
 * other completion, or one that may not be retried, is final. The operator's timeout covers all attempts.
 *
 * @param <OUT> the type of the results
 */
public interface AsyncRetryStrategy<OUT> extends Serializable {

    /**
     * Whether another attempt may follow.
     *
     * @param currentAttempts the attempts made so far for this element: 1 after the first
     */
    boolean canRetry(int currentAttempts);

    /**
     * How long to wait before the next attempt, in milliseconds of processing time.
     *
     * @param currentAttempts the attempts made so far for this element: 1 after the first
     */
    long getBackoffTimeMillis(int currentAttempts);

    /** Which completions are worth a retry; never null. */
    AsyncRetryPredicate<OUT> getRetryPredicate();
}
