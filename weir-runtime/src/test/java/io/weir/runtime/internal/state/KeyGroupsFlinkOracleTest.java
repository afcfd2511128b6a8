package io.weir.runtime.internal.state;

import org.apache.flink.util.MathUtils;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Weir's key-group assignment against Flink 1.20's own code (flink-core, test scope): a key must land in the same key
 * group, and so on the same subtask, as in Flink. Flink's KeyGroupRangeAssignment (in flink-runtime) is
 * {@code MathUtils.murmurHash(key.hashCode()) % maxParallelism} for the group and
 * {@code keyGroup * parallelism / maxParallelism} for the subtask.
 */
class KeyGroupsFlinkOracleTest {

    @Test
    void everyKeyLandsInFlinksKeyGroupAndSubtask() {
        SplittableRandom random = new SplittableRandom(20261202);
        int[] maxParallelisms = {1, 7, 128, 256, 1000, 32768};
        for (int i = 0; i < 200_000; i++) {
            Object key = switch (i % 4) {
                case 0 -> random.nextInt();
                case 1 -> random.nextLong();
                case 2 -> "key-" + random.nextInt(1_000_000);
                default -> (Integer.MIN_VALUE + i); // negative hash codes, around the edge Flink treats specially
            };
            int maxParallelism = maxParallelisms[i % maxParallelisms.length];
            int flinkGroup = MathUtils.murmurHash(key.hashCode()) % maxParallelism;
            assertThat(KeyGroups.keyGroupFor(key, maxParallelism)).as("key group of %s (hash %d) with %d groups", key, key.hashCode(),
                    maxParallelism).isEqualTo(flinkGroup);
            int parallelism = 1 + random.nextInt(maxParallelism);
            assertThat(KeyGroups.subtaskFor(flinkGroup, maxParallelism, parallelism)).isEqualTo(flinkGroup * parallelism / maxParallelism);
        }
    }

    @Test
    void theHashWhoseMixIsMinValueGoesToGroupZeroAsInFlink() {
        // search a hash code whose murmur mix is Integer.MIN_VALUE is impractical; check the documented rule instead
        for (int code : new int[] {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            assertThat(KeyGroups.keyGroupFor(new FixedHash(code), 128)).isEqualTo(MathUtils.murmurHash(code) % 128);
        }
    }

    private record FixedHash(int code) {
        @Override
        public int hashCode() {
            return code;
        }
    }
}
