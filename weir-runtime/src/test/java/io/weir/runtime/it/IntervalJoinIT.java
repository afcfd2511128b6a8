package io.weir.runtime.it;

import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.KeyedStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.co.ProcessJoinFunction;
import io.weir.api.tuple.Tuple3;
import io.weir.api.util.Collector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Interval joins in running jobs, against a nested loop over the inputs of {@link WindowJoinIT}
 * ((key, id, timestamp), timestamps out of order). Without watermarks until the end of input nothing
 * is late and nothing is cleaned up early, whatever the order; with each input's timestamps made
 * ascending per source subtask and monotonous watermarks, cleanup runs during the job and must not
 * lose a pair either.
 */
class IntervalJoinIT {

    static final class Describe extends ProcessJoinFunction<Tuple3<Long, Long, Long>, Tuple3<Long, Long, Long>, String> {
        @Override
        public void processElement(Tuple3<Long, Long, Long> l, Tuple3<Long, Long, Long> r, Context ctx, Collector<String> out) {
            out.collect(l.f1 + "-" + r.f1 + "@" + ctx.getTimestamp() + "/" + ctx.getLeftTimestamp() + "/" + ctx.getRightTimestamp());
        }
    }

    /** With {@code ascending}, element i gets timestamp i (ascending per source subtask), else the generator's. */
    private static KeyedStream<Tuple3<Long, Long, Long>, Long> side(StreamExecutionEnvironment env, boolean left, boolean ascending) {
        DataStream<Tuple3<Long, Long, Long>> s = env.fromSequence(0, (left ? WindowJoinIT.LEFT : WindowJoinIT.RIGHT) - 1)
                .map(i -> ascending ? Tuple3.of(left ? i % 7 : i % 9, i, i) : left ? WindowJoinIT.left(i) : WindowJoinIT.right(i));
        WatermarkStrategy<Tuple3<Long, Long, Long>> strategy = ascending ? WatermarkStrategy.forMonotonousTimestamps() : WatermarkStrategy.noWatermarks();
        return s.assignTimestampsAndWatermarks(strategy.withTimestampAssigner((t, ts) -> t.f2)).keyBy(t -> t.f0);
    }

    @ParameterizedTest(name = "parallelism {0}, between({1}, {2}), lower exclusive {3}, upper exclusive {4}, ascending {5}")
    @CsvSource({"1, -20, 30, false, false, false", "4, -20, 30, true, true, false", "2, 5, 5, false, false, false",
            "3, -60, -10, false, true, false", "2, -25, 15, true, false, true", "4, 0, 40, false, false, true"})
    void emitsExactlyThePairsWhoseTimestampsDifferWithinTheBounds(int parallelism, long lower, long upper, boolean lowerExclusive,
            boolean upperExclusive, boolean ascending) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        var joined = side(env, true, ascending).intervalJoin(side(env, false, ascending)).between(Duration.ofMillis(lower), Duration.ofMillis(upper));
        if (lowerExclusive) {
            joined.lowerBoundExclusive();
        }
        if (upperExclusive) {
            joined.upperBoundExclusive();
        }
        List<String> out = new ArrayList<>();
        try (var it = joined.process(new Describe()).executeAndCollect()) {
            it.forEachRemaining(out::add);
        }

        List<String> expected = new ArrayList<>();
        for (long i = 0; i < WindowJoinIT.LEFT; i++) {
            for (long j = 0; j < WindowJoinIT.RIGHT; j++) {
                Tuple3<Long, Long, Long> l = ascending ? Tuple3.of(i % 7, i, i) : WindowJoinIT.left(i);
                Tuple3<Long, Long, Long> r = ascending ? Tuple3.of(j % 9, j, j) : WindowJoinIT.right(j);
                long diff = r.f2 - l.f2;
                if (l.f0.equals(r.f0) && (lowerExclusive ? diff > lower : diff >= lower) && (upperExclusive ? diff < upper : diff <= upper)) {
                    expected.add(i + "-" + j + "@" + Math.max(l.f2, r.f2) + "/" + l.f2 + "/" + r.f2);
                }
            }
        }
        assertThat(expected).hasSizeGreaterThan(parallelism == 2 && lower == upper ? 10 : 100);
        assertThat(out).containsExactlyInAnyOrderElementsOf(expected);
    }
}
