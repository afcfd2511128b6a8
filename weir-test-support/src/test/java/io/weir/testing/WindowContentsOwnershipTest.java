package io.weir.testing;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.tuple.Tuple2;
import io.weir.api.util.Collector;
import io.weir.api.windowing.EventTimeSessionWindows;
import io.weir.api.windowing.SlidingEventTimeWindows;
import io.weir.api.windowing.TimeWindow;
import io.weir.api.windowing.TumblingEventTimeWindows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Window contents own what they hold (object reuse disabled, the harness's setting): an element
 * whose object the upstream reuses, or that a reduce function changes in place, is held as a copy,
 * so every window sees exactly its own elements. The harness passes elements by reference, as an
 * upstream operator chained into the same task would.
 */
@Timeout(30)
class WindowContentsOwnershipTest {

    private static DataStream<Tuple2<String, Long>> input() {
        return StreamExecutionEnvironment.getExecutionEnvironment().fromElements(Tuple2.of("x", 0L));
    }

    /** Emits "start:[values]" with the elements' values in ascending order. */
    static final class ListValues extends ProcessWindowFunction<Tuple2<String, Long>, String, String, TimeWindow> {
        @Override
        public void process(String key, Context ctx, Iterable<Tuple2<String, Long>> elements, Collector<String> out) {
            List<Long> values = new ArrayList<>();
            elements.forEach(e -> values.add(e.f1));
            values.sort(null);
            out.collect(ctx.window().getStart() + ":" + values);
        }
    }

    private static <O> KeyedOneInputStreamOperatorTestHarness<String, Tuple2<String, Long>, O> open(DataStream<O> s) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, Tuple2<String, Long>, O> h = KeyedOneInputStreamOperatorTestHarness.forKeyedOperatorOf(s);
        h.open();
        return h;
    }

    @Test
    void elementWindows_whenTheUpstreamReusesItsOutputObject_thenTheWindowHoldsEveryValueItWasGiven() throws Exception {
        var h = open(input().keyBy(t -> t.f0).window(TumblingEventTimeWindows.of(Duration.ofMillis(1000))).process(new ListValues()));
        Tuple2<String, Long> reused = new Tuple2<>();
        reused.f0 = "a";
        for (long v = 1; v <= 3; v++) {
            reused.f1 = v;
            h.processElement(reused, 100 * v);
        }
        reused.f1 = 42L;
        h.processWatermark(999);
        assertThat(h.extractOutputValues()).containsExactly("0:[1, 2, 3]");
        h.close();
    }

    @Test
    void slidingReduceWindows_whenTheReduceFunctionChangesItsFirstArgument_thenEachWindowKeepsItsOwnSum() throws Exception {
        var h = open(input().keyBy(t -> t.f0).window(SlidingEventTimeWindows.of(Duration.ofMillis(2000), Duration.ofMillis(1000)))
                .reduce((a, b) -> {
                    a.f1 += b.f1;
                    return a;
                }));
        h.processElement(Tuple2.of("a", 1L), 1500L); // in [0, 2000) and [1000, 3000)
        h.processElement(Tuple2.of("a", 2L), 1700L); // in [0, 2000) and [1000, 3000)
        h.processWatermark(1999);
        assertThat(h.extractOutputValues().get(0).f1).isEqualTo(3L);
        h.processElement(Tuple2.of("a", 4L), 2500L); // in [1000, 3000) and [2000, 4000)
        h.processWatermark(2999);
        assertThat(h.extractOutputValues().get(1).f1).isEqualTo(7L);
        h.processWatermark(3999);
        assertThat(h.extractOutputValues().get(2).f1).isEqualTo(4L);
        h.close();
    }

    @Test
    void sessionWindows_whenMergingWindowsWithContents_thenTheMergedWindowHoldsEveryValue() throws Exception {
        var h = open(input().keyBy(t -> t.f0).window(EventTimeSessionWindows.withGap(Duration.ofMillis(100))).process(new ListValues()));
        Tuple2<String, Long> reused = Tuple2.of("a", 0L);
        long[][] elements = {{1, 0}, {2, 300}, {3, 50}, {4, 150}, {5, 250}}; // the last two bridge [0, 150) and [300, 400)
        for (long[] e : elements) {
            reused.f1 = e[0];
            h.processElement(reused, e[1]);
        }
        h.processWatermark(Long.MAX_VALUE);
        assertThat(h.extractOutputValues()).containsExactly("0:[1, 2, 3, 4, 5]");
        h.close();
    }
}
