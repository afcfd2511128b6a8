package io.weir.api.state;

import java.io.IOException;

/**
 * One value per key. {@link #value()} returns {@code null} (or the descriptor's default) when unset.
 * Used on the subtask's thread, from the function call that processes an element or timer of the
 * current key.
 */
public interface ValueState<T> extends State {

    /**
     * The value of the current key: the object the state holds, not a copy (except that with object
     * reuse disabled a mutable default value is copied for each read). Changing it and passing it back
     * to {@link #update} within the same call is the cheap way to change state: no copy is made. Do not
     * keep it across calls to change it later: between calls a checkpoint may be writing it.
     */
    T value() throws IOException;

    /**
     * Sets the value of the current key; {@code null} clears it. With object reuse disabled (the
     * default) a mutable value is copied with the state's serializer before it is stored, unless it
     * is the very object the state already holds for the key, so the caller may change or reuse
     * {@code value} afterwards. With object reuse enabled it is stored as it is and must not be
     * changed afterwards except through another {@code update}.
     */
    void update(T value) throws IOException;
}
