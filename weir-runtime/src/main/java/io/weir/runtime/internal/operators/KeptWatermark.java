package io.weir.runtime.internal.operators;

import io.weir.api.state.ListState;
import io.weir.runtime.internal.state.OperatorStateBackend;
import io.weir.runtime.serialization.Serializers;

import java.util.List;

/**
 * The event-time watermark an operator has reached, kept in its operator state, so that after a
 * restore the operator does not fall back behind it: elements that were late before the failure stay
 * late, and watermarks from upstream below it are ignored (the operator overrides
 * {@code processWatermark} for that). Used by the operators that drop late elements (window, interval
 * join). Task thread only.
 */
final class KeptWatermark {
    private final ListState<Long> state;

    /** Registers the operator-state list {@code name}; call from {@code initializeUserState}. */
    KeptWatermark(OperatorStateBackend operatorState, String name) throws Exception {
        this.state = operatorState.getListState(name, Serializers.forClass(Long.class), false);
    }

    /**
     * The watermark to start from after a restore: the subtask's own entry when the parallelism is
     * unchanged, after rescaling the smallest of the entries dealt to this subtask; {@code Long.MIN_VALUE}
     * when none was.
     */
    long restored() throws Exception {
        long floor = Long.MAX_VALUE;
        for (Long w : state.get()) {
            floor = Math.min(floor, w);
        }
        return floor == Long.MAX_VALUE ? Long.MIN_VALUE : floor;
    }

    /** Records {@code watermark} for the checkpoint being taken; call from {@code snapshotUserState}. */
    void save(long watermark) throws Exception {
        state.update(List.of(watermark));
    }
}
