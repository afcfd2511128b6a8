package io.weir.runtime.internal.state;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** KeyMap behaves like a HashMap under random puts, removes and copies, for Long keys, other keys, and both mixed. */
class KeyMapTest {
    private static final long SEED = Long.getLong("weir.test.seed", new Random().nextLong());

    private static Object randomKey(Random r, int kind, int range) {
        int v = r.nextInt(range);
        switch (kind) {
            case 0: return (long) v;
            case 1: return "k" + v;
            default: return r.nextBoolean() ? (Object) (long) v : (Object) v; // Long and Integer of equal value are different keys
        }
    }

    @Test
    void randomOperationsMatchAHashMap() {
        System.out.println("KeyMapTest seed " + SEED + " (rerun with -Dweir.test.seed=" + SEED + ")");
        Random r = new Random(SEED);
        for (int run = 0; run < 300; run++) {
            int kind = run % 3;
            int range = 1 + r.nextInt(r.nextBoolean() ? 20 : 3000);
            KeyMap m = new KeyMap();
            Map<Object, Object> reference = new HashMap<>();
            int ops = r.nextInt(5000);
            for (int op = 0; op < ops; op++) {
                Object k = randomKey(r, kind, range);
                switch (r.nextInt(6)) {
                    case 0:
                    case 1: {
                        Object v = r.nextInt();
                        assertThat(m.put(k, v)).as("put %s (seed %d)", k, SEED).isEqualTo(reference.put(k, v));
                        break;
                    }
                    case 2:
                        assertThat(m.remove(k)).as("remove %s (seed %d)", k, SEED).isEqualTo(reference.remove(k));
                        break;
                    case 3:
                        assertThat(m.computeIfAbsent(k, x -> "new")).isEqualTo(reference.computeIfAbsent(k, x -> "new"));
                        break;
                    case 4:
                        assertThat(m.containsKey(k)).isEqualTo(reference.containsKey(k));
                        break;
                    default:
                        if (r.nextInt(200) == 0) {
                            m = m.copy(v -> v);
                        }
                        assertThat(m.get(k)).isEqualTo(reference.get(k));
                }
                assertThat(m.size()).isEqualTo(reference.size());
            }
            Map<Object, Object> viaEntries = new HashMap<>();
            for (Map.Entry<Object, Object> e : m.entrySet()) {
                assertThat(viaEntries.put(e.getKey(), e.getValue())).as("each key once").isNull();
            }
            assertThat(viaEntries).as("seed %d run %d", SEED, run).isEqualTo(reference);
        }
    }

    @Test
    void aCopyIsIndependentAndCopiesValues() {
        KeyMap m = new KeyMap();
        m.put(1L, new StringBuilder("a"));
        KeyMap c = m.copy(v -> new StringBuilder(v.toString()));
        ((StringBuilder) c.get(1L)).append("b");
        c.put(2L, "x");
        assertThat(m.get(1L).toString()).isEqualTo("a");
        assertThat(m.containsKey(2L)).isFalse();
        assertThat(c.get(1L).toString()).isEqualTo("ab");
    }
}
