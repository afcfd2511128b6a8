package io.weir.runtime.it;

import io.weir.api.datastream.AllWindowedStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobExecutionException;
import io.weir.api.functions.AbstractRichFunction;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.functions.sink.DiscardingSink;
import io.weir.api.restart.RestartStrategies;
import io.weir.api.windowing.TimeWindow;
import io.weir.api.windowing.TumblingEventTimeWindows;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad window jobs fail clearly, naming the operator and what to do. */
class WindowValidationIT {

    static final class Count implements AggregateFunction<Long, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Long value, Long acc) {
            return acc + 1;
        }

        @Override
        public Long getResult(Long acc) {
            return acc;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    static final class RichSum extends AbstractRichFunction implements ReduceFunction<Long> {
        @Override
        public Long reduce(Long a, Long b) {
            return a + b;
        }
    }

    @Test
    void whenRecordsHaveNoTimestamp_thenAnEventTimeWindowFailsTheJobNamingTheOperatorAndTheFix() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.setRestartStrategy(RestartStrategies.noRestart());
        env.fromSequence(1, 100).keyBy(x -> x % 2).window(TumblingEventTimeWindows.of(Duration.ofSeconds(1))).aggregate(new Count())
                .name("per-second counts").addSink(new DiscardingSink<>());
        assertThatThrownBy(() -> env.execute("no timestamps"))
                .isInstanceOf(JobExecutionException.class)
                .satisfies(e -> assertThat(e.getMessage() + " / " + e.getCause().getMessage())
                        .contains("per-second counts")
                        .contains("without a timestamp")
                        .contains("assignTimestampsAndWatermarks"));
    }

    @Test
    void windowAllRunsWithParallelismOneAndRefusesMore() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        AllWindowedStream<Long, TimeWindow> all = env.fromSequence(1, 10).windowAll(TumblingEventTimeWindows.of(Duration.ofSeconds(1)));
        var counts = all.aggregate(new Count());
        assertThat(counts.getParallelism()).isEqualTo(1);
        assertThatThrownBy(() -> counts.setParallelism(2)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be 1");
    }

    @Test
    void richIncrementalWindowFunctionsAreRejectedWithAHint() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        assertThatThrownBy(() -> env.fromSequence(1, 10).keyBy(x -> x).window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                .reduce(new RichSum()))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("ProcessWindowFunction");
    }
}
