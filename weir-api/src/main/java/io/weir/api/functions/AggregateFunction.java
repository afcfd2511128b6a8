package io.weir.api.functions;

/**
 * Incremental aggregation with an accumulator: {@link #createAccumulator()} once per window (or
 * group), {@link #add} per element, {@link #getResult} when the window fires, and {@link #merge}
 * when windows merge (session windows). {@code add} and {@code merge} may change and return their
 * accumulator argument, or return a new one.
 *
 * @param <IN>  the element type
 * @param <ACC> the accumulator type, stored in keyed state and checkpointed
 * @param <OUT> the result type
 */
public interface AggregateFunction<IN, ACC, OUT> extends Function {

    ACC createAccumulator();

    ACC add(IN value, ACC accumulator);

    OUT getResult(ACC accumulator);

    ACC merge(ACC a, ACC b);
}
