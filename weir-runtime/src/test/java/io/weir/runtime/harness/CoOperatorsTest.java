package io.weir.runtime.harness;

import io.weir.api.configuration.Configuration;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.TimeDomain;
import io.weir.api.functions.co.CoFlatMapFunction;
import io.weir.api.functions.co.CoProcessFunction;
import io.weir.api.functions.co.KeyedCoProcessFunction;
import io.weir.api.graph.OperatorKind;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.util.Collector;
import io.weir.api.util.OutputTag;
import io.weir.runtime.internal.state.KeyGroups;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The two-input operators run synchronously: routing per input, keyed state and timers shared by both inputs, snapshot and restore. */
class CoOperatorsTest {
    static final long TIMEOUT = 100;
    static final OutputTag<String> UNPAID = new OutputTag<>("unpaid");

    /** Orders (id, amount) on input 1, payments (id, amount) on input 2; an order unpaid TIMEOUT after its time goes to {@link #UNPAID}. */
    static final class MatchPayments extends KeyedCoProcessFunction<Long, Tuple2<Long, Long>, Tuple2<Long, Long>, String> {
        private transient ValueState<Long> orderAmount;
        private transient ValueState<Long> paid;

        @Override
        public void open(Configuration parameters) {
            orderAmount = getRuntimeContext().getState(new ValueStateDescriptor<>("order", Long.class));
            paid = getRuntimeContext().getState(new ValueStateDescriptor<>("paid", Long.class));
        }

        @Override
        public void processElement1(Tuple2<Long, Long> order, Context ctx, Collector<String> out) throws Exception {
            if (paid.value() != null) {
                out.collect("order " + order.f0 + " paid " + paid.value());
                paid.clear();
                return;
            }
            orderAmount.update(order.f1);
            ctx.timerService().registerEventTimeTimer(ctx.timestamp() + TIMEOUT);
        }

        @Override
        public void processElement2(Tuple2<Long, Long> payment, Context ctx, Collector<String> out) throws Exception {
            if (orderAmount.value() != null) {
                out.collect("order " + payment.f0 + " paid " + payment.f1);
                orderAmount.clear();
                return;
            }
            paid.update(payment.f1);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            assertThat(ctx.timeDomain()).isEqualTo(TimeDomain.EVENT_TIME);
            if (orderAmount.value() != null) {
                ctx.output(UNPAID, "order " + ctx.getCurrentKey() + " unpaid at " + timestamp);
                orderAmount.clear();
            }
        }
    }

    static final class Id implements KeySelector<Tuple2<Long, Long>, Long> {
        @Override
        public Long getKey(Tuple2<Long, Long> value) {
            return value.f0;
        }
    }

    private static OperatorHarnessDriver join(int subtask, int parallelism, List<byte[]> restoreFrom) throws Exception {
        OperatorHarnessDriver d = OperatorHarnessDriver.twoInput(OperatorKind.KEYED_CO_PROCESS, new MatchPayments(), new Id(), new Id(),
                subtask, parallelism, 128, restoreFrom);
        d.open();
        return d;
    }

    private static List<Object> values(List<OperatorHarnessDriver.Emitted> emitted) {
        List<Object> out = new ArrayList<>();
        emitted.forEach(e -> out.add(e.value()));
        return out;
    }

    @Test
    void stateWrittenByOneInputIsReadByTheOtherForTheSameKey() throws Exception {
        OperatorHarnessDriver d = join(0, 1, null);
        d.processElement(Tuple2.of(1L, 50L), 10L);
        d.processElement2(Tuple2.of(2L, 70L), 11L);
        d.processElement2(Tuple2.of(1L, 50L), 12L);
        d.processElement(Tuple2.of(2L, 70L), 13L);
        assertThat(values(d.output())).containsExactly("order 1 paid 50", "order 2 paid 70");
        assertThat(d.output().get(0).timestamp()).isEqualTo(12L);
    }

    @Test
    void anEventTimeTimerFiresWithItsKeyOnceTheWatermarkPassesIt() throws Exception {
        OperatorHarnessDriver d = join(0, 1, null);
        d.processElement(Tuple2.of(7L, 5L), 10L);
        d.processWatermark(109);
        assertThat(d.sideOutput(UNPAID)).isEmpty();
        d.processWatermark(110);
        assertThat(values(d.sideOutput(UNPAID))).containsExactly("order 7 unpaid at 110");
        assertThat(d.sideOutput(UNPAID).get(0).timestamp()).isEqualTo(110L);
        assertThat(d.watermarks()).containsExactly(109L, 110L);
    }

    @Test
    void stateAndTimersOfBothInputsSurviveARestoreIntoAFreshOperator() throws Exception {
        OperatorHarnessDriver d = join(0, 1, null);
        d.processElement(Tuple2.of(1L, 10L), 0L);
        d.processElement(Tuple2.of(2L, 20L), 0L);
        d.processElement2(Tuple2.of(3L, 30L), 0L);
        byte[] snapshot = d.snapshot(1, 0);
        d.close();

        OperatorHarnessDriver restored = join(0, 1, List.of(snapshot));
        restored.processElement2(Tuple2.of(1L, 10L), 1L);
        restored.processElement(Tuple2.of(3L, 30L), 1L);
        restored.processWatermark(100);
        assertThat(values(restored.output())).containsExactly("order 1 paid 10", "order 3 paid 30");
        assertThat(values(restored.sideOutput(UNPAID))).containsExactly("order 2 unpaid at 100");
    }

