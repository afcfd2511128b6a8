package io.weir.api.graph;

import io.weir.api.datastream.AsyncDataStream;
import io.weir.api.functions.Function;
import io.weir.api.functions.async.AsyncFunction;
import io.weir.api.functions.async.AsyncRetryStrategies;
import io.weir.api.functions.async.AsyncRetryStrategy;

/**
 * What the {@link OperatorKind#ASYNC_WAIT} operator needs: the user's function, the timeout, the capacity, the output
 * mode and the retry strategy. Made by {@link AsyncDataStream} on the thread that builds the job; immutable.
 */
public final class AsyncOperatorSpec implements Function {
    private static final long serialVersionUID = 1L;

    private final AsyncFunction<?, ?> function;
    private final long timeoutMillis;
    private final int capacity;
    private final AsyncDataStream.OutputMode outputMode;
    private final AsyncRetryStrategy<?> retryStrategy;

    /**
     * @param timeoutMillis from the first attempt to the final completion of one element; 0 or less for none
     * @param capacity      the most elements (and watermarks) the operator holds at once; positive
     * @param retryStrategy {@link AsyncRetryStrategies#NO_RETRY_STRATEGY} for none
     * @throws NullPointerException     if the function, mode or strategy is null
     * @throws IllegalArgumentException if the capacity is not positive, or a retry strategy comes without a timeout
     */
    public AsyncOperatorSpec(AsyncFunction<?, ?> function, long timeoutMillis, int capacity, AsyncDataStream.OutputMode outputMode,
            AsyncRetryStrategy<?> retryStrategy) {
        if (function == null || outputMode == null || retryStrategy == null) {
            throw new NullPointerException("AsyncDataStream needs an AsyncFunction, an output mode and a retry strategy, got function="
                    + function + ", mode=" + outputMode + ", retry strategy=" + retryStrategy + ".");
        }
        if (capacity <= 0) {
            throw new IllegalArgumentException("AsyncDataStream: the capacity (most requests in flight at once) must be positive, got "
                    + capacity + ".");
        }
        if (retryStrategy != AsyncRetryStrategies.NO_RETRY_STRATEGY && timeoutMillis <= 0) {
            throw new IllegalArgumentException("AsyncDataStream: a retry strategy needs a positive timeout (it bounds all attempts"
                    + " of an element), got " + timeoutMillis + " ms.");
        }
        this.function = function;
        this.timeoutMillis = timeoutMillis;
        this.capacity = capacity;
        this.outputMode = outputMode;
        this.retryStrategy = retryStrategy;
    }

    /** The user's function; the operator works on a copy per subtask. */
    public AsyncFunction<?, ?> getFunction() {
        return function;
    }

    /** The timeout in ms; 0 or less for none. */
    public long getTimeoutMillis() {
        return timeoutMillis;
    }

    /** The most elements and watermarks held at once; positive. */
    public int getCapacity() {
        return capacity;
    }

    /** Whether results keep the input order. */
    public AsyncDataStream.OutputMode getOutputMode() {
        return outputMode;
    }

    /** When to retry; {@link AsyncRetryStrategies#NO_RETRY_STRATEGY} for never. */
    public AsyncRetryStrategy<?> getRetryStrategy() {
        return retryStrategy;
    }
}
