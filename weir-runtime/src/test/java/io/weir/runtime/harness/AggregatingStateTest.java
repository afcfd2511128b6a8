package io.weir.runtime.harness;

import io.weir.api.configuration.Configuration;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.graph.OperatorKind;
import io.weir.api.state.AggregatingState;
import io.weir.api.state.AggregatingStateDescriptor;
import io.weir.api.util.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** AggregatingState as Flink's: an accumulator per key, checkpointed, and a snapshot never sees later in-place changes. */
@Timeout(30)
class AggregatingStateTest {
    /** Average of the values, with a mutable accumulator {sum, count} changed in place. */
    static final class Average implements AggregateFunction<Long, long[], Double> {
        @Override
        public long[] createAccumulator() {
            return new long[2];
        }

        @Override
        public long[] add(Long value, long[] acc) {
            acc[0] += value;
            acc[1]++;
            return acc;
        }

        @Override
        public Double getResult(long[] acc) {
            return (double) acc[0] / acc[1];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            return new long[] {a[0] + b[0], a[1] + b[1]};
        }
    }

    /** Emits "key: average so far" per element; "?" before the first add. */
    static final class RunningAverage extends KeyedProcessFunction<Long, Long, String> {
        private transient AggregatingState<Long, Double> average;

        @Override
        public void open(Configuration parameters) {
            average = getRuntimeContext().getAggregatingState(new AggregatingStateDescriptor<>("average", new Average(), long[].class));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
            Double before = average.get();
            average.add(value);
            out.collect(ctx.getCurrentKey() + ": " + (before == null ? "?" : before) + " -> " + average.get());
        }
    }

    private static OperatorHarnessDriver driver(List<byte[]> restoreFrom) throws Exception {
        OperatorHarnessDriver d = new OperatorHarnessDriver(OperatorKind.KEYED_PROCESS, new RunningAverage(), (Long x) -> x % 2, 0, 1, 128,
                restoreFrom);
        d.open();
        return d;
    }

    private static List<Object> values(OperatorHarnessDriver d) {
        List<Object> out = new ArrayList<>();
        d.output().forEach(e -> out.add(e.value()));
        return out;
    }

    @Test
    void eachKeyHasItsOwnAccumulatorAndAFreshKeyReadsNull() throws Exception {
        OperatorHarnessDriver d = driver(null);
        d.processElement(2L, null);
        d.processElement(3L, null);
        d.processElement(4L, null);
        assertThat(values(d)).containsExactly("0: ? -> 2.0", "1: ? -> 3.0", "0: 2.0 -> 3.0");
    }

    @Test
    void aSnapshotKeepsTheAccumulatorAsItWasAtTheBarrierThoughItIsChangedInPlaceAfterwards() throws Exception {
        OperatorHarnessDriver d = driver(null);
        d.processElement(2L, null);
        java.util.concurrent.Callable<byte[]> serialize = d.snapshotDeferred(1, 0);
        d.processElement(10L, null); // changes the long[] accumulator in place after the barrier, before serialization
        assertThat(values(d)).last().isEqualTo("0: 2.0 -> 6.0");
        byte[] snapshot = serialize.call();

        OperatorHarnessDriver restored = driver(List.of(snapshot));
        restored.processElement(4L, null);
        assertThat(values(restored)).containsExactly("0: 2.0 -> 3.0");
    }
}
