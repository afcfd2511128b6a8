package io.weir.runtime.harness;

import io.weir.api.configuration.Configuration;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.graph.OperatorKind;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.util.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** MapState entries and ListState.get() results are live, as in Flink's heap backend, and a snapshot is unaffected by later changes. */
@Timeout(30)
class MutableStateViewsTest {
    /** Fills the map and list for a key, then edits them through the views; emits their contents. */
    static final class Edit extends KeyedProcessFunction<Long, Long, String> {
        private transient MapState<Long, Long> map;
        private transient ListState<Long> list;

        @Override
        public void open(Configuration parameters) {
            map = getRuntimeContext().getMapState(new MapStateDescriptor<>("map", Long.class, Long.class));
            list = getRuntimeContext().getListState(new ListStateDescriptor<>("list", Long.class));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
            if (value == 0) { // edit through the views
                Iterator<Map.Entry<Long, Long>> it = map.iterator();
                while (it.hasNext()) {
                    Map.Entry<Long, Long> e = it.next();
                    if (e.getKey() % 2 == 0) {
                        it.remove();
                    } else {
                        e.setValue(e.getValue() * 10);
                    }
                }
                ((List<Long>) list.get()).removeIf(x -> x > 2);
            } else if (value < 0) { // report
                out.collect(new TreeMap<>(toMap()) + " " + list.get());
            } else {
                map.put(value, value);
                list.add(value);
            }
        }

        private Map<Long, Long> toMap() throws Exception {
            Map<Long, Long> m = new TreeMap<>();
            for (Map.Entry<Long, Long> e : map.entries()) {
                m.put(e.getKey(), e.getValue());
            }
            return m;
        }
    }

    @Test
    void changesThroughTheViewsChangeTheStateButNotASnapshotTakenBefore() throws Exception {
        OperatorHarnessDriver d = new OperatorHarnessDriver(OperatorKind.KEYED_PROCESS, new Edit(), (Long x) -> 7L, 0, 1, 128, null);
        d.open();
        for (long v = 1; v <= 4; v++) {
            d.processElement(v, null);
        }
        java.util.concurrent.Callable<byte[]> before = d.snapshotDeferred(1, 0);
        d.processElement(0L, null);
        d.processElement(-1L, null);
        assertThat(d.output().get(0).value()).isEqualTo("{1=10, 3=30} [1, 2]");

        OperatorHarnessDriver restored = new OperatorHarnessDriver(OperatorKind.KEYED_PROCESS, new Edit(), (Long x) -> 7L, 0, 1, 128,
                List.of(before.call()));
        restored.open();
        restored.processElement(-1L, null);
        assertThat(restored.output().get(0).value()).isEqualTo("{1=1, 2=2, 3=3, 4=4} [1, 2, 3, 4]");
    }
}
