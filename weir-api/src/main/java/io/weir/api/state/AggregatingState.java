package io.weir.api.state;

/**
 * One accumulator per key, updated with each added value by the descriptor's {@code AggregateFunction}: {@code add}
 * folds a value into the key's accumulator ({@code createAccumulator()} first for a new key), {@code get} returns
 * {@code getResult(accumulator)}, or {@code null} for a key with nothing added. The accumulator is what is stored and
 * checkpointed. Called on the operator's task thread, with the current element's (or timer's) key.
 *
 * @param <IN> the type of the added values
 * @param <OUT> the type of the result
 */
public interface AggregatingState<IN, OUT> extends AppendingState<IN, OUT> {}
