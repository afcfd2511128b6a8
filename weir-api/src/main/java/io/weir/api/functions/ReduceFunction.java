package io.weir.api.functions;

/**
 * Combines two values of the same type into one. Must be associative; the first argument is the
 * accumulated value, the second the new element. Implementations may return either argument.
 */
@FunctionalInterface
public interface ReduceFunction<T> extends Function {
    T reduce(T value1, T value2) throws Exception;
}
