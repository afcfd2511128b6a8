package io.weir.runtime.harness;

import io.weir.api.datastream.CoGroupedStreams.TaggedUnion;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.SingleOutputStreamOperator;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.graph.OneInputTransformation;
import io.weir.api.graph.OperatorKind;
import io.weir.api.tuple.Tuple2;
import io.weir.api.windowing.TumblingEventTimeWindows;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window operator of a window join and a co-group, built through the DataStream API and fed
 * tagged elements synchronously: firing at the watermark with the window's max timestamp, late
 * firings within the allowed lateness (which join every pair of the window again, as Flink does),
 * dropping after it, and contents that survive a restore. Elements are (key, name).
 */
class WindowJoinOperatorTest {

    private static OperatorHarnessDriver driver(Function<DataStream<Tuple2<Long, String>>, SingleOutputStreamOperator<String>> build,
            List<byte[]> restoreFrom) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        OneInputTransformation<?, ?> t = (OneInputTransformation<?, ?>) build.apply(env.fromElements(Tuple2.of(0L, ""))).getTransformation();
        assertThat(t.getKind()).isEqualTo(OperatorKind.WINDOW);
        OperatorHarnessDriver d = new OperatorHarnessDriver(t.getKind(), t.getFunction(), t.getStateKeySelector(), 0, 1, 128, restoreFrom);
        d.open();
        return d;
    }

    private static SingleOutputStreamOperator<String> join(DataStream<Tuple2<Long, String>> s, Duration lateness) {
        return s.join(s).where(e -> e.f0).equalTo(e -> e.f0).window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                .allowedLateness(lateness).apply((l, r) -> l.f1 + "+" + r.f1);
    }

    private static void left(OperatorHarnessDriver d, long key, String name, long ts) {
        d.processElement(TaggedUnion.one(Tuple2.of(key, name)), ts);
    }

    private static void right(OperatorHarnessDriver d, long key, String name, long ts) {
        d.processElement(TaggedUnion.two(Tuple2.of(key, name)), ts);
    }

    private static List<String> drain(OperatorHarnessDriver d) {
        List<String> out = new ArrayList<>();
        d.output().forEach(e -> out.add(e.value() + "@" + e.timestamp()));
        d.output().clear();
        return out;
    }

    @Test
    void aWindowFiresItsPairsWhenTheWatermarkPassesItsEnd_andLateElementsWithinTheLatenessFireItAgain() throws Exception {
        OperatorHarnessDriver d = driver(s -> join(s, Duration.ofMillis(50)), null);
        left(d, 1, "a", 10);
        right(d, 1, "x", 20);
        right(d, 2, "other key", 30);
        d.processWatermark(98);
        assertThat(drain(d)).isEmpty();
        d.processWatermark(99);
        assertThat(drain(d)).containsExactly("a+x@99");

        left(d, 1, "b", 50); // late, within the lateness: the window fires again with every pair
        assertThat(drain(d)).containsExactlyInAnyOrder("a+x@99", "b+x@99");
        d.processWatermark(149); // end + lateness: purged
        left(d, 1, "c", 60);
        assertThat(drain(d)).isEmpty();
        assertThat(d.metrics()).containsEntry("numLateRecordsDropped", 1L);
    }

    @Test
    void windowContentsOfBothSidesSurviveARestore() throws Exception {
        OperatorHarnessDriver d = driver(s -> join(s, Duration.ZERO), null);
        left(d, 1, "a", 10);
        right(d, 1, "x", 20);
        byte[] snapshot = d.snapshot(1, 0);
        d.close();

        OperatorHarnessDriver restored = driver(s -> join(s, Duration.ZERO), List.of(snapshot));
        left(restored, 1, "b", 30);
        restored.processWatermark(99);
        assertThat(drain(restored)).containsExactlyInAnyOrder("a+x@99", "b+x@99");
    }

    @Test
    void aCoGroupFiresForAKeyWithElementsOnOneSideOnly() throws Exception {
        OperatorHarnessDriver d = driver(s -> s.coGroup(s).where(e -> e.f0).equalTo(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                .apply((first, second, out) -> {
                    List<String> names = new ArrayList<>();
                    first.forEach(e -> names.add("L" + e.f1));
                    second.forEach(e -> names.add("R" + e.f1));
                    out.collect(String.join(",", names));
                }), null);
        left(d, 1, "a", 10);
        left(d, 1, "b", 11);
        right(d, 2, "x", 12);
        d.processWatermark(Long.MAX_VALUE);
        assertThat(drain(d)).containsExactlyInAnyOrder("La,Lb@99", "Rx@99");
    }
}
