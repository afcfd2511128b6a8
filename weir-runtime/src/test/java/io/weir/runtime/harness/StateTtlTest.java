package io.weir.runtime.harness;

import io.weir.api.configuration.Configuration;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.graph.OperatorKind;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.StateTtlConfig;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.util.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** State TTL as Flink's, on virtual processing time: expiry, renewal on read, visibility, per element and entry, checkpoints. */
@Timeout(30)
class StateTtlTest {
    /**
     * Commands (op, value) for one key: "set" writes the value state, "get" emits it, "add" appends to the list,
     * "list" emits the list, "put" puts (value, value) in the map, "map" emits the map's keys.
     */
    static final class Commands extends KeyedProcessFunction<String, Tuple2<String, Long>, String> {
        private final StateTtlConfig ttl;
        private transient ValueState<Long> value;
        private transient ListState<Long> list;
        private transient MapState<Long, Long> map;

        Commands(StateTtlConfig ttl) {
            this.ttl = ttl;
        }

        @Override
        public void open(Configuration parameters) {
            ValueStateDescriptor<Long> v = new ValueStateDescriptor<>("value", Long.class);
            ListStateDescriptor<Long> l = new ListStateDescriptor<>("list", Long.class);
            MapStateDescriptor<Long, Long> m = new MapStateDescriptor<>("map", Long.class, Long.class);
            if (ttl != null) {
                v.enableTimeToLive(ttl);
                l.enableTimeToLive(ttl);
                m.enableTimeToLive(ttl);
            }
            value = getRuntimeContext().getState(v);
            list = getRuntimeContext().getListState(l);
            map = getRuntimeContext().getMapState(m);
        }

        @Override
        public void processElement(Tuple2<String, Long> cmd, Context ctx, Collector<String> out) throws Exception {
            switch (cmd.f0) {
                case "set": value.update(cmd.f1); break;
                case "get": out.collect("value " + value.value()); break;
                case "add": list.add(cmd.f1); break;
                case "list": out.collect("list " + list.get()); break;
                case "put": map.put(cmd.f1, cmd.f1); break;
                case "map": {
                    List<Long> keys = new ArrayList<>();
                    map.keys().forEach(keys::add);
                    keys.sort(null);
                    out.collect("map " + keys);
                    break;
                }
                default: throw new IllegalArgumentException(cmd.f0);
            }
        }
    }

    private static OperatorHarnessDriver driver(StateTtlConfig ttl, List<byte[]> restoreFrom) throws Exception {
        OperatorHarnessDriver d = new OperatorHarnessDriver(OperatorKind.KEYED_PROCESS, new Commands(ttl),
                (Tuple2<String, Long> c) -> "k", 0, 1, 128, restoreFrom);
        d.open();
        return d;
    }

    private static String run(OperatorHarnessDriver d, long time, String op, long v) {
        d.setProcessingTime(time);
        int before = d.output().size();
        d.processElement(Tuple2.of(op, v), null);
        return d.output().size() > before ? (String) d.output().get(d.output().size() - 1).value() : null;
    }

    private static final Duration TTL = Duration.ofMillis(100);

    @Test
    void aValueExpiresTtlAfterItsLastWrite() throws Exception {
        OperatorHarnessDriver d = driver(StateTtlConfig.newBuilder(TTL).build(), null);
        run(d, 0, "set", 7);
        assertThat(run(d, 99, "get", 0)).isEqualTo("value 7");
        run(d, 150, "set", 8); // a write renews
        assertThat(run(d, 249, "get", 0)).isEqualTo("value 8");
        assertThat(run(d, 250, "get", 0)).isEqualTo("value null");
    }

    @Test
    void withOnReadAndWriteAReadRenewsTheValue() throws Exception {
        OperatorHarnessDriver d = driver(StateTtlConfig.newBuilder(TTL).updateTtlOnReadAndWrite().build(), null);
        run(d, 0, "set", 7);
        assertThat(run(d, 60, "get", 0)).isEqualTo("value 7");
        assertThat(run(d, 159, "get", 0)).isEqualTo("value 7");
        assertThat(run(d, 259, "get", 0)).isEqualTo("value null");
    }

    @Test
    void returnExpiredIfNotCleanedUpReturnsTheExpiredValueOnceThenNothing() throws Exception {
        OperatorHarnessDriver d = driver(StateTtlConfig.newBuilder(TTL).returnExpiredIfNotCleanedUp().build(), null);
        run(d, 0, "set", 7);
        assertThat(run(d, 100, "get", 0)).isEqualTo("value 7");
        assertThat(run(d, 101, "get", 0)).isEqualTo("value null");
    }

    @Test
    void listElementsAndMapEntriesExpireOneByOne() throws Exception {
        OperatorHarnessDriver d = driver(StateTtlConfig.newBuilder(TTL).build(), null);
        run(d, 0, "add", 1);
        run(d, 50, "add", 2);
        run(d, 0, "put", 10);
        run(d, 50, "put", 20);
        assertThat(run(d, 120, "list", 0)).isEqualTo("list [2]");
        assertThat(run(d, 120, "map", 0)).isEqualTo("map [20]");
        assertThat(run(d, 150, "list", 0)).isEqualTo("list []");
        assertThat(run(d, 150, "map", 0)).isEqualTo("map []");
    }

    @Test
    void aCheckpointLeavesExpiredValuesOutAndARestoredValueExpiresWhenItWouldHave() throws Exception {
        StateTtlConfig ttl = StateTtlConfig.newBuilder(TTL).returnExpiredIfNotCleanedUp().build();
        OperatorHarnessDriver d = driver(ttl, null);
        run(d, 0, "set", 7);
        run(d, 80, "add", 3);
        d.setProcessingTime(120);
        byte[] snapshot = d.snapshot(1, 120);

        OperatorHarnessDriver restored = driver(ttl, List.of(snapshot));
        assertThat(run(restored, 120, "get", 0)).as("expired at the checkpoint: not in it").isEqualTo("value null");
        assertThat(run(restored, 179, "list", 0)).isEqualTo("list [3]");
        assertThat(run(restored, 181, "list", 0)).as("returned once, expired").isEqualTo("list [3]");
        assertThat(run(restored, 182, "list", 0)).isEqualTo("list []");
    }

    @Test
    void turningTtlOnForStateWrittenWithoutItIsRefused() throws Exception {
        OperatorHarnessDriver d = driver(null, null);
        run(d, 0, "set", 7);
        byte[] snapshot = d.snapshot(1, 0);
        assertThatThrownBy(() -> driver(StateTtlConfig.newBuilder(TTL).build(), List.of(snapshot)))
                .hasStackTraceContaining("RestoreRefusedException").hasStackTraceContaining("ttl(");
    }
}
