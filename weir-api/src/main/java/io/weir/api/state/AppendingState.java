package io.weir.api.state;

/** State that values are added to, read back as one result. */
public interface AppendingState<IN, OUT> extends State {
    /** The result for the current key; {@code null} (reducing) or an empty iterable (list) when empty. */
    OUT get() throws Exception;

    void add(IN value) throws Exception;
}
