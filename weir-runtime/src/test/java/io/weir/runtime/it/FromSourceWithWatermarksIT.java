package io.weir.runtime.it;

import io.weir.api.connector.source.lib.NumberSequenceSource;
import io.weir.api.datastream.DataStreamSource;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.graph.SourceTransformation;
import io.weir.api.tuple.Tuple2;
import io.weir.api.windowing.TumblingEventTimeWindows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** fromSource(source, watermarkStrategy, name): elements get the strategy's timestamps and event time advances, as in Flink. */
@Timeout(120)
class FromSourceWithWatermarksIT {

    @Test
    void eventTimeWindowsOverASourceWithAWatermarkStrategyCountEveryElementOnce() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        DataStreamSource<Long> numbers = env.fromSource(new NumberSequenceSource(0, 999),
                WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofMillis(5)).withTimestampAssigner((x, ts) -> x), "numbers");
        numbers.setParallelism(3).name("numbers");
        List<Tuple2<Long, Long>> counts = numbers.map(x -> Tuple2.of(x % 2, 1L))
                .returns(io.weir.api.typeinfo.Types.TUPLE(io.weir.api.typeinfo.Types.LONG, io.weir.api.typeinfo.Types.LONG))
                .keyBy(t -> t.f0).window(TumblingEventTimeWindows.of(Duration.ofMillis(100))).sum(1).executeAndCollect(20);
        List<Tuple2<Long, Long>> expected = new ArrayList<>();
        for (int w = 0; w < 10; w++) {
            expected.add(Tuple2.of(0L, 50L));
            expected.add(Tuple2.of(1L, 50L));
        }
        assertThat(counts).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void withoutWatermarksTheSourceIsTheStreamItselfAndItsSettingsApplyToTheSource() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        DataStreamSource<Long> plain = env.fromSource(new NumberSequenceSource(0, 9), WatermarkStrategy.noWatermarks(), "plain");
        assertThat(plain.getTransformation()).isInstanceOf(SourceTransformation.class);

        DataStreamSource<Long> timed = env.fromSource(new NumberSequenceSource(0, 9),
                WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((x, ts) -> x), "timed");
        timed.setParallelism(4).uid("timed-source");
        assertThat(timed.getTransformation()).isNotInstanceOf(SourceTransformation.class);
        assertThat(timed.getTransformation().getParallelism()).isEqualTo(4);
        SourceTransformation<?> source = (SourceTransformation<?>) timed.getTransformation().getInputs().get(0);
        assertThat(source.getParallelism()).isEqualTo(4);
        assertThat(source.getUid()).isEqualTo("timed-source");
        assertThat(source.getName()).isEqualTo("timed");
    }
}
