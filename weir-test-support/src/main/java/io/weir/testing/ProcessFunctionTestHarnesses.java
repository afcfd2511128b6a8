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

    /**
     * An opened harness for {@code function} on two non-keyed inputs.
     *
     * @throws Exception what the function's {@code open} throws
     */
    public static <IN1, IN2, OUT> TwoInputStreamOperatorTestHarness<IN1, IN2, OUT> forCoProcessFunction(
            io.weir.api.functions.co.CoProcessFunction<IN1, IN2, OUT> function) throws Exception {
        TwoInputStreamOperatorTestHarness<IN1, IN2, OUT> harness = TwoInputStreamOperatorTestHarness.forCoProcess(function);
        harness.open();
        return harness;
    }

    /**
     * An opened harness for {@code function} on two inputs keyed by the given selectors ({@code keyType} accepted for
     * source compatibility).
     *
     * @throws Exception what the function's {@code open} throws
     */
    public static <K, IN1, IN2, OUT> KeyedTwoInputStreamOperatorTestHarness<K, IN1, IN2, OUT> forKeyedCoProcessFunction(
            io.weir.api.functions.co.KeyedCoProcessFunction<K, IN1, IN2, OUT> function, KeySelector<IN1, K> keySelector1,
            KeySelector<IN2, K> keySelector2, TypeInformation<K> keyType) throws Exception {
        KeyedTwoInputStreamOperatorTestHarness<K, IN1, IN2, OUT> harness =
                new KeyedTwoInputStreamOperatorTestHarness<>(function, keySelector1, keySelector2);
        harness.open();
        return harness;
    }

    /**
     * An opened harness for {@code function} with the broadcast state {@code descriptors}.
     *
     * @throws Exception what the function's {@code open} throws
     */
    public static <IN1, IN2, OUT> BroadcastOperatorTestHarness<IN1, IN2, OUT> forBroadcastProcessFunction(
            io.weir.api.functions.co.BroadcastProcessFunction<IN1, IN2, OUT> function,
            io.weir.api.state.MapStateDescriptor<?, ?>... descriptors) throws Exception {
        BroadcastOperatorTestHarness<IN1, IN2, OUT> harness = BroadcastOperatorTestHarness.forBroadcastProcess(function, descriptors);
        harness.open();
        return harness;
    }

    /**
     * An opened harness for {@code function} on an input keyed by {@code keySelector} with the broadcast state
     * {@code descriptors} ({@code keyType} accepted for source compatibility).
     *
     * @throws Exception what the function's {@code open} throws
     */
    public static <K, IN1, IN2, OUT> BroadcastOperatorTestHarness<IN1, IN2, OUT> forKeyedBroadcastProcessFunction(
            io.weir.api.functions.co.KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> function, KeySelector<IN1, K> keySelector,
            TypeInformation<K> keyType, io.weir.api.state.MapStateDescriptor<?, ?>... descriptors) throws Exception {
        BroadcastOperatorTestHarness<IN1, IN2, OUT> harness = BroadcastOperatorTestHarness.forKeyedBroadcastProcess(function, keySelector,
                descriptors);
        harness.open();
        return harness;
    }
}
