package io.weir.runtime.internal.graph;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.sink.DiscardingSink;
import io.weir.api.spi.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** disableChaining, startNewChain and disableOperatorChaining decide which operators share a task, as in Flink. */
@Timeout(30)
class OperatorChainingTest {
    /** The names of each task's operators, in order, for a source -> map "a" -> map "b" -> sink job. */
    private static List<List<String>> tasks(Consumer<StreamExecutionEnvironment> envSettings, boolean disableA, boolean newChainAtB) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        envSettings.accept(env);
        var a = env.fromSequence(1, 10).map(x -> x).name("a");
        if (disableA) {
            a.disableChaining();
        }
        var b = a.map(x -> x).name("b");
        if (newChainAtB) {
            b.startNewChain();
        }
        DataStream<Long> out = b;
        out.addSink(new DiscardingSink<>()).name("sink");
        JobGraph g = JobGraphBuilder.build(new Pipeline("chaining", env.getTransformations(), 1, -1, env.getCheckpointConfig(), null,
                env.getConfiguration()));
        return g.vertices().stream().map(v -> v.chain().stream().map(OperatorSpec::name).toList()).toList();
    }

    @Test
    void byDefaultOneToOneOperatorsShareATask() {
        assertThat(tasks(env -> {}, false, false)).containsExactly(List.of("Sequence Source", "a", "b", "sink"));
    }

    @Test
    void disableChainingPutsTheOperatorInATaskOfItsOwn() {
        assertThat(tasks(env -> {}, true, false)).containsExactly(List.of("Sequence Source"), List.of("a"), List.of("b", "sink"));
    }

    @Test
    void startNewChainBreaksTheChainBeforeTheOperatorOnly() {
        assertThat(tasks(env -> {}, false, true)).containsExactly(List.of("Sequence Source", "a"), List.of("b", "sink"));
    }

    @Test
    void disableOperatorChainingGivesEveryOperatorATask() {
        assertThat(tasks(StreamExecutionEnvironment::disableOperatorChaining, false, false))
                .containsExactly(List.of("Sequence Source"), List.of("a"), List.of("b"), List.of("sink"));
    }

    @Test
    void theAutoWatermarkIntervalIsTheOneSetWhenTheJobIsBuiltNotWhenTheOperatorWasAdded() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.getConfig().setAutoWatermarkInterval(500);
        env.fromSequence(1, 10).assignTimestampsAndWatermarks(io.weir.api.eventtime.WatermarkStrategy.<Long>forMonotonousTimestamps()
                .withTimestampAssigner((x, ts) -> x)).addSink(new DiscardingSink<>());
        env.getConfig().setAutoWatermarkInterval(40); // after the call, as Flink reads it at run time
        JobGraph g = JobGraphBuilder.build(new Pipeline("interval", env.getTransformations(), 1, -1, env.getCheckpointConfig(), null,
                env.getConfiguration()));
        long interval = g.vertices().stream().flatMap(v -> v.chain().stream()).map(OperatorSpec::newPayload)
                .filter(p -> p instanceof Object[]).map(p -> ((Object[]) p)[0]).filter(f -> f instanceof io.weir.api.graph.TimestampsAndWatermarksSpec)
                .mapToLong(f -> ((io.weir.api.graph.TimestampsAndWatermarksSpec) f).getAutoWatermarkIntervalMillis()).findFirst().orElseThrow();
        assertThat(interval).isEqualTo(40);
    }
}
