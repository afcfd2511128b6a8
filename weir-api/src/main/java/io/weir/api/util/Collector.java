package io.weir.api.util;

/** Emits elements downstream. Not thread-safe: call it only from the function call that received it. */
public interface Collector<T> {
    void collect(T record);

    void close();
}
