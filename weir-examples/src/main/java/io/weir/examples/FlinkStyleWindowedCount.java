package io.weir.examples;

// The W5 job of ../shared/WORKLOADS.md as written for Flink, ported to Weir by changing only these
// imports. In Flink they read:
//   org.apache.flink.api.common.eventtime.WatermarkStrategy
//   org.apache.flink.api.common.functions.AggregateFunction / RichMapFunction
//   org.apache.flink.api.java.functions.KeySelector
//   org.apache.flink.api.java.tuple.Tuple2 / Tuple3
//   org.apache.flink.configuration.Configuration
//   org.apache.flink.streaming.api.datastream.DataStream
//   org.apache.flink.streaming.api.environment.StreamExecutionEnvironment
//   org.apache.flink.streaming.api.functions.sink.RichSinkFunction
//   org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction
//   org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows
//   org.apache.flink.streaming.api.windowing.windows.TimeWindow
//   org.apache.flink.util.Collector
import io.weir.api.configuration.Configuration;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.functions.sink.RichSinkFunction;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;
import io.weir.api.util.Collector;
import io.weir.api.windowing.TimeWindow;
import io.weir.api.windowing.TumblingEventTimeWindows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Event-time windows as a Flink user writes them (the W5 workload): events {@code (key(i, 1000), i)}
 * with timestamp {@code i} ms, bounded out-of-orderness watermarks, one-second tumbling windows per
 * key, counted incrementally with an {@code AggregateFunction} and emitted as
 * {@code (key, window_start, count)} by a {@code ProcessWindowFunction}.
 */
public class FlinkStyleWindowedCount {
    static final int P = 2;
    static final long GOLDEN = 0x9E3779B97F4A7C15L;

    /** What the sink saw in the last run. */
    public static final AtomicLong OUTPUTS = new AtomicLong();
    public static final AtomicLong SUM_OF_COUNTS = new AtomicLong();

    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(P);
        env.enableCheckpointing(1000);
        build(env, n, 1000);
        env.execute("W5 windows");
        System.out.println("outputs=" + OUTPUTS.get() + " expected_windows=" + expectedWindows(n, 1000) + " sum_counts=" + SUM_OF_COUNTS.get());
    }

    static long splitmix64(long i) {
        long z = (i + 1) * GOLDEN;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long key(long i, long k) {
        return Long.remainderUnsigned(splitmix64(i), k);
    }

    /** Sequence number s of split j becomes event i = (s mod N/P)·P + j, then (key(i, K), i). */
    static final class GenMap extends RichMapFunction<Long, Tuple2<Long, Long>> {
        private final long n;
        private final long k;
        private transient long share;

        GenMap(long n, long k) {
            this.n = n;
            this.k = k;
        }

        @Override
        public void open(Configuration parameters) {
            share = n / P;
        }

        @Override
        public Tuple2<Long, Long> map(Long s) {
            long sv = s;
            long i = (sv % share) * P + sv / share;
            return Tuple2.of(key(i, k), i);
        }
    }

    static final class KeyOf implements KeySelector<Tuple2<Long, Long>, Long> {
        @Override
        public Long getKey(Tuple2<Long, Long> t) {
            return t.f0;
        }
    }

    static final class CountAgg implements AggregateFunction<Tuple2<Long, Long>, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Tuple2<Long, Long> e, Long acc) {
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

    static final class WinFn extends ProcessWindowFunction<Long, Tuple3<Long, Long, Long>, Long, TimeWindow> {
        @Override
        public void process(Long key, Context ctx, Iterable<Long> counts, Collector<Tuple3<Long, Long, Long>> out) {
            out.collect(Tuple3.of(key, ctx.window().getStart(), counts.iterator().next()));
        }
    }

    public static void build(StreamExecutionEnvironment env, long n, long k) {
        OUTPUTS.set(0);
        SUM_OF_COUNTS.set(0);
        DataStream<Tuple2<Long, Long>> events = env.fromSequence(0, n - 1)
                .map(new GenMap(n, k))
                .name("gen")
                .assignTimestampsAndWatermarks(
                        WatermarkStrategy.<Tuple2<Long, Long>>forBoundedOutOfOrderness(Duration.ofMillis(100))
                                .withTimestampAssigner((e, ts) -> e.f1));
        events.keyBy(new KeyOf())
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                .aggregate(new CountAgg(), new WinFn())
                .addSink(new RichSinkFunction<Tuple3<Long, Long, Long>>() {
                    @Override
                    public void invoke(Tuple3<Long, Long, Long> value, Context context) {
                        OUTPUTS.incrementAndGet();
                        SUM_OF_COUNTS.addAndGet(value.f2);
                    }
                })
                .name("verify");
    }

    /** Number of distinct (key, 1-second window) pairs among events i with ts = i ms. */
    public static long expectedWindows(long n, long k) {
        long[] lastWindow = new long[(int) k];
        java.util.Arrays.fill(lastWindow, -1);
        long distinct = 0;
        for (long i = 0; i < n; i++) {
            int key = (int) key(i, k);
            long w = i / 1000;
            if (lastWindow[key] != w) {
                lastWindow[key] = w;
                distinct++;
            }
        }
        return distinct;
    }
}
