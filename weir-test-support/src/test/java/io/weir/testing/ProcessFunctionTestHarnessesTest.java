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
}