    @Test
    void whenRestoredAtAnotherParallelism_thenEachSubtaskGetsTheStateAndTimersOfItsKeyGroups() throws Exception {
        OperatorHarnessDriver d = join(0, 1, null);
        for (long k = 0; k < 20; k++) {
            d.processElement(Tuple2.of(k, k), 0L);
        }
        byte[] snapshot = d.snapshot(1, 0);
        List<Object> unpaid = new ArrayList<>();
        for (int subtask = 0; subtask < 3; subtask++) {
            OperatorHarnessDriver part = join(subtask, 3, List.of(snapshot));
            part.processWatermark(100);
            for (OperatorHarnessDriver.Emitted e : part.sideOutput(UNPAID)) {
                long key = Long.parseLong(((String) e.value()).split(" ")[1]);
                int group = KeyGroups.keyGroupFor(key, 128);
                assertThat(group).as("key " + key + " fired on subtask " + subtask)
                        .isBetween(KeyGroups.rangeStart(subtask, 128, 3), KeyGroups.rangeEnd(subtask, 128, 3));
                unpaid.add(e.value());
            }
        }
        List<Object> expected = new ArrayList<>();
        for (long k = 0; k < 20; k++) {
            expected.add("order " + k + " unpaid at 100");
        }
        assertThat(unpaid).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** Every element of either input arms a processing-time timer 10 ms later for its key; the timer reports key and domain. */
    static final class Remind extends KeyedCoProcessFunction<Long, Tuple2<Long, Long>, Tuple2<Long, Long>, String> {
        @Override
        public void processElement1(Tuple2<Long, Long> value, Context ctx, Collector<String> out) {
            ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + 10);
        }

        @Override
        public void processElement2(Tuple2<Long, Long> value, Context ctx, Collector<String> out) {
            ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + 10);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            out.collect(ctx.getCurrentKey() + "@" + timestamp + " " + ctx.timeDomain());
        }
    }

    @Test
    void processingTimeTimersOfBothInputsAreDeduplicatedPerKeyAndFireWithTheirKey() throws Exception {
        OperatorHarnessDriver d = OperatorHarnessDriver.twoInput(OperatorKind.KEYED_CO_PROCESS, new Remind(), new Id(), new Id(), 0, 1, 128, null);
        d.open();
        d.setProcessingTime(5);
        d.processElement(Tuple2.of(1L, 0L), null);
        d.processElement2(Tuple2.of(1L, 0L), null);
        d.processElement2(Tuple2.of(2L, 0L), null);
        d.setProcessingTime(14);
        assertThat(d.output()).isEmpty();
        d.setProcessingTime(15);
        assertThat(values(d.output())).containsExactlyInAnyOrder("1@15 PROCESSING_TIME", "2@15 PROCESSING_TIME");
        assertThat(d.output().get(0).timestamp()).as("processing-time firings carry no event timestamp").isNull();
    }

    /** Input 1 to the main output, input 2 to a side output, each with its element's timestamp. */
    static final class Split extends CoProcessFunction<Long, String, Long> {
        @Override
        public void processElement1(Long value, Context ctx, Collector<Long> out) {
            out.collect(value + ctx.timestamp());
        }

        @Override
        public void processElement2(String value, Context ctx, Collector<Long> out) {
            ctx.output(UNPAID, value + "@" + ctx.timestamp() + " wm " + ctx.timerService().currentWatermark());
        }
    }

    @Test
    void aCoProcessFunctionSeesEachInputsElementsWithTheirTimestampsAndTheWatermark() throws Exception {
        OperatorHarnessDriver d = OperatorHarnessDriver.twoInput(OperatorKind.CO_PROCESS, new Split(), null, null, 0, 1, 128, null);
        d.open();
        d.processElement(1L, 100L);
        d.processWatermark(42);
        d.processElement2("x", 7L);
        assertThat(values(d.output())).containsExactly(101L);
        assertThat(values(d.sideOutput(UNPAID))).containsExactly("x@7 wm 42");
    }

    static final class Twice implements CoFlatMapFunction<Long, Long, Long> {
        @Override
        public void flatMap1(Long value, Collector<Long> out) {
            out.collect(value);
            out.collect(value);
        }

        @Override
        public void flatMap2(Long value, Collector<Long> out) {
            out.collect(-value);
        }
    }

    @Test
    void aCoFlatMapEmitsThroughOneCollectorForBothInputs() throws Exception {
        OperatorHarnessDriver d = OperatorHarnessDriver.twoInput(OperatorKind.CO_FLAT_MAP, new Twice(), null, null, 0, 1, 128, null);
        d.open();
        d.processElement(3L, null);
        d.processElement2(4L, 9L);
        assertThat(values(d.output())).containsExactly(3L, 3L, -4L);
        assertThat(d.output().get(2).timestamp()).isEqualTo(9L);
    }

    @Test
    void aOneInputDriverRefusesSecondInputRecords() throws Exception {
        OperatorHarnessDriver d = new OperatorHarnessDriver(OperatorKind.MAP, (io.weir.api.functions.MapFunction<Long, Long>) x -> x, null, 0, 1, 128, null);
        d.open();
        assertThatThrownBy(() -> d.processElement2(1L, null)).isInstanceOf(IllegalStateException.class).hasMessageContaining("twoInput");
    }
}
