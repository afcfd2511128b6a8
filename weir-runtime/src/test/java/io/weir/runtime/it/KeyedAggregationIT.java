package io.weir.runtime.it;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.tuple.Tuple2;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KeyedAggregationIT {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void shouldGiveTheSameKeyedSumsAtEveryParallelism(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        DataStream<Tuple2<Long, Long>> sums = env.fromSequence(1, 10_000)
                .map(i -> Tuple2.of(i % 7, i))
                .keyBy(t -> t.f0)
                .sum(1);
        List<Tuple2<Long, Long>> out = sums.executeAndCollect(10_000);
        Map<Long, Long> last = new HashMap<>();
        for (Tuple2<Long, Long> t : out) {
            last.merge(t.f0, t.f1, Math::max);
        }
        Map<Long, Long> expected = new HashMap<>();
        for (long i = 1; i <= 10_000; i++) {
            expected.merge(i % 7, i, Long::sum);
        }
        assertThat(out).hasSize(10_000);
        assertThat(last).isEqualTo(expected);
    }
}
