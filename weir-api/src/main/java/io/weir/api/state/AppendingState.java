package io.weir.api.state;

/** State that values are added to, read back as one result. */
public interface AppendingState<IN, OUT> extends State {
    /** The result for the current key; {@code null} (reducing) or an empty iterable (list) when empty. */
    OUT get() throws Exception;

    /**
     * Adds {@code value} for the current key. With object reuse disabled (the default) keyed state
     * stores a copy of a mutable value (list state: of the element; reducing state: of the reduce
     * result, unless that is the object already held), so the caller may change or reuse
     * {@code value} afterwards. With object reuse enabled nothing is copied. Operator list state never
     * copies: it keeps {@code value} and serializes it at the next checkpoint barrier, so do not
     * change it after adding it.
     */
    void add(IN value) throws Exception;
}
