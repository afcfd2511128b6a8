package io.weir.examples;

// A Flink 1.x DataStream job ported to Weir by changing only these imports. In Flink they read:
//   org.apache.flink.api.common.functions.FilterFunction / RichFlatMapFunction / ReduceFunction
//   org.apache.flink.api.common.state.ValueState / ValueStateDescriptor
//   org.apache.flink.api.java.functions.KeySelector
//   org.apache.flink.api.java.tuple.Tuple2
//   org.apache.flink.configuration.Configuration
//   org.apache.flink.streaming.api.CheckpointingMode
//   org.apache.flink.streaming.api.datastream.DataStream
//   org.apache.flink.streaming.api.environment.StreamExecutionEnvironment
//   org.apache.flink.streaming.api.functions.KeyedProcessFunction
//   org.apache.flink.streaming.api.functions.sink.RichSinkFunction
//   org.apache.flink.util.Collector
import io.weir.api.configuration.Configuration;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.CheckpointingMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.FilterFunction;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.RichFlatMapFunction;
import io.weir.api.functions.sink.RichSinkFunction;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.util.Collector;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Word count written exactly as a Flink user writes it: anonymous classes and lambdas, a rich
 * flat-map with open(), keyBy with a KeySelector, sum and reduce on tuples, a KeyedProcessFunction
 * with ValueState and an event-time timer, and a RichSinkFunction.
 */
public class FlinkStyleWordCount {

    /** Final counts seen by the sink of the last run (for the test and for main's printout). */
    public static final Map<String, Long> FINAL_COUNTS = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(1000);
        env.getCheckpointConfig().setCheckpointingMode(CheckpointingMode.EXACTLY_ONCE);
        build(env, List.of("to be or not to be", "that is the question", "to see or not to see"));
        env.execute("Flink-style word count");
        System.out.println(new java.util.TreeMap<>(FINAL_COUNTS));
    }

    public static void build(StreamExecutionEnvironment env, List<String> lines) {
        DataStream<String> text = env.fromCollection(lines);

        DataStream<Tuple2<String, Integer>> words = text
                .flatMap(new RichFlatMapFunction<String, Tuple2<String, Integer>>() {
                    private transient String separator;

                    @Override
                    public void open(Configuration parameters) {
                        separator = "\\s+";
                    }

                    @Override
                    public void flatMap(String line, Collector<Tuple2<String, Integer>> out) {
                        for (String word : line.toLowerCase().split(separator)) {
                            if (!word.isEmpty()) {
                                out.collect(new Tuple2<>(word, 1));
                            }
                        }
                    }
                })
                .filter(new FilterFunction<Tuple2<String, Integer>>() {
                    @Override
                    public boolean filter(Tuple2<String, Integer> value) {
                        return value.f0.length() > 1;
                    }
                });

        // running counts with the built-in aggregation, keyed by a lambda
        words.keyBy(value -> value.f0).sum(1).name("running counts");

        // final counts with keyed state and a timer that fires when the input ends
        words.keyBy(new KeySelector<Tuple2<String, Integer>, String>() {
                    @Override
                    public String getKey(Tuple2<String, Integer> value) {
                        return value.f0;
                    }
                })
                .process(new KeyedProcessFunction<String, Tuple2<String, Integer>, Tuple2<String, Long>>() {
                    private transient ValueState<Long> count;

                    @Override
                    public void open(Configuration parameters) {
                        count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
                    }

                    @Override
                    public void processElement(Tuple2<String, Integer> value, Context ctx, Collector<Tuple2<String, Long>> out)
                            throws Exception {
                        Long current = count.value();
                        if (current == null) {
                            current = 0L;
                            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
                        }
                        count.update(current + value.f1);
                    }

                    @Override
                    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Tuple2<String, Long>> out) throws Exception {
                        out.collect(Tuple2.of(ctx.getCurrentKey(), count.value()));
                    }
                })
                .addSink(new RichSinkFunction<Tuple2<String, Long>>() {
                    @Override
                    public void invoke(Tuple2<String, Long> value, Context context) {
                        FINAL_COUNTS.put(value.f0, value.f1);
                    }
                })
                .name("final counts");
    }
}
