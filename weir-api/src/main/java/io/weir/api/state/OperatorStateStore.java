package io.weir.api.state;

/**
 * Operator (non-keyed) state of one subtask. On restore at another parallelism, list state is
 * split evenly across the new subtasks (round robin over all elements), while union list state
 * gives every subtask all elements of all subtasks.
 */
public interface OperatorStateStore {
    <S> ListState<S> getListState(ListStateDescriptor<S> descriptor) throws Exception;

    <S> ListState<S> getUnionListState(ListStateDescriptor<S> descriptor) throws Exception;
}
