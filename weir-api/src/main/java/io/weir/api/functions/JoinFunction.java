package io.weir.api.functions;

/**
 * Combines one element of each input of a join into one result. Used by the window join
 * ({@code DataStream.join(...).where(...).equalTo(...).window(...).apply(JoinFunction)}): when a
 * window fires, the operator calls {@link #join} once for every pair of a first-input and a
 * second-input element of that window whose keys are equal (an inner join: a key with elements on one
 * side only yields nothing). Called on the window operator's subtask thread, never concurrently.
 *
 * <p>The inputs are the elements as kept in the window (with object reuse disabled, the window's own
 * copies); the same element is passed again for each of its pairs, so do not change it.
 *
 * @param <IN1> the type of the first input's elements
 * @param <IN2> the type of the second input's elements
 * @param <OUT> the result type
 */
@FunctionalInterface
public interface JoinFunction<IN1, IN2, OUT> extends Function {

    /**
     * @param first an element of the first input, never null
     * @param second an element of the second input with the same key and window, never null
     * @return the joined element, never null (streams carry no null elements: use a {@link FlatJoinFunction} to drop pairs)
     * @throws Exception to fail the task (the job then restarts as its restart strategy says)
     */
    OUT join(IN1 first, IN2 second) throws Exception;
}
