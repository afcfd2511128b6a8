package io.weir.api.state;

/**
 * A function applied to the keyed state of every key a subtask holds, by
 * {@code KeyedBroadcastProcessFunction.Context.applyToKeyedState}: for example to clear or update the state of all
 * keys when a broadcast rule changes.
 *
 * <p>Called on the operator's task thread, once per key that has a value in the state, in no particular order.
 *
 * @param <K> the type of the keys
 * @param <S> the type of the state
 */
@FunctionalInterface
public interface KeyedStateFunction<K, S extends State> {
    /**
     * Processes the state of one key. {@code state} is scoped to {@code key} during this call only: reading, updating
     * or clearing it acts on that key's value; don't keep it.
     *
     * @throws Exception to fail the task (the job then restarts as its restart strategy says)
     */
    void process(K key, S state) throws Exception;
}
