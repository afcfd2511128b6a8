package io.weir.testing;

import io.weir.api.functions.KeySelector;
import io.weir.api.functions.co.BroadcastProcessFunction;
import io.weir.api.functions.co.KeyedBroadcastProcessFunction;
import io.weir.api.graph.OperatorKind;
import io.weir.api.state.MapStateDescriptor;

import java.util.List;

/**
 * A harness for the broadcast state pattern, as Flink's {@code BroadcastOperatorTestHarness} and
 * {@code KeyedBroadcastOperatorTestHarness}: {@link #processElement} feeds the (keyed or not) input,
 * {@link #processBroadcastElement} the broadcast input, with the broadcast state named by the descriptors. Not
 * thread-safe.
 *
 * @param <IN1> the non-broadcast input's type
 * @param <IN2> the broadcast input's type
 * @param <OUT> the output type
 */
public class BroadcastOperatorTestHarness<IN1, IN2, OUT> extends TwoInputStreamOperatorTestHarness<IN1, IN2, OUT> {
    private BroadcastOperatorTestHarness(OperatorKind kind, io.weir.api.functions.Function function, KeySelector<IN1, ?> keySelector,
            List<MapStateDescriptor<?, ?>> descriptors) {
        super(kind, function, keySelector, null, descriptors);
    }

    /** A harness for {@code function} with the broadcast state {@code descriptors}. */
    public static <A, B, O> BroadcastOperatorTestHarness<A, B, O> forBroadcastProcess(BroadcastProcessFunction<A, B, O> function,
            MapStateDescriptor<?, ?>... descriptors) {
        return new BroadcastOperatorTestHarness<>(OperatorKind.CO_BROADCAST_PROCESS, function, null, List.of(descriptors));
    }

    /** A harness for {@code function} on an input keyed by {@code keySelector}, with the broadcast state {@code descriptors}. */
    public static <K, A, B, O> BroadcastOperatorTestHarness<A, B, O> forKeyedBroadcastProcess(
            KeyedBroadcastProcessFunction<K, A, B, O> function, KeySelector<A, K> keySelector, MapStateDescriptor<?, ?>... descriptors) {
        return new BroadcastOperatorTestHarness<>(OperatorKind.CO_KEYED_BROADCAST_PROCESS, function, keySelector, List.of(descriptors));
    }

    /** Gives the broadcast input an element with a timestamp ({@code null}: none). */
    public void processBroadcastElement(IN2 value, Long timestamp) throws Exception {
        processElement2(value, timestamp);
    }

    /** Gives the broadcast input an element, as Flink's harness takes it. */
    public void processBroadcastElement(StreamRecord<IN2> record) throws Exception {
        processElement2(record);
    }
}
