package io.weir.api.connector.source;

import io.weir.api.typeutils.TypeSerializer;

import java.io.Serializable;
import java.util.List;

/**
 * A replayable, checkpointed source, a simplified form of Flink's FLIP-27 {@code Source}: the input
 * is cut into splits; each subtask's reader reads its splits and reports their unread remainder
 * in every checkpoint. On restore, the remainders of all subtasks are dealt round robin to the new
 * subtasks, so the parallelism may change between runs.
 */
public interface Source<T, SplitT> extends Serializable {

    Boundedness getBoundedness();

    /** Cuts the whole input into splits for a fresh start (not called on restore). */
    List<SplitT> createSplits(int parallelism);

    SourceReader<T, SplitT> createReader(SourceReaderContext context);

    /** Serializer of splits for checkpoints. */
    TypeSerializer<SplitT> getSplitSerializer();
}
