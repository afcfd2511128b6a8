package io.weir.runtime.internal.task;

import io.weir.runtime.internal.state.RestoredState;

import java.util.Map;

/**
 * What one subtask restores.
 *
 * @param byOperator  restored state per operator id (operators absent here start empty)
 * @param inFlight    input records overtaken by an unaligned checkpoint, to replay before new input
 * @param endOfInput  whether the subtask had already processed all its input when the checkpoint was taken
 */
public record TaskRestore(long checkpointId, Map<String, RestoredState> byOperator, boolean endOfInput, java.util.List<byte[]> inFlight) {}
