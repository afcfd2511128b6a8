package io.weir.api.state;

/**
 * State as objects on the JVM heap, checkpointed asynchronously with copy-on-write (Weir's default, as in Flink;
 * {@code state.backend.type: hashmap}). State must fit in the heap.
 */
public class HashMapStateBackend implements StateBackend {
    private static final long serialVersionUID = 1L;

    /** The heap backend. */
    public HashMapStateBackend() {}

    /** {@code "hashmap"}. */
    @Override
    public String getName() {
        return "hashmap";
    }
}
