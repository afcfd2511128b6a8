package io.weir.testing;

import io.weir.api.functions.KeySelector;
import io.weir.api.functions.co.KeyedCoProcessFunction;
import io.weir.api.graph.OperatorKind;

import java.util.List;

/**
 * A {@link TwoInputStreamOperatorTestHarness} for an operator on two inputs keyed by the same key, with keyed state
 * and timers shared by both, as Flink's {@code KeyedTwoInputStreamOperatorTestHarness}. Not thread-safe.
 *
 * @param <K> the key type
 * @param <IN1> the first input's type
 * @param <IN2> the second input's type
 * @param <OUT> the output type
 */
public class KeyedTwoInputStreamOperatorTestHarness<K, IN1, IN2, OUT> extends TwoInputStreamOperatorTestHarness<IN1, IN2, OUT> {
    /** A harness for {@code function} on inputs keyed by {@code keySelector1} and {@code keySelector2}. */
    public KeyedTwoInputStreamOperatorTestHarness(KeyedCoProcessFunction<K, IN1, IN2, OUT> function, KeySelector<IN1, K> keySelector1,
            KeySelector<IN2, K> keySelector2) {
        super(OperatorKind.KEYED_CO_PROCESS, function, keySelector1, keySelector2, List.of());
    }
}
