package io.weir.api.state;

/** A piece of state. Keyed state acts on the key of the element (or timer) being processed. */
public interface State {
    /** Removes the value for the current key (keyed state) or all values (operator state). */
    void clear();
}
