package io.weir.testing;

import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.typeinfo.Types;
import io.weir.api.util.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** Process functions tested as a Flink user tests them, through ProcessFunctionTestHarnesses. */
@Timeout(30)
class ProcessFunctionTestHarnessesTest {
    static final class Double extends ProcessFunction<Integer, Integer> {
        @Override
        public void processElement(Integer value, Context ctx, Collector<Integer> out) {
            out.collect(value * 2);
        }
    }

    /** Counts per key and reports the count on an event-time timer 10 after each element. */
    static final class CountThenReport extends KeyedProcessFunction<String, String, String> {
        private transient ValueState<Integer> count;

        @Override
        public void open(io.weir.api.configuration.Configuration parameters) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.INT));
        }

        @Override
        public void processElement(String value, Context ctx, Collector<String> out) throws Exception {
            count.update(count.value() == null ? 1 : count.value() + 1);
            ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 10);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            out.collect(ctx.getCurrentKey() + "=" + count.value() + "@" + timestamp);
        }
    }

    @Test
    void aProcessFunctionHarnessIsOpenAndReady() throws Exception {
        OneInputStreamOperatorTestHarness<Integer, Integer> harness = ProcessFunctionTestHarnesses.forProcessFunction(new Double());
        harness.processElement(1, 10L);
        harness.processElement(5, 20L);
        assertThat(harness.extractOutputValues()).containsExactly(2, 10);
        harness.close();
    }

    @Test
    void aKeyedProcessFunctionHarnessHasKeyedStateAndTimers() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, String, String> harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(new CountThenReport(), v -> v, Types.STRING);
        harness.processElement("a", 1L);
        harness.processElement("a", 2L);
        harness.processElement("b", 3L);
        harness.processWatermark(12);
        assertThat(harness.extractOutputValues()).containsExactly("a=2@11", "a=2@12");
        harness.processWatermark(13);
        assertThat(harness.extractOutputValues()).containsExactly("a=2@11", "a=2@12", "b=1@13");
        harness.close();
    }

    /** Joins a name (input 1) with an age (input 2) per id; reports unmatched names on an event-time timer. */
    static final class NameAge extends io.weir.api.functions.co.KeyedCoProcessFunction<Integer, Integer, Integer, String> {
        private transient ValueState<Integer> pending;

        @Override
        public void open(io.weir.api.configuration.Configuration parameters) {
            pending = getRuntimeContext().getState(new ValueStateDescriptor<>("pending", Types.INT));
        }

        @Override
        public void processElement1(Integer id, Context ctx, Collector<String> out) throws Exception {
            pending.update(id);
            ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 5);
        }

        @Override
        public void processElement2(Integer id, Context ctx, Collector<String> out) throws Exception {
            if (pending.value() != null) {
                out.collect("matched " + id);
                pending.clear();
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            if (pending.value() != null) {
                out.collect("unmatched " + ctx.getCurrentKey() + "@" + timestamp);
            }
        }
    }

    @Test
    void aKeyedCoProcessHarnessAdvancesEventTimeToTheMinimumOfBothInputs() throws Exception {
        KeyedTwoInputStreamOperatorTestHarness<Integer, Integer, Integer, String> harness =
                ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(new NameAge(), x -> x, x -> x, Types.INT);
        harness.processElement1(new StreamRecord<>(1, 10L));
        harness.processElement1(new StreamRecord<>(2, 10L));
        harness.processElement2(new StreamRecord<>(2, 11L));
        harness.processWatermark1(20);
        assertThat(harness.extractOutputValues()).as("input 2 has not advanced").containsExactly("matched 2");
        harness.processWatermark2(15);
        assertThat(harness.extractOutputValues()).containsExactly("matched 2", "unmatched 1@15");
        assertThat(harness.getOutput().get(1).getTimestamp()).isEqualTo(15L);
        harness.close();
    }

    static final io.weir.api.state.MapStateDescriptor<String, Integer> LIMITS =
            new io.weir.api.state.MapStateDescriptor<>("limits", Types.STRING, Types.INT);

    /** Emits elements above the broadcast limit. */
    static final class AboveLimit extends io.weir.api.functions.co.BroadcastProcessFunction<Integer, Integer, Integer> {
        @Override
        public void processElement(Integer value, ReadOnlyContext ctx, Collector<Integer> out) throws Exception {
            Integer limit = ctx.getBroadcastState(LIMITS).get("limit");
            if (limit != null && value > limit) {
                out.collect(value);
            }
        }

        @Override
        public void processBroadcastElement(Integer limit, Context ctx, Collector<Integer> out) throws Exception {
            ctx.getBroadcastState(LIMITS).put("limit", limit);
        }
    }

    @Test
    void aBroadcastHarnessFeedsTheBroadcastSideAndSnapshotsItsState() throws Exception {
        BroadcastOperatorTestHarness<Integer, Integer, Integer> harness =
                ProcessFunctionTestHarnesses.forBroadcastProcessFunction(new AboveLimit(), LIMITS);
        harness.processElement(5, null);
        harness.processBroadcastElement(3, null);
        harness.processElement(5, null);
        harness.processElement(2, null);
        assertThat(harness.extractOutputValues()).containsExactly(5);
        OperatorSnapshot snapshot = harness.snapshot(1, 0);
        harness.close();

        BroadcastOperatorTestHarness<Integer, Integer, Integer> restored = BroadcastOperatorTestHarness.forBroadcastProcess(new AboveLimit(), LIMITS);
        restored.initializeState(snapshot);
        restored.open();
        restored.processElement(4, null);
        assertThat(restored.extractOutputValues()).as("the limit came back with the snapshot").containsExactly(4);
        restored.close();
    }
}
