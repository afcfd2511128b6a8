package io.weir.api.state;

import java.util.Map;

/**
 * The view of a broadcast state that the non-broadcast side of a broadcast-connected operator gets
 * ({@code processElement} of a {@code BroadcastProcessFunction} or {@code KeyedBroadcastProcessFunction}): it may read
 * the state but not change it, because only the broadcast side sees the same elements on every subtask and so can
 * keep every subtask's copy equal.
 *
 * <p>Called on the operator's task thread only, during the user function's calls. The values returned are the objects
 * held in the state: changing them changes the state of this subtask only, which breaks the rule that every copy is
 * equal, so don't.
 *
 * @param <K> the type of the keys in the state
 * @param <V> the type of the values in the state
 */
public interface ReadOnlyBroadcastState<K, V> extends State {
    /**
     * The value mapped to {@code key}, or {@code null} if there is none.
     *
     * @throws Exception if the state cannot be read
     */
    V get(K key) throws Exception;

    /**
     * Whether a value is mapped to {@code key}.
     *
     * @throws Exception if the state cannot be read
     */
    boolean contains(K key) throws Exception;

    /**
     * All entries, in no particular order; the iterable and its entries refuse changes ({@code remove},
     * {@code setValue}) with an {@link UnsupportedOperationException}.
     *
     * @throws Exception if the state cannot be read
     */
    Iterable<Map.Entry<K, V>> immutableEntries() throws Exception;

    /**
     * Always throws: the read-only side may not change the state.
     *
     * @throws UnsupportedOperationException always; clear broadcast state from the broadcast side
     */
    @Override
    void clear();
}
