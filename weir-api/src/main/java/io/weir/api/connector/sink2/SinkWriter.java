package io.weir.api.connector.sink2;

import io.weir.api.eventtime.Watermark;

import java.io.IOException;

/**
 * Writes one subtask's elements for a {@link Sink}. All methods are called on the subtask's thread, never
 * concurrently; {@link #close()} last, after a failure too.
 *
 * @param <InputT> the type of the elements written
 */
public interface SinkWriter<InputT> extends AutoCloseable {
    /**
     * Writes one element (it may buffer it).
     *
     * @throws IOException if it cannot be written (fails the task)
     * @throws InterruptedException if the task is cancelled while it blocks
     */
    void write(InputT element, Context context) throws IOException, InterruptedException;

    /**
     * Makes everything written so far durable or ready to commit: called before every checkpoint (with
     * {@code endOfInput} false) and once when the input ends (true).
     *
     * @throws IOException if buffered elements cannot be flushed (fails the task, or the checkpoint)
     * @throws InterruptedException if the task is cancelled while it blocks
     */
    void flush(boolean endOfInput) throws IOException, InterruptedException;

    /**
     * Called when the sink's watermark advances; does nothing by default.
     *
     * @throws IOException if the writer fails
     * @throws InterruptedException if the task is cancelled while it blocks
     */
    default void writeWatermark(Watermark watermark) throws IOException, InterruptedException {}

    /** What the writer knows about the element being written; valid during {@link #write} only. */
    interface Context {
        /** The sink's current watermark. */
        long currentWatermark();

        /** The element's event timestamp, or {@code null} if it has none. */
        Long timestamp();
    }
}
