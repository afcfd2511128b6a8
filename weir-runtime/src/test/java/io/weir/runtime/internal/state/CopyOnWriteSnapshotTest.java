package io.weir.runtime.internal.state;

import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A snapshot is a copy-on-write view: whatever the task does to its state after the snapshot was
 * taken (and before the I/O thread wrote it), the snapshot's bytes stay those of the moment it was
 * taken. Driven on one thread, with a seeded mix of every kind of change.
 */
@Timeout(30)
class CopyOnWriteSnapshotTest {

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final ValueStateDescriptor<Tuple2<Long, Long>> ACC = new ValueStateDescriptor<>("acc", (Class) Tuple2.class);
    private static final ListStateDescriptor<Long> LIST = new ListStateDescriptor<>("list", Long.class);
    private static final MapStateDescriptor<String, Long> MAP = new MapStateDescriptor<>("map", String.class, Long.class);

    private static byte[] bytes(KeyedSnapshot s) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(buf);
        s.write((state, type, serializerId, keyGroup, entries) -> {
            out.writeUTF(state);
            out.writeByte(type);
            out.writeUTF(serializerId);
            out.writeInt(keyGroup);
            out.writeInt(entries.length);
            out.write(entries);
        });
        out.flush();
        return buf.toByteArray();
    }

    private static void mutate(HeapKeyedStateBackend b, Random r, int steps) throws Exception {
        ValueState<Tuple2<Long, Long>> acc = b.getState(ACC);
        ListState<Long> list = b.getListState(LIST);
        MapState<String, Long> map = b.getMapState(MAP);
        for (int i = 0; i < steps; i++) {
            b.setCurrentKey((long) r.nextInt(200));
            switch (r.nextInt(6)) {
                case 0: {
                    Tuple2<Long, Long> t = acc.value();
                    if (t == null) {
                        acc.update(Tuple2.of(1L, (long) i));
                    } else {
                        t.f0++; // read-modify-update on the object the state handed out
                        t.f1 += i;
                        acc.update(t);
                    }
                    break;
                }
                case 1:
                    list.add((long) i);
                    break;
                case 2:
                    map.put("k" + r.nextInt(5), (long) i);
                    break;
                case 3:
                    map.remove("k" + r.nextInt(5));
                    break;
                case 4:
                    acc.clear();
                    break;
                default: {
                    Tuple2<Long, Long> t = acc.value();
                    if (t != null) {
                        t.f1 = -1L; // changed in place without update(): must not reach an earlier snapshot either
                    }
                }
            }
        }
    }

    @Test
    void whenStateChangesAfterASnapshot_thenTheSnapshotStillHasTheStateOfItsMoment() throws Exception {
        for (long seed = 1; seed <= 20; seed++) {
            Random r = new Random(seed);
            HeapKeyedStateBackend b = new HeapKeyedStateBackend("op", 128, 0, 127);
            mutate(b, r, 2_000);
            KeyedSnapshot first = b.snapshot();
            byte[] atSnapshot = bytes(first);
            mutate(b, r, 2_000); // the task goes on while the I/O thread has not written yet
            KeyedSnapshot second = b.snapshot();
            mutate(b, r, 2_000);
            assertThat(bytes(first)).as("seed " + seed + ": first snapshot after later changes").isEqualTo(atSnapshot);
            byte[] secondBytes = bytes(second);
            assertThat(secondBytes).as("seed " + seed + ": the state moved on between the snapshots").isNotEqualTo(atSnapshot);
            mutate(b, r, 500);
            assertThat(bytes(second)).as("seed " + seed + ": second snapshot after later changes").isEqualTo(secondBytes);
        }
    }
}
