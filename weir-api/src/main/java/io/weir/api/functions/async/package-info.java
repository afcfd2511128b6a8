/**
 * Asynchronous I/O, as in Flink's {@code org.apache.flink.streaming.api.functions.async} (and its retry
 * helpers of {@code org.apache.flink.streaming.util.retryable}): an {@link io.weir.api.functions.async.AsyncFunction}
 * starts a request per element and completes its {@link io.weir.api.functions.async.ResultFuture} later, from any
 * thread; {@link io.weir.api.datastream.AsyncDataStream} puts such a function into a stream with a timeout, a
 * capacity and an optional {@link io.weir.api.functions.async.AsyncRetryStrategy}.
 *
 * <p>Threads: the operator calls {@code asyncInvoke} and {@code timeout} on its subtask's thread, never concurrently.
 * {@code ResultFuture} may be completed from any thread; the operator hands the result to its subtask's thread,
 * which emits it, so downstream operators, state and checkpoints never see another thread.
 */
package io.weir.api.functions.async;
