package io.weir.api.state;

/** One value per key, combined with each added value by the descriptor's {@code ReduceFunction}. */
public interface ReducingState<T> extends AppendingState<T, T> {}
