package io.weir.api.connector.sink2;

import io.weir.api.io.SimpleVersionedSerializer;

import java.io.IOException;

/**
 * Implemented by a {@link Sink} that writes exactly once by committing: its writer must be a
 * {@link CommittingSinkWriter}. Weir runs the committer in the sink's own subtask (Flink may run it in a separate
 * committer operator; the guarantee is the same).
 *
 * @param <CommittableT> the type of the committables
 */
public interface SupportsCommitter<CommittableT> {
    /**
     * The committer of one subtask; created on its thread when it first has something to commit.
     *
     * @throws IOException if the committer cannot be created
     */
    Committer<CommittableT> createCommitter(CommitterInitContext context) throws IOException;

    /** The serializer that writes committables into checkpoints. */
    SimpleVersionedSerializer<CommittableT> getCommittableSerializer();
}
