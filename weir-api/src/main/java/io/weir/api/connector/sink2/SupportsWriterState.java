package io.weir.api.connector.sink2;

import io.weir.api.io.SimpleVersionedSerializer;

import java.io.IOException;
import java.util.Collection;

/**
 * Implemented by a {@link Sink} whose writers have state to checkpoint. On a fresh start the writer comes from
 * {@link Sink#createWriter(WriterInitContext)}; on a restore from {@link #restoreWriter}, with the state the old
 * subtasks' writers snapshotted (split across the new subtasks at another parallelism, as list state is).
 *
 * @param <InputT> the type of the elements written
 * @param <WriterStateT> the type of the writers' state
 */
public interface SupportsWriterState<InputT, WriterStateT> {
    /**
     * A writer resuming from {@code recoveredState}; called on the subtask's thread when a restored sink opens.
     *
     * @throws IOException if the writer cannot be created
     */
    StatefulSinkWriter<InputT, WriterStateT> restoreWriter(WriterInitContext context, Collection<WriterStateT> recoveredState)
            throws IOException;

    /** The serializer that writes the writers' state into checkpoints. */
    SimpleVersionedSerializer<WriterStateT> getWriterStateSerializer();
}
