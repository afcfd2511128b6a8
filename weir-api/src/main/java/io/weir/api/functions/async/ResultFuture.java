package io.weir.api.functions.async;

import java.util.Collection;

/**
 * Where an {@link AsyncFunction} puts the outcome of one element's request, as Flink's {@code ResultFuture}. Any
 * thread may complete it; only the first completion counts, later ones are ignored (so a late answer racing with a
 * timeout does no harm). Completing returns at once: the operator emits the results later on its subtask's thread.
 *
 * @param <OUT> the type of the results
 */
public interface ResultFuture<OUT> {

    /**
     * Completes the request with {@code result}: each element is emitted downstream with the input element's
     * timestamp. The operator keeps a reference to the collection (no copy), so do not change it afterwards.
     *
     * @param result the results, possibly empty
     * @throws NullPointerException if {@code result} is null (use an empty collection to emit nothing)
     */
    void complete(Collection<OUT> result);

    /**
     * Completes the request with an error. Unless the operator's {@link AsyncRetryStrategy} retries on it, the error
     * fails the task, with {@code error} as the cause, and the job restarts as its restart strategy says.
     *
     * @param error what went wrong
     */
    void completeExceptionally(Throwable error);
}
