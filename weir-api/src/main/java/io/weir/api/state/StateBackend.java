package io.weir.api.state;

import java.io.Serializable;

/**
 * Where keyed and operator state live while a job runs, set with {@code env.setStateBackend(...)} or
 * {@code state.backend.type}, as in Flink. Weir has {@link HashMapStateBackend} (state on the heap, the default).
 */
public interface StateBackend extends Serializable {
    /** The value of {@code state.backend.type} that selects this backend. */
    String getName();
}
