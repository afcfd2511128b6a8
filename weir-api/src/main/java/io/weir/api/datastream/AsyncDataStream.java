package io.weir.api.datastream;

import io.weir.api.functions.async.AsyncFunction;
import io.weir.api.functions.async.AsyncRetryStrategies;
import io.weir.api.functions.async.AsyncRetryStrategy;
import io.weir.api.functions.async.ResultFuture;
import io.weir.api.graph.AsyncOperatorSpec;
import io.weir.api.graph.OperatorKind;
import io.weir.api.typeinfo.TypeInformation;
import io.weir.api.typeutils.ResultTypeQueryable;

import java.util.concurrent.TimeUnit;

/**
 * Applies an {@link AsyncFunction} to a stream, as Flink's {@code AsyncDataStream}: each element starts a request,
 * and the operator goes on with the next elements while requests are in flight. Like every DataStream call, nothing
 * runs until {@code execute}.
 *
 * <pre>{@code
 * DataStream<String> enriched = AsyncDataStream.orderedWait(keys, new Lookup(), 1, TimeUnit.SECONDS, 100);
 * }</pre>
 *
 * <p><b>Order.</b> {@code orderedWait} emits the results in the order of the input elements. {@code unorderedWait}
 * emits results as their requests complete, but never across a watermark: the results of the elements before a
 * watermark are all emitted before it, and those of the elements after it only after it, so event time stays correct
 * downstream. Each result carries its input element's timestamp.
 *
 * <p><b>Capacity.</b> At most {@code capacity} elements and watermarks are held at once (requests in flight plus
 * results waiting for their turn); when the operator is full, its subtask stops taking input (back-pressure) while it
 * keeps emitting completed results, until a slot frees.
 *
 * <p><b>Timeout.</b> A request not completed within {@code timeout} (of processing time, from its first attempt, across
 * retries) is handed to {@link AsyncFunction#timeout}, whose default fails the job with a {@code TimeoutException}.
 * A timeout of 0 or less means none.
 *
 * <p><b>Failures.</b> An exceptional completion ({@link ResultFuture#completeExceptionally}) that the retry strategy
 * does not retry, an exception from {@code asyncInvoke}, or a timeout not handled by {@code timeout()} fails the task;
 * the job restarts as its restart strategy says.
 *
 * <p><b>Checkpoints and end of input.</b> The elements whose results were not yet emitted are part of every checkpoint
 * (with their timestamps, as are held watermarks); after a restore the operator issues their requests again, in their
 * order, before it takes new input. Results emitted before a checkpoint's barrier are not in it, so with a
 * transactional sink the output is exactly once; the function may see a request twice. When the input ends, the
 * operator waits for every request in flight before its subtask ends; timeouts and retries go on as configured meanwhile
 * (Flink 1.20 starts pending retries at once and retries nothing after the end of input, so there an attempt failing
 * near the end fails the job).
 *
 * <p><b>Threads.</b> {@code asyncInvoke} and {@code timeout} run on the subtask's thread; a {@link ResultFuture} may be
 * completed from any thread, and its results are emitted on the subtask's thread.
 *
 * <p><b>Differences from Flink 1.20, on purpose.</b> Retries go on after the end of input (Flink starts pending
 * retries at once and then retries nothing, so an attempt failing near the end fails the job). Once a request timed
 * out, it is not retried (Flink may retry it when the exception predicate accepts the {@code TimeoutException}, without
 * a new timeout). {@code ExponentialBackoffDelayRetryStrategy} computes each request's delays from its own attempts
 * (Flink's grow across all requests of a subtask).
 *
 * <p>The operator is named "async wait operator", as in Flink. It is not chained behind a classic
 * {@code SourceFunction} (whose own thread could not wait for a free slot), as Flink does not chain it there either.
 */
public final class AsyncDataStream {
    /** The capacity of the overloads without one, as in Flink. */
    private static final int DEFAULT_QUEUE_CAPACITY = 100;

    private AsyncDataStream() {}

    /** How the async operator orders its output. */
    public enum OutputMode {
        /** Results in the order of the input elements. */
        ORDERED,
        /** Results as requests complete, but never across a watermark. */
        UNORDERED
    }

    /**
     * Adds an async operator that emits results as their requests complete (not across watermarks).
     *
     * @param in       the input stream
     * @param func     the function starting a request per element
     * @param timeout  how long one element's request may take; 0 or less for no timeout
     * @param timeUnit the unit of {@code timeout}
     * @param capacity the most elements held at once; positive
     * @return the stream of results; set its parallelism, name or uid on it
     * @throws IllegalArgumentException if {@code capacity} is not positive
     */
    public static <IN, OUT> SingleOutputStreamOperator<OUT> unorderedWait(DataStream<IN> in, AsyncFunction<IN, OUT> func, long timeout,
            TimeUnit timeUnit, int capacity) {
        return add(in, func, timeUnit.toMillis(timeout), capacity, OutputMode.UNORDERED, AsyncRetryStrategies.NO_RETRY_STRATEGY);
    }

