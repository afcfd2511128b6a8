package io.weir.api.connector.sink2;

import java.io.IOException;
import java.util.List;

/**
 * The writer of a sink that {@link SupportsWriterState}: its state is part of every checkpoint and is given back to
 * {@link SupportsWriterState#restoreWriter} on a restore. Task thread only.
 *
 * @param <InputT> the type of the elements written
 * @param <WriterStateT> the type of the writer's state
 */
public interface StatefulSinkWriter<InputT, WriterStateT> extends SinkWriter<InputT> {
    /**
     * The writer's state at checkpoint {@code checkpointId}, after {@link #flush(boolean)}.
     *
     * @throws IOException if the state cannot be taken (fails the checkpoint's subtask)
     */
    List<WriterStateT> snapshotState(long checkpointId) throws IOException;
}
