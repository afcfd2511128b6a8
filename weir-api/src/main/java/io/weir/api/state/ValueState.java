package io.weir.api.state;

import java.io.IOException;

/** One value per key. {@link #value()} returns {@code null} (or the descriptor's default) when unset. */
public interface ValueState<T> extends State {
    T value() throws IOException;

    void update(T value) throws IOException;
}
