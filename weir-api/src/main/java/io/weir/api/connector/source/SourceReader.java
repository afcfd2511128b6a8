package io.weir.api.connector.source;

import java.util.List;

/**
 * Reads the splits assigned to one source subtask. All methods are called on the subtask's thread,
 * never concurrently, so a reader needs no locks: the runtime injects checkpoint barriers between
 * two calls of {@link #pollNext}, and {@link #snapshotState} then describes exactly the records
 * emitted so far.
 */
public interface SourceReader<T, SplitT> extends AutoCloseable {

    /** Adds splits to read: at start (fresh or restored), and on restore at another parallelism. */
    void addSplits(List<SplitT> splits);

    /**
     * Emits some records (for throughput, a batch of up to a few hundred) and says what is left.
     * Must not block for long: return {@link InputStatus#NOTHING_AVAILABLE} instead.
     */
    InputStatus pollNext(ReaderOutput<T> output) throws Exception;

    /** The unread remainder of every split, as of the records emitted so far. */
    List<SplitT> snapshotState(long checkpointId) throws Exception;

    /** Called when a checkpoint this reader took part in completes. */
    default void notifyCheckpointComplete(long checkpointId) throws Exception {}

    @Override
    default void close() throws Exception {}
}
