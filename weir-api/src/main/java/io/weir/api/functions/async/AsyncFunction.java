package io.weir.api.functions.async;

import io.weir.api.functions.Function;

import java.util.concurrent.TimeoutException;

/**
 * Starts an asynchronous request for each element, as Flink's {@code AsyncFunction}: {@link #asyncInvoke}
 * starts it and returns at once; whoever gets the answer (a client library's callback, an executor) completes the
 * {@link ResultFuture} with the element's results, or with an error. Apply it with
 * {@link io.weir.api.datastream.AsyncDataStream}.
 *
 * <p>The operator calls {@link #asyncInvoke} and {@link #timeout} on its subtask's thread, one call at a time, and
 * keeps the element until its results are emitted; such pending elements are part of every checkpoint and are
 * invoked again (a second request for the same element) after a restore. The function must therefore tolerate a
 * request being issued more than once, as with Flink.
 *
 * <pre>{@code
 * class Lookup extends RichAsyncFunction<String, String> {
 *     public void asyncInvoke(String key, ResultFuture<String> result) {
 *         client.get(key).whenComplete((value, error) -> {
 *             if (error != null) result.completeExceptionally(error);
 *             else result.complete(List.of(key + "=" + value));
 *         });
 *     }
 * }
 * }</pre>
 *
 * @param <IN>  the type of the input elements
 * @param <OUT> the type of the results
 */
public interface AsyncFunction<IN, OUT> extends Function {

    /**
     * Starts the request for {@code input}; should return without waiting for it. Called on the subtask's thread.
     *
     * @param input        the element (owned by the operator until its results are emitted: do not change it)
     * @param resultFuture to complete exactly once, from any thread, with the results (an empty collection for none)
     *                     or with an error; later completions are ignored
     * @throws Exception an error of the user code: it fails the task, and the job restarts as its restart strategy says
     */
    void asyncInvoke(IN input, ResultFuture<OUT> resultFuture) throws Exception;

    /**
     * Called on the subtask's thread when the request for {@code input} has not completed within the operator's
     * timeout (counted from the first attempt, across retries). The default completes it with a
     * {@link TimeoutException}, which fails the job; override it to complete with a fallback result instead.
     * Completions of the original request that arrive afterwards are ignored.
     *
     * @param input        the element whose request timed out
     * @param resultFuture the element's future, as given to {@link #asyncInvoke}
     * @throws Exception an error of the user code: it fails the task
     */
    default void timeout(IN input, ResultFuture<OUT> resultFuture) throws Exception {
        resultFuture.completeExceptionally(new TimeoutException("Async function call has timed out."));
    }
}
