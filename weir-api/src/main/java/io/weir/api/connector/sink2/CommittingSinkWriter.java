package io.weir.api.connector.sink2;

import java.io.IOException;
import java.util.Collection;

/**
 * The writer of a sink that {@link SupportsCommitter}: besides writing, it hands over what it wrote since the last
 * call as committables. Task thread only.
 *
 * @param <InputT> the type of the elements written
 * @param <CommittableT> the type of the committables
 */
public interface CommittingSinkWriter<InputT, CommittableT> extends SinkWriter<InputT> {
    /**
     * The committables of everything written since the last call; called at every checkpoint (after
     * {@link #flush(boolean)}) and once at the end of the input. They go into the checkpoint and are committed when it
     * completes.
     *
     * @throws IOException if they cannot be prepared (fails the checkpoint's subtask)
     * @throws InterruptedException if the task is cancelled while it blocks
     */
    Collection<CommittableT> prepareCommit() throws IOException, InterruptedException;
}
