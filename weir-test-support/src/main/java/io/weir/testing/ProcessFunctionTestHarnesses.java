package io.weir.testing;

import io.weir.api.functions.KeySelector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.typeinfo.TypeInformation;

/**
 * Opened test harnesses for process functions, as Flink's {@code ProcessFunctionTestHarnesses}: each factory builds the
 * harness, opens it (so the function's {@code open} has run) and returns it, ready for {@code processElement}. Call
 * them on the test's thread; close the harness when done.
 */
public final class ProcessFunctionTestHarnesses {
    private ProcessFunctionTestHarnesses() {}

    /**
     * An opened harness for {@code function} on a non-keyed stream.
     *
     * @throws Exception what the function's {@code open} throws
     */
    public static <IN, OUT> OneInputStreamOperatorTestHarness<IN, OUT> forProcessFunction(ProcessFunction<IN, OUT> function)
            throws Exception {
        OneInputStreamOperatorTestHarness<IN, OUT> harness = OneInputStreamOperatorTestHarness.forProcess(function);
        harness.open();
        return harness;
    }

    /**
     * An opened harness for {@code function} on a stream keyed by {@code keySelector}, with keyed state and timers.
     * {@code keyType} is accepted for source compatibility with Flink; Weir hashes the key object itself.
     *
     * @throws Exception what the function's {@code open} throws
     */
    public static <K, IN, OUT> KeyedOneInputStreamOperatorTestHarness<K, IN, OUT> forKeyedProcessFunction(
            KeyedProcessFunction<K, IN, OUT> function, KeySelector<IN, K> keySelector, TypeInformation<K> keyType) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<K, IN, OUT> harness = KeyedOneInputStreamOperatorTestHarness.forKeyedProcess(function,
                keySelector);
        harness.open();
        return harness;
    }
}
