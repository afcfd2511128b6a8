package io.weir.runtime.harness;

import io.weir.api.checkpoint.CheckpointedFunction;
import io.weir.api.checkpoint.FunctionInitializationContext;
import io.weir.api.checkpoint.FunctionSnapshotContext;
import io.weir.api.configuration.Configuration;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.co.BroadcastProcessFunction;
import io.weir.api.functions.co.KeyedBroadcastProcessFunction;
import io.weir.api.graph.OperatorKind;
import io.weir.api.state.BroadcastState;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ReadOnlyBroadcastState;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.util.Collector;
import io.weir.runtime.internal.state.KeyGroups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The broadcast state pattern's operators run synchronously: the broadcast side writes the state, the other side
 * reads it, applyToKeyedState visits every key, and a restore hands each subtask one old subtask's copy (Flink's rule).
 */
@Timeout(60)
class BroadcastOperatorsTest {
    static final MapStateDescriptor<String, Long> RULES = new MapStateDescriptor<>("rules", String.class, Long.class);
    static final ValueStateDescriptor<Long> SUM = new ValueStateDescriptor<>("sum", Long.class);

    /**
     * Keyed (key, value) elements are summed per key and emitted times the "factor" rule (1 without one); a broadcast
     * ("factor", n) sets the rule; a broadcast ("reset", 0) emits every key's sum and clears it; a broadcast
     * ("subtask", 0) records this subtask's index in the rules, and ("report", 0) emits it; ("timer", t) elements register an event-time timer.
     */
    static final class Scaler extends KeyedBroadcastProcessFunction<String, Tuple2<String, Long>, Tuple2<String, Long>, String> {
        private transient ValueState<Long> sum;

        @Override
        public void open(Configuration parameters) {
            sum = getRuntimeContext().getState(SUM);
        }

        @Override
        public void processElement(Tuple2<String, Long> value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            if (value.f0.equals("timer")) {
                ctx.timerService().registerEventTimeTimer(value.f1);
                return;
            }
            long total = (sum.value() == null ? 0 : sum.value()) + value.f1;
            sum.update(total);
            Long factor = ctx.getBroadcastState(RULES).get("factor");
            out.collect(ctx.getCurrentKey() + "=" + total * (factor == null ? 1 : factor));
        }

        @Override
        public void processBroadcastElement(Tuple2<String, Long> rule, Context ctx, Collector<String> out) throws Exception {
            if (rule.f0.equals("reset")) {
                ctx.applyToKeyedState(SUM, (key, state) -> {
                    out.collect("reset " + key + " from " + state.value());
                    state.clear();
                });
                return;
            }
            if (rule.f0.equals("report")) {
                out.collect("subtask=" + ctx.getBroadcastState(RULES).get("subtask"));
                return;
            }
            if (rule.f0.equals("subtask")) {
                ctx.getBroadcastState(RULES).put("subtask", (long) getRuntimeContext().getIndexOfThisSubtask());
                return;
            }
            ctx.getBroadcastState(RULES).put(rule.f0, rule.f1);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            out.collect("timer " + ctx.getCurrentKey() + "@" + timestamp + " factor " + ctx.getBroadcastState(RULES).get("factor"));
        }
    }

    static final class ByName implements KeySelector<Tuple2<String, Long>, String> {
        @Override
        public String getKey(Tuple2<String, Long> value) {
            return value.f0;
        }
    }

    private static OperatorHarnessDriver keyed(KeyedBroadcastProcessFunction<String, Tuple2<String, Long>, Tuple2<String, Long>, String> f,
            int subtask, int parallelism, List<byte[]> restoreFrom) throws Exception {
        OperatorHarnessDriver d = OperatorHarnessDriver.broadcast(OperatorKind.CO_KEYED_BROADCAST_PROCESS, f, new ByName(), List.of(RULES),
                subtask, parallelism, 128, restoreFrom);
        d.open();
        return d;
    }

    private static List<Object> values(OperatorHarnessDriver d) {
        List<Object> out = new ArrayList<>();
        d.output().forEach(e -> out.add(e.value()));
        return out;
    }

    @Test
    void theKeyedSideReadsWhatTheBroadcastSideWrote() throws Exception {
        OperatorHarnessDriver d = keyed(new Scaler(), 0, 1, null);
        d.processElement(Tuple2.of("a", 2L), 1L);
        d.processElement2(Tuple2.of("factor", 10L), 2L);
        d.processElement(Tuple2.of("a", 3L), 3L);
        d.processElement(Tuple2.of("b", 1L), 4L);
        assertThat(values(d)).containsExactly("a=2", "a=50", "b=10");
        assertThat(d.output().get(2).timestamp()).as("the element's timestamp").isEqualTo(4L);
    }

    @Test
    void applyToKeyedStateVisitsEveryKeyWithItsOwnState() throws Exception {
        OperatorHarnessDriver d = keyed(new Scaler(), 0, 1, null);
        d.processElement(Tuple2.of("a", 2L), null);
        d.processElement(Tuple2.of("b", 5L), null);
        d.processElement(Tuple2.of("a", 1L), null);
        d.processElement2(Tuple2.of("reset", 0L), null);
        d.processElement(Tuple2.of("a", 7L), null);
        List<Object> out = values(d);
        assertThat(out.subList(3, 5)).containsExactlyInAnyOrder("reset a from 3", "reset b from 5");
        assertThat(out.get(5)).as("the state was cleared").isEqualTo("a=7");
    }

