package io.weir.runtime.internal.operators;

import io.weir.runtime.internal.state.KeyedSnapshot;
import io.weir.runtime.internal.state.OperatorStateBackend;

/** The synchronous result of snapshotting one operator: operator state (serialized) and keyed state (copy-on-write views). */
public record OperatorSnapshot(String operatorId, OperatorStateBackend.Snapshot operatorState, KeyedSnapshot keyedState) {}
