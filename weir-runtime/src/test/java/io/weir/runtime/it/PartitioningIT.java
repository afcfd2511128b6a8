package io.weir.runtime.it;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** shuffle, global, rescale and partitionCustom deliver every element once, to the subtasks Flink would choose. */
class PartitioningIT {
    static final int N = 3000;

    /** Tags each value with the index of the subtask that received it. */
    static final class Receiver<T> extends RichMapFunction<T, Tuple2<T, Integer>> {
        @Override
        public Tuple2<T, Integer> map(T value) {
            return Tuple2.of(value, getRuntimeContext().getIndexOfThisSubtask());
        }
    }

    /** Tags a (value, sender) pair with the receiving subtask. */
    static final class SecondReceiver extends RichMapFunction<Tuple2<Long, Integer>, Tuple3<Long, Integer, Integer>> {
        @Override
        public Tuple3<Long, Integer, Integer> map(Tuple2<Long, Integer> value) {
            return Tuple3.of(value.f0, value.f1, getRuntimeContext().getIndexOfThisSubtask());
        }
    }

    private static StreamExecutionEnvironment env() {
        return StreamExecutionEnvironment.createLocalEnvironment(2);
    }

    private static void assertEachValueOnce(List<? extends Tuple2<Long, Integer>> out) {
        assertThat(out.stream().map(t -> t.f0).sorted().toList())
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, N).boxed().toList());
    }

    @Test
    void globalSendsEverythingToSubtaskZero() throws Exception {
        List<Tuple2<Long, Integer>> out = env().fromSequence(1, N).global().map(new Receiver<Long>()).setParallelism(3)
                .executeAndCollect(N + 1);
        assertEachValueOnce(out);
        assertThat(out).allSatisfy(t -> assertThat(t.f1).isZero());
    }

    @Test
    void shuffleReachesEverySubtaskAndIsTheSameInEveryRun() throws Exception {
        Map<Integer, Long> perSubtask = new HashMap<>();
        List<Tuple2<Long, Integer>> out = StreamExecutionEnvironment.createLocalEnvironment(1).fromSequence(1, N).shuffle()
                .map(new Receiver<Long>()).setParallelism(3).executeAndCollect(N + 1);
        assertEachValueOnce(out);
        out.forEach(t -> perSubtask.merge(t.f1, 1L, Long::sum));
        assertThat(perSubtask.keySet()).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(perSubtask.values()).allSatisfy(c -> assertThat(c).isBetween(N / 3 - 200L, N / 3 + 200L));

        List<Tuple2<Long, Integer>> again = StreamExecutionEnvironment.createLocalEnvironment(1).fromSequence(1, N).shuffle()
                .map(new Receiver<Long>()).setParallelism(3).executeAndCollect(N + 1);
        assertThat(new TreeSet<>(again.stream().map(t -> t.f0 + "@" + t.f1).toList()))
                .as("seeded per sender: the same choice in every run").isEqualTo(new TreeSet<>(out.stream().map(t -> t.f0 + "@" + t.f1).toList()));
    }

    @Test
    void rescaleFeedsEachSenderItsOwnRangeOfReceivers() throws Exception {
        // 2 senders -> 4 receivers: sender 0 feeds 0 and 1, sender 1 feeds 2 and 3 (Flink's pointwise pattern)
        List<Tuple3<Long, Integer, Integer>> up = env().fromSequence(1, N).rebalance().map(new Receiver<Long>()).setParallelism(2)
                .rescale().map(new SecondReceiver()).setParallelism(4).executeAndCollect(N + 1);
        assertThat(pairs(up)).isEqualTo(Map.of(0, Set.of(0, 1), 1, Set.of(2, 3)));

        // 4 senders -> 2 receivers: senders 0 and 1 feed receiver 0, senders 2 and 3 feed receiver 1
        List<Tuple3<Long, Integer, Integer>> down = StreamExecutionEnvironment.createLocalEnvironment(4).fromSequence(1, N).rebalance()
                .map(new Receiver<Long>()).rescale().map(new SecondReceiver()).setParallelism(2).executeAndCollect(N + 1);
        assertThat(pairs(down)).isEqualTo(Map.of(0, Set.of(0), 1, Set.of(0), 2, Set.of(1), 3, Set.of(1)));
        assertThat(down.stream().map(t -> t.f0).sorted().toList()).hasSize(N).doesNotHaveDuplicates();
    }

    private static Map<Integer, Set<Integer>> pairs(List<Tuple3<Long, Integer, Integer>> out) {
        return out.stream().collect(Collectors.groupingBy(t -> t.f1, Collectors.mapping(t -> t.f2, Collectors.toSet())));
    }

    @Test
    void partitionCustomSendsEachKeyWhereThePartitionerSays() throws Exception {
        List<Tuple2<Long, Integer>> out = env().fromSequence(1, N)
                .partitionCustom((Long key, int partitions) -> (int) (key % partitions), v -> v / 10)
                .map(new Receiver<Long>()).setParallelism(3).executeAndCollect(N + 1);
        assertEachValueOnce(out);
        assertThat(out).allSatisfy(t -> assertThat(t.f1).isEqualTo((int) ((t.f0 / 10) % 3)));
    }

    @Test
    void whenThePartitionerReturnsAnIndexOutOfRange_thenTheJobFailsNamingIt() {
        StreamExecutionEnvironment env = env();
        env.setRestartStrategy(io.weir.api.restart.RestartStrategies.noRestart());
        assertThatThrownBy(() -> env.fromSequence(1, 10).partitionCustom((Long key, int partitions) -> partitions, v -> v)
                .map(new Receiver<Long>()).executeAndCollect(11))
                .hasStackTraceContaining("partitionCustom returned 2").hasStackTraceContaining("from 0 to 1");
    }
}
