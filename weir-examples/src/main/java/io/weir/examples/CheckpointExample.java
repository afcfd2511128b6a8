package io.weir.examples;

import io.weir.api.configuration.Configuration;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.CheckpointingMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.MapFunction;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.functions.sink.SinkFunction;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;

/**
 * The seed article's first example, "4.1 检查点实例": checkpoints every second in EXACTLY_ONCE mode.
 * The article leaves the job as {@code // ...}; here it is a small sensor pipeline: readings are
 * keyed by sensor and each reading is emitted with the sensor's running count and maximum, kept in
 * keyed state. Because that state is checkpointed exactly once, a failure anywhere never makes a
 * count skip or repeat.
 */
public class CheckpointExample {

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(1000);
        env.setCheckpointingMode(CheckpointingMode.EXACTLY_ONCE);
        long readings = args.length > 0 ? Long.parseLong(args[0]) : 1_000;
        build(env, readings, x -> x).addSink(new SinkFunction<>() {
            @Override
            public void invoke(Tuple3<Integer, Long, Long> v, Context context) {
                if (v.f1 % 100 == 0) {
                    System.out.println("sensor " + v.f0 + ": " + v.f1 + " readings, max " + v.f2);
                }
            }
        });
        env.execute("CheckpointExample");
    }

    /**
     * Readings (sensor, value) from a checkpointed source, through {@code hook} (tests put a fault
     * injector there), keyed by sensor, to (sensor, count so far, max so far).
     */
    public static DataStream<Tuple3<Integer, Long, Long>> build(StreamExecutionEnvironment env, long readings, MapFunction<Long, Long> hook) {
        return env.fromSequence(0, readings - 1)
                .map(hook)
                .map(i -> Tuple2.of((int) (i % 5), (i * 7919) % 1000))
                .keyBy(r -> r.f0)
                .map(new RunningStats());
    }

    /** Running count and maximum per sensor, in keyed state. */
    public static final class RunningStats extends RichMapFunction<Tuple2<Integer, Long>, Tuple3<Integer, Long, Long>> {
        private transient ValueState<Long> count;
        private transient ValueState<Long> max;

        @Override
        public void open(Configuration parameters) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
            max = getRuntimeContext().getState(new ValueStateDescriptor<>("max", Long.class));
        }

        @Override
        public Tuple3<Integer, Long, Long> map(Tuple2<Integer, Long> reading) throws Exception {
            long c = count.value() == null ? 1 : count.value() + 1;
            long m = max.value() == null ? reading.f1 : Math.max(max.value(), reading.f1);
            count.update(c);
            max.update(m);
            return Tuple3.of(reading.f0, c, m);
        }
    }
}
