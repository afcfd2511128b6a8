package io.weir.api.functions;

/** Transforms one element into exactly one element. Called on the subtask's thread, never concurrently. */
@FunctionalInterface
public interface MapFunction<T, O> extends Function {
    O map(T value) throws Exception;
}
