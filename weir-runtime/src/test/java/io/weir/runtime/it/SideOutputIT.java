package io.weir.runtime.it;

import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.SingleOutputStreamOperator;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.Watermark;
import io.weir.api.eventtime.WatermarkGenerator;
import io.weir.api.eventtime.WatermarkOutput;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.functions.sink.SinkFunction;
import io.weir.api.tuple.Tuple2;
import io.weir.api.util.Collector;
import io.weir.api.util.OutputTag;
import io.weir.api.windowing.TumblingEventTimeWindows;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Side outputs in running jobs: from process functions and from windows (late data). */
class SideOutputIT {
    static final Map<String, Queue<Object>> SINKS = new ConcurrentHashMap<>();
    static final OutputTag<String> ODD = new OutputTag<>("odd");
    static final OutputTag<Long> UNREAD = new OutputTag<>("nobody reads this");

    /** Collects into {@link #SINKS} under a name. */
    static final class Collect<T> implements SinkFunction<T> {
        private final String name;

        Collect(String name) {
            this.name = name;
            SINKS.put(name, new ConcurrentLinkedQueue<>());
        }

        @Override
        public void invoke(T value, Context context) {
            SINKS.get(name).add(value);
        }
    }

    static List<Object> sink(String name) {
        return List.copyOf(SINKS.get(name));
    }

    /** Evens to the main output, odds as text to {@link #ODD}, everything also to {@link #UNREAD}. */
    static final class Split extends ProcessFunction<Long, Long> {
        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) {
            ctx.output(UNREAD, value);
            if (value % 2 == 0) {
                out.collect(value);
            } else {
                ctx.output(ODD, "odd " + value);
            }
        }
    }

    @Test
    void sideOutputsOfAProcessFunctionReachOnlyTheirConsumers() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        SingleOutputStreamOperator<Long> evens = env.fromSequence(1, 1000).process(new Split());
        evens.addSink(new Collect<>("evens"));
        evens.getSideOutput(ODD).keyBy(s -> s.length()).addSink(new Collect<>("odds"));
        evens.map(x -> -x).union(evens.getSideOutput(ODD).map(s -> Long.parseLong(s.substring(4)))).addSink(new Collect<>("union"));
        env.execute("side outputs");
        assertThat(sink("evens")).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 1000).filter(x -> x % 2 == 0).boxed().toList());
        assertThat(sink("odds")).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(1, 1000).filter(x -> x % 2 == 1).mapToObj(x -> "odd " + x).collect(Collectors.toList()));
        assertThat(sink("union")).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(1, 1000).map(x -> x % 2 == 0 ? -x : x).boxed().toList());
    }

    /** A watermark equal to each event's timestamp, so that lateness does not depend on timing. */
    static final class EveryEvent implements WatermarkGenerator<Tuple2<String, Long>> {
        @Override
        public void onEvent(Tuple2<String, Long> event, long eventTimestamp, WatermarkOutput output) {
            output.emitWatermark(new Watermark(eventTimestamp));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
    }

    static final class Count implements AggregateFunction<Tuple2<String, Long>, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Tuple2<String, Long> value, Long acc) {
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

    @Test
    void lateWindowElementsGoToTheSideOutput() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        OutputTag<Tuple2<String, Long>> late = new OutputTag<>("late");
        DataStream<Tuple2<String, Long>> events = env.fromElements(
                        Tuple2.of("a", 100L), Tuple2.of("a", 900L), Tuple2.of("a", 1500L), // watermark 1500 closes [0, 1000)
                        Tuple2.of("a", 200L),                                              // late
                        Tuple2.of("a", 1600L), Tuple2.of("b", 50L))                        // on time; late
                .assignTimestampsAndWatermarks(WatermarkStrategy.forGenerator(ctx -> new EveryEvent())
                        .withTimestampAssigner((e, ts) -> e.f1));
        SingleOutputStreamOperator<Long> counts = events.keyBy(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                .sideOutputLateData(late)
                .aggregate(new Count());
        counts.addSink(new Collect<>("counts"));
        counts.getSideOutput(late).addSink(new Collect<>("late"));
        env.execute("late data");
        assertThat(sink("counts")).containsExactly(2L, 2L);
        assertThat(sink("late")).containsExactly(Tuple2.of("a", 200L), Tuple2.of("b", 50L));
    }
}