    /** As {@link #unorderedWait(DataStream, AsyncFunction, long, TimeUnit, int)} with a capacity of 100. */
    public static <IN, OUT> SingleOutputStreamOperator<OUT> unorderedWait(DataStream<IN> in, AsyncFunction<IN, OUT> func, long timeout,
            TimeUnit timeUnit) {
        return unorderedWait(in, func, timeout, timeUnit, DEFAULT_QUEUE_CAPACITY);
    }

    /**
     * Adds an async operator that emits results in the order of the input elements.
     *
     * @param in       the input stream
     * @param func     the function starting a request per element
     * @param timeout  how long one element's request may take; 0 or less for no timeout
     * @param timeUnit the unit of {@code timeout}
     * @param capacity the most elements held at once; positive
     * @return the stream of results; set its parallelism, name or uid on it
     * @throws IllegalArgumentException if {@code capacity} is not positive
     */
    public static <IN, OUT> SingleOutputStreamOperator<OUT> orderedWait(DataStream<IN> in, AsyncFunction<IN, OUT> func, long timeout,
            TimeUnit timeUnit, int capacity) {
        return add(in, func, timeUnit.toMillis(timeout), capacity, OutputMode.ORDERED, AsyncRetryStrategies.NO_RETRY_STRATEGY);
    }

    /** As {@link #orderedWait(DataStream, AsyncFunction, long, TimeUnit, int)} with a capacity of 100. */
    public static <IN, OUT> SingleOutputStreamOperator<OUT> orderedWait(DataStream<IN> in, AsyncFunction<IN, OUT> func, long timeout,
            TimeUnit timeUnit) {
        return orderedWait(in, func, timeout, timeUnit, DEFAULT_QUEUE_CAPACITY);
    }

    /**
     * As {@link #unorderedWait(DataStream, AsyncFunction, long, TimeUnit, int)}, retrying requests as
     * {@code asyncRetryStrategy} says.
     *
     * @param timeout from the first attempt to the final completion, across retries; must be positive
     * @throws IllegalArgumentException if {@code timeout} or {@code capacity} is not positive
     */
    public static <IN, OUT> SingleOutputStreamOperator<OUT> unorderedWaitWithRetry(DataStream<IN> in, AsyncFunction<IN, OUT> func,
            long timeout, TimeUnit timeUnit, int capacity, AsyncRetryStrategy<OUT> asyncRetryStrategy) {
        return add(in, func, timeUnit.toMillis(timeout), capacity, OutputMode.UNORDERED, asyncRetryStrategy);
    }

    /** As {@link #unorderedWaitWithRetry(DataStream, AsyncFunction, long, TimeUnit, int, AsyncRetryStrategy)} with a capacity of 100. */
    public static <IN, OUT> SingleOutputStreamOperator<OUT> unorderedWaitWithRetry(DataStream<IN> in, AsyncFunction<IN, OUT> func,
            long timeout, TimeUnit timeUnit, AsyncRetryStrategy<OUT> asyncRetryStrategy) {
        return unorderedWaitWithRetry(in, func, timeout, timeUnit, DEFAULT_QUEUE_CAPACITY, asyncRetryStrategy);
    }

    /**
     * As {@link #orderedWait(DataStream, AsyncFunction, long, TimeUnit, int)}, retrying requests as
     * {@code asyncRetryStrategy} says.
     *
     * @param timeout from the first attempt to the final completion, across retries; must be positive
     * @throws IllegalArgumentException if {@code timeout} or {@code capacity} is not positive
     */
    public static <IN, OUT> SingleOutputStreamOperator<OUT> orderedWaitWithRetry(DataStream<IN> in, AsyncFunction<IN, OUT> func,
            long timeout, TimeUnit timeUnit, int capacity, AsyncRetryStrategy<OUT> asyncRetryStrategy) {
        return add(in, func, timeUnit.toMillis(timeout), capacity, OutputMode.ORDERED, asyncRetryStrategy);
    }

    /** As {@link #orderedWaitWithRetry(DataStream, AsyncFunction, long, TimeUnit, int, AsyncRetryStrategy)} with a capacity of 100. */
    public static <IN, OUT> SingleOutputStreamOperator<OUT> orderedWaitWithRetry(DataStream<IN> in, AsyncFunction<IN, OUT> func,
            long timeout, TimeUnit timeUnit, AsyncRetryStrategy<OUT> asyncRetryStrategy) {
        return orderedWaitWithRetry(in, func, timeout, timeUnit, DEFAULT_QUEUE_CAPACITY, asyncRetryStrategy);
    }

    private static <IN, OUT> SingleOutputStreamOperator<OUT> add(DataStream<IN> in, AsyncFunction<IN, OUT> func, long timeoutMillis,
            int capacity, OutputMode mode, AsyncRetryStrategy<OUT> retryStrategy) {
        if (in == null) {
            throw new NullPointerException("AsyncDataStream needs an input stream, got null.");
        }
        SingleOutputStreamOperator<OUT> out = in.transform("async wait operator", OperatorKind.ASYNC_WAIT,
                new AsyncOperatorSpec(func, timeoutMillis, capacity, mode, retryStrategy));
        if (func instanceof ResultTypeQueryable) {
            @SuppressWarnings("unchecked")
            TypeInformation<OUT> produced = ((ResultTypeQueryable<OUT>) func).getProducedType();
            out.returns(produced);
        }
        return out;
    }
}
