package io.weir.runtime.harness;

import io.weir.api.functions.ProcessFunction;
import io.weir.api.functions.TimeDomain;
import io.weir.api.graph.OperatorKind;
import io.weir.api.util.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A ProcessFunction on a keyed stream (Flink's older keyed form) has timers that fire onTimer; on a non-keyed one, none. */
@Timeout(30)
class ProcessFunctionTimersTest {
    static final class Remind extends ProcessFunction<Long, String> {
        @Override
        public void processElement(Long value, Context ctx, Collector<String> out) {
            ctx.timerService().registerEventTimeTimer(value + 10);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            out.collect(ctx.timeDomain() + "@" + timestamp + " ts " + ctx.timestamp());
        }
    }

    @Test
    void onAKeyedStreamTimersFireOnTimer() throws Exception {
        OperatorHarnessDriver d = new OperatorHarnessDriver(OperatorKind.PROCESS, new Remind(), (Long x) -> x % 2, 0, 1, 128, null);
        d.open();
        d.processElement(1L, 1L);
        d.processElement(2L, 2L);
        d.processWatermark(11);
        List<Object> out = new ArrayList<>();
        d.output().forEach(e -> out.add(e.value()));
        assertThat(out).containsExactly(TimeDomain.EVENT_TIME + "@11 ts 11");
        assertThat(d.output().get(0).timestamp()).isEqualTo(11L);
    }

    @Test
    void onANonKeyedStreamRegisteringATimerThrows() throws Exception {
        OperatorHarnessDriver d = new OperatorHarnessDriver(OperatorKind.PROCESS, new Remind(), null, 0, 1, 128, null);
        d.open();
        assertThatThrownBy(() -> d.processElement(1L, 1L)).hasStackTraceContaining("KeyedProcessFunction");
    }
}
