package io.weir.api.state;

/**
 * Operator (non-keyed) state of one subtask, from {@code FunctionInitializationContext.getOperatorStateStore()}. On
 * restore at another parallelism, list state is split evenly across the new subtasks (round robin over all elements),
 * union list state gives every subtask all elements of all subtasks, and broadcast state gives every subtask one old
 * subtask's copy. State names are unique per operator across the three kinds.
 *
 * <p>Called on the operator's task thread, usually from {@code initializeState}; a state registered again under the
 * same name returns the same object.
 */
public interface OperatorStateStore {
    /**
     * The list state named by {@code descriptor}, restored if the checkpoint holds it; split across subtasks on a
     * restore at another parallelism.
     *
     * @throws IllegalStateException if state of another kind or type exists under that name
     * @throws Exception if restored state cannot be read
     */
    <S> ListState<S> getListState(ListStateDescriptor<S> descriptor) throws Exception;

    /**
     * The union list state named by {@code descriptor}: on every restore each subtask gets the elements of all old
     * subtasks.
     *
     * @throws IllegalStateException if state of another kind or type exists under that name
     * @throws Exception if restored state cannot be read
     */
    <S> ListState<S> getUnionListState(ListStateDescriptor<S> descriptor) throws Exception;

    /**
     * The broadcast state named by {@code descriptor} (see {@link BroadcastState}). A broadcast-connected operator
     * registers the descriptors given to {@code broadcast(...)} itself; other operators may use it too, and are then
     * responsible for keeping every subtask's copy equal.
     *
     * @throws IllegalStateException if state of another kind or type exists under that name
     * @throws Exception if restored state cannot be read
     */
    <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) throws Exception;
}
