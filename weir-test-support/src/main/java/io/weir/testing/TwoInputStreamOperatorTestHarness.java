package io.weir.testing;

import io.weir.api.functions.Function;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.co.CoFlatMapFunction;
import io.weir.api.functions.co.CoMapFunction;
import io.weir.api.functions.co.CoProcessFunction;
import io.weir.api.graph.OperatorKind;
import io.weir.api.state.MapStateDescriptor;
import io.weir.runtime.harness.OperatorHarnessDriver;

import java.util.List;

/**
 * Runs a two-input operator synchronously on the test's thread, as Flink's {@code TwoInputStreamOperatorTestHarness}:
 * {@link #processElement1}/{@link #processElement2} feed the inputs, {@link #processWatermark1}/{@link
 * #processWatermark2} each input's watermark (the operator sees their minimum, as in a job), and the output, snapshots
 * and restores work as in {@link OneInputStreamOperatorTestHarness}. Not thread-safe.
 *
 * @param <IN1> the first input's type
 * @param <IN2> the second input's type
 * @param <OUT> the output type
 */
public class TwoInputStreamOperatorTestHarness<IN1, IN2, OUT> extends OneInputStreamOperatorTestHarness<IN1, OUT> {
    private final OperatorKind twoInputKind;
    private final KeySelector<IN2, ?> keySelector2;
    private final List<MapStateDescriptor<?, ?>> broadcastState;
    private long watermark1 = Long.MIN_VALUE;
    private long watermark2 = Long.MIN_VALUE;
    private long combined = Long.MIN_VALUE;

    /**
     * A harness for {@code function} of {@code kind} (a {@code CO_} kind); keyed when both key selectors are given, or,
     * for the broadcast kinds, when the first is.
     */
    protected TwoInputStreamOperatorTestHarness(OperatorKind kind, Function function, KeySelector<IN1, ?> keySelector1,
            KeySelector<IN2, ?> keySelector2, List<MapStateDescriptor<?, ?>> broadcastState) {
        super(kind, function, keySelector1);
        this.twoInputKind = kind;
        this.keySelector2 = keySelector2;
        this.broadcastState = List.copyOf(broadcastState);
    }

    /** A harness for a {@code CoMapFunction} on two non-keyed inputs. */
    public static <A, B, O> TwoInputStreamOperatorTestHarness<A, B, O> forCoMap(CoMapFunction<A, B, O> function) {
        return new TwoInputStreamOperatorTestHarness<>(OperatorKind.CO_MAP, function, null, null, List.of());
    }

    /** A harness for a {@code CoFlatMapFunction} on two non-keyed inputs. */
    public static <A, B, O> TwoInputStreamOperatorTestHarness<A, B, O> forCoFlatMap(CoFlatMapFunction<A, B, O> function) {
        return new TwoInputStreamOperatorTestHarness<>(OperatorKind.CO_FLAT_MAP, function, null, null, List.of());
    }

    /** A harness for a {@code CoProcessFunction} on two non-keyed inputs (no timers). */
    public static <A, B, O> TwoInputStreamOperatorTestHarness<A, B, O> forCoProcess(CoProcessFunction<A, B, O> function) {
        return new TwoInputStreamOperatorTestHarness<>(OperatorKind.CO_PROCESS, function, null, null, List.of());
    }

    @Override
    protected OperatorHarnessDriver createDriver(int subtaskIndex, int parallelism, int maxParallelism, List<byte[]> restore)
            throws Exception {
        boolean broadcast = twoInputKind == OperatorKind.CO_BROADCAST_PROCESS || twoInputKind == OperatorKind.CO_KEYED_BROADCAST_PROCESS;
        return broadcast
                ? OperatorHarnessDriver.broadcast(twoInputKind, function(), keySelector(), broadcastState, subtaskIndex, parallelism,
                        maxParallelism, restore)
                : OperatorHarnessDriver.twoInput(twoInputKind, function(), keySelector(), keySelector2, subtaskIndex, parallelism,
                        maxParallelism, restore);
    }

    /** Gives the first input an element with a timestamp ({@code null}: none). */
    public void processElement1(IN1 value, Long timestamp) throws Exception {
        processElement(value, timestamp);
    }

    /** Gives the first input an element, as Flink's harness takes it. */
    public void processElement1(StreamRecord<IN1> record) throws Exception {
        processElement(record.value(), record.timestamp());
    }

    /** Gives the second input an element with a timestamp ({@code null}: none). */
    public void processElement2(IN2 value, Long timestamp) throws Exception {
        processSecondInput(value, timestamp);
    }

    /** Gives the second input an element, as Flink's harness takes it. */
    public void processElement2(StreamRecord<IN2> record) throws Exception {
        processSecondInput(record.value(), record.timestamp());
    }

    /** The first input's watermark; the operator advances to the minimum of both inputs'. */
    public void processWatermark1(long watermark) throws Exception {
        watermark1 = Math.max(watermark1, watermark);
        advance();
    }

    /** The second input's watermark; the operator advances to the minimum of both inputs'. */
    public void processWatermark2(long watermark) throws Exception {
        watermark2 = Math.max(watermark2, watermark);
        advance();
    }

    /** The same watermark on both inputs. */
    public void processBothWatermarks(long watermark) throws Exception {
        watermark1 = Math.max(watermark1, watermark);
        watermark2 = Math.max(watermark2, watermark);
        advance();
    }

    private void advance() throws Exception {
        long min = Math.min(watermark1, watermark2);
        if (min > combined) {
            combined = min;
            processWatermark(min);
        }
    }
}