    @Test
    void timersOfTheKeyedSideFireWithTheirKeyAndSeeTheBroadcastState() throws Exception {
        OperatorHarnessDriver d = keyed(new Scaler(), 0, 1, null);
        d.processElement(Tuple2.of("timer", 100L), 1L);
        d.processElement2(Tuple2.of("factor", 4L), 2L);
        d.processWatermark(100);
        assertThat(values(d)).containsExactly("timer timer@100 factor 4");
    }

    static final class MisusesState extends KeyedBroadcastProcessFunction<String, Tuple2<String, Long>, Tuple2<String, Long>, String> {
        @Override
        public void processElement(Tuple2<String, Long> value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            ReadOnlyBroadcastState<String, Long> rules = ctx.getBroadcastState(RULES);
            if (value.f0.equals("clear")) {
                rules.clear();
            } else if (value.f0.equals("iterate")) {
                rules.immutableEntries().iterator().next().setValue(1L);
            } else if (value.f0.equals("other")) {
                ctx.getBroadcastState(new MapStateDescriptor<>("undeclared", String.class, Long.class));
            }
        }

        @Override
        public void processBroadcastElement(Tuple2<String, Long> value, Context ctx, Collector<String> out) throws Exception {
            if (value.f0.equals("keyed")) {
                getRuntimeContext().getState(SUM).value();
            } else {
                ctx.getBroadcastState(RULES).put(value.f0, value.f1);
            }
        }
    }

    @Test
    void misuseOfStateFailsWithAMessageThatSaysWhatToDo() throws Exception {
        OperatorHarnessDriver d = keyed(new MisusesState(), 0, 1, null);
        d.processElement2(Tuple2.of("x", 1L), null);
        assertThatThrownBy(() -> d.processElement(Tuple2.of("clear", 0L), null)).hasRootCauseInstanceOf(UnsupportedOperationException.class)
                .rootCause().hasMessageContaining("read-only in processElement");
        assertThatThrownBy(() -> d.processElement(Tuple2.of("iterate", 0L), null)).hasRootCauseInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> d.processElement(Tuple2.of("other", 0L), null)).hasRootCauseInstanceOf(IllegalArgumentException.class)
                .rootCause().hasMessageContaining("'undeclared'").hasMessageContaining("[rules]");
        d.processElement(Tuple2.of("a", 0L), null); // leaves a current key behind, which the broadcast side must not see
        assertThatThrownBy(() -> d.processElement2(Tuple2.of("keyed", 0L), null)).hasRootCauseInstanceOf(IllegalStateException.class)
                .rootCause().hasMessageContaining("applyToKeyedState");
    }

    /** Snapshots of three subtasks whose broadcast state says which subtask wrote it, each with keyed sums of its keys. */
    private static List<byte[]> threeSubtasks(TreeMap<String, Long> sums) throws Exception {
        List<byte[]> snapshots = new ArrayList<>();
        for (int subtask = 0; subtask < 3; subtask++) {
            OperatorHarnessDriver d = keyed(new Scaler(), subtask, 3, null);
            d.processElement2(Tuple2.of("subtask", 0L), null);
            for (Map.Entry<String, Long> e : sums.entrySet()) {
                int kg = KeyGroups.keyGroupFor(e.getKey(), 128);
                if (kg >= KeyGroups.rangeStart(subtask, 128, 3) && kg <= KeyGroups.rangeEnd(subtask, 128, 3)) {
                    d.processElement(Tuple2.of(e.getKey(), e.getValue()), null);
                }
            }
            snapshots.add(d.snapshot(1, 0));
        }
        return snapshots;
    }

    @ParameterizedTest(name = "from parallelism 3 to {0}")
    @ValueSource(ints = {1, 2, 3, 5})
    void aRestoreGivesEachSubtaskOneOldCopyOfTheBroadcastStateAndTheKeyedStateOfItsKeyGroups(int parallelism) throws Exception {
        TreeMap<String, Long> sums = new TreeMap<>();
        for (int k = 0; k < 30; k++) {
            sums.put("k" + k, (long) k + 1);
        }
        List<byte[]> snapshots = threeSubtasks(sums);
        TreeMap<String, Long> resetSums = new TreeMap<>();
        for (int subtask = 0; subtask < parallelism; subtask++) {
            OperatorHarnessDriver d = keyed(new Scaler(), subtask, parallelism, snapshots);
            d.processElement2(Tuple2.of("reset", 0L), null);
            for (Object o : values(d)) {
                String[] parts = o.toString().split(" "); // reset KEY from SUM
                resetSums.put(parts[1], Long.parseLong(parts[3]));
            }
            d.output().clear();
            d.processElement2(Tuple2.of("report", 0L), null);
            assertThat(values(d)).as("new subtask %d holds old subtask %d's copy", subtask, subtask % 3)
                    .containsExactly("subtask=" + (subtask % 3));
        }
        assertThat(resetSums).as("every key's sum, once").isEqualTo(sums);
    }
}
