package io.weir.testing;

import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.KeyedStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.datastream.AsyncDataStream;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.async.AsyncFunction;
import io.weir.api.functions.async.AsyncRetryStrategies;
import io.weir.api.functions.async.AsyncRetryStrategy;
import io.weir.api.functions.async.ResultFuture;
import io.weir.api.functions.async.RetryPredicates;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;
import io.weir.api.windowing.Time;
import io.weir.api.windowing.TumblingEventTimeWindows;
import io.weir.runtime.simulation.Simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Jobs whose committed output does not depend on the order of interleaving, so any fault-free run is the oracle. */
final class SimulationJobs {
    private SimulationJobs() {}

    /** A map that reuses its output object for every record, as Flink jobs may. */
    static final class ReusingPair extends RichMapFunction<Long, Tuple2<Long, Long>> {
        private final Tuple2<Long, Long> reuse = new Tuple2<>();

        @Override
        public Tuple2<Long, Long> map(Long x) {
            reuse.f0 = x % 7;
            reuse.f1 = x;
            return reuse;
        }
    }

    /** Keyed sums at end of input, after a map that reuses its output tuple. */
    static Simulation<Tuple2<Long, Long>> keyedSum(int parallelism, long events) {
        return Simulation.of("keyed sum p" + parallelism, (env, run) -> {
            CollectingSink<Tuple2<Long, Long>> sink = CollectingSink.forRun(run);
            env.setParallelism(parallelism);
            env.enableCheckpointing(10);
            env.fromSequence(1, events)
                    .map(new ReusingPair())
                    .keyBy(t -> t.f0)
                    .process(new RandomizedFailureScenariosIT.FinalCount())
                    .addSink(sink);
            return sink::committed;
        });
    }

    /** Every record through a stateless map, a union with a second source, and a rebalance: each output exactly once. */
    static Simulation<Long> unionRebalance() {
        return Simulation.of("union + rebalance", (env, run) -> {
            CollectingSink<Long> sink = CollectingSink.forRun(run);
            env.enableCheckpointing(15);
            env.fromSequence(1, 1_000).map(x -> x * 2)
                    .union(env.fromSequence(10_001, 10_600))
                    .rebalance()
                    .map(x -> x + 1)
                    .addSink(sink);
            return sink::committed;
        });
    }

    /**
     * Every record through shuffle (p2 -> p3), rescale (-> p2), a custom partitioner (-> p3) and global (-> p1), each
     * into a stateless map: each output exactly once, whatever subtask the partitioners chose.
     */
    static Simulation<Long> partitioners() {
        return Simulation.of("shuffle + rescale + custom + global", (env, run) -> {
            CollectingSink<Long> sink = CollectingSink.forRun(run);
            env.setParallelism(2);
            env.enableCheckpointing(15);
            env.fromSequence(1, 1_200)
                    .shuffle().map(x -> x * 3).setParallelism(3)
                    .rescale().map(x -> x + 1).setParallelism(2)
                    .partitionCustom((Long key, int partitions) -> (int) (key % partitions), x -> x).map(x -> x * 2).setParallelism(3)
                    .global().map(x -> x - 1).setParallelism(1)
                    .addSink(sink);
            return sink::committed;
        });
    }

    /** Counts per key in tumbling event-time windows (timestamps ascending per source split). */
    static Simulation<Tuple2<Long, Long>> windowedCount() {
        return Simulation.of("tumbling window count", (env, run) -> {
            CollectingSink<Tuple2<Long, Long>> sink = CollectingSink.forRun(run);
            env.enableCheckpointing(10);
            env.fromSequence(0, 1_999)
                    .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofMillis(0))
                            .withTimestampAssigner((x, ts) -> x))
                    .map(x -> Tuple2.of(x % 5, 1L))
                    .keyBy(t -> t.f0)
                    .window(TumblingEventTimeWindows.of(Time.milliseconds(100)))
                    .sum(1)
                    .addSink(sink);
            return sink::committed;
        });
    }

    /** Two disconnected pipelines (two regions: a failure restarts only its own). */
    static Simulation<Tuple2<Long, Long>> twoRegions() {
        return Simulation.of("two regions", (env, run) -> {
            CollectingSink<Tuple2<Long, Long>> sink = CollectingSink.forRun(run);
            env.enableCheckpointing(10);
            env.fromSequence(1, 800).map(new ReusingPair()).keyBy(t -> t.f0).process(new RandomizedFailureScenariosIT.FinalCount()).addSink(sink);
            env.fromSequence(1, 500).map(x -> Tuple2.of(100 + x % 3, x)).keyBy(t -> t.f0).process(new RandomizedFailureScenariosIT.FinalCount()).addSink(sink);
            return sink::committed;
        });
    }

    /** Keyed sums with unaligned checkpoints (barriers overtake queued records, which are stored and replayed). */
    static Simulation<Tuple2<Long, Long>> unaligned() {
        return Simulation.of("unaligned keyed sum", (env, run) -> {
            CollectingSink<Tuple2<Long, Long>> sink = CollectingSink.forRun(run);
            env.enableCheckpointing(10);
            env.getCheckpointConfig().enableUnalignedCheckpoints();
            env.fromSequence(1, 2_000).map(new ReusingPair()).keyBy(t -> t.f0).process(new RandomizedFailureScenariosIT.FinalCount()).addSink(sink);
            return sink::committed;
        });
    }

    /** Keyed sums without restarts: every fault fails the job for good, and it is resumed from its kept checkpoints with -s latest. */
    static Simulation<Tuple2<Long, Long>> noRestarts() {
        return Simulation.of("keyed sum, no restarts", (env, run) -> {
            CollectingSink<Tuple2<Long, Long>> sink = CollectingSink.forRun(run);
            env.enableCheckpointing(10);
            env.setRestartStrategy(io.weir.api.restart.RestartStrategies.noRestart());
            env.fromSequence(1, 2_000).map(new ReusingPair()).keyBy(t -> t.f0).process(new RandomizedFailureScenariosIT.FinalCount()).addSink(sink);
            return sink::committed;
        });
    }

    /**
     * Two inputs: the order/payment join of {@link OrderPaymentJoin} (a KeyedCoProcessFunction with keyed
     * state of both inputs and event-time timeouts), with aligned or unaligned checkpoints.
     */
    static Simulation<String> orderPaymentJoin(int parallelism, boolean unaligned) {
        return Simulation.of("order/payment join p" + parallelism + (unaligned ? " unaligned" : ""), (env, run) -> {
            CollectingSink<String> sink = CollectingSink.forRun(run);
            env.setParallelism(parallelism);
            env.enableCheckpointing(10);
            env.getCheckpointConfig().enableUnalignedCheckpoints(unaligned);
            OrderPaymentJoin.build(env, 600, x -> x).addSink(sink);
            return sink::committed;
        });
    }

    /**
     * The broadcast state pattern: {@link BroadcastRatesJob} (broadcast state written by one input and read by the other,
     * keyed list state of waiting payments drained through applyToKeyedState), with aligned or unaligned checkpoints.
     */
    static Simulation<String> broadcastRates(int parallelism, boolean unaligned) {
        return Simulation.of("broadcast rates p" + parallelism + (unaligned ? " unaligned" : ""), (env, run) -> {
            CollectingSink<String> sink = CollectingSink.forRun(run);
            env.setParallelism(parallelism);
            env.enableCheckpointing(10);
            env.getCheckpointConfig().enableUnalignedCheckpoints(unaligned);
            BroadcastRatesJob.build(env, 700, 0, x -> x).addSink(sink);
            return sink::committed;
        });
    }

    static final long JOIN_LEFT = 600;
    static final long JOIN_RIGHT = 400;

    /**
     * Events (key, timestamp, id) for the join jobs: element i of a side has key i mod 13 and timestamp
     * {@code step * i} (left step 2, right step 3), ascending within each source split, with monotonous
     * watermarks, so no element is late.
     */
    private static DataStream<Tuple3<Long, Long, Long>> joinSide(StreamExecutionEnvironment env, boolean left) {
        long step = left ? 2 : 3;
        return env.fromSequence(0, (left ? JOIN_LEFT : JOIN_RIGHT) - 1).map(i -> Tuple3.of(i % 13, step * i, i))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple3<Long, Long, Long>>forMonotonousTimestamps().withTimestampAssigner((e, ts) -> e.f1));
    }

    /** Interval join of the join sides, between(-40, 60) with an exclusive lower bound: "i-j@timestamp". */
    static DataStream<String> intervalJoinPairs(StreamExecutionEnvironment env) {
        KeyedStream<Tuple3<Long, Long, Long>, Long> right = joinSide(env, false).keyBy(e -> e.f0);
        return joinSide(env, true).keyBy(e -> e.f0).intervalJoin(right)
                .between(Duration.ofMillis(-40), Duration.ofMillis(60)).lowerBoundExclusive()
                .process(new JoinRecoveryIT.IntervalPairs()).uid("interval-join");
    }

    /** Window join of the join sides in tumbling 100 ms windows: "i-j". */
    static DataStream<String> windowJoinPairs(StreamExecutionEnvironment env) {
        return joinSide(env, true).join(joinSide(env, false)).where(e -> e.f0).equalTo(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                .apply((l, r) -> l.f2 + "-" + r.f2);
    }

    /** What {@link #intervalJoinPairs} (interval true) or {@link #windowJoinPairs} must emit, by a nested loop. */
    static List<String> expectedJoinPairs(boolean interval) {
        List<String> out = new ArrayList<>();
        for (long i = 0; i < JOIN_LEFT; i++) {
            for (long j = 0; j < JOIN_RIGHT; j++) {
                long tl = 2 * i;
                long tr = 3 * j;
                if (i % 13 != j % 13) {
                    continue;
                }
                if (interval && tr > tl - 40 && tr <= tl + 60) {
                    out.add(i + "-" + j + "@" + Math.max(tl, tr));
                } else if (!interval && tl / 100 == tr / 100) {
                    out.add(i + "-" + j);
                }
            }
        }
        return out;
    }

    /**
     * Two keyed inputs through an interval join (keyed map state of both sides, event-time cleanup
     * timers, an exclusive lower bound), with aligned or unaligned checkpoints. The sides advance in
     * event time at different rates, so one side's buffers hold many elements at every checkpoint.
     */
    static Simulation<String> intervalJoin(int parallelism, boolean unaligned) {
        return Simulation.of("interval join p" + parallelism + (unaligned ? " unaligned" : ""), (env, run) -> {
            CollectingSink<String> sink = CollectingSink.forRun(run);
            env.setParallelism(parallelism);
            env.enableCheckpointing(10);
            env.getCheckpointConfig().enableUnalignedCheckpoints(unaligned);
            intervalJoinPairs(env).addSink(sink);
            return sink::committed;
        });
    }

    /** A window join (tag, union, keyBy and the keyed window operator) of two inputs, in tumbling event-time windows. */
    static Simulation<String> windowJoin() {
        return Simulation.of("window join", (env, run) -> {
            CollectingSink<String> sink = CollectingSink.forRun(run);
            env.setParallelism(2);
            env.enableCheckpointing(10);
            windowJoinPairs(env).addSink(sink);
            return sink::committed;
        });
    }

    /**
     * A lookup answered on the task thread, so that a run stays deterministic: a third of the requests at once, a
     * third after one failed attempt and a retry (a processing-time timer), a third only by {@code timeout()} (the
     * timeout's timer). Requests are thus in flight across checkpoints and failures, and the answer never depends on
     * which way it came.
     */
    static final class SimulatedLookup implements AsyncFunction<Long, String> {
        private transient Set<Long> failedOnce;

        static String answer(long x) {
            return "v" + x;
        }

        @Override
        public void asyncInvoke(Long x, ResultFuture<String> resultFuture) {
            if (failedOnce == null) {
                failedOnce = new HashSet<>();
            }
            if (x % 3 == 0) {
                resultFuture.complete(List.of(answer(x)));
            } else if (x % 3 == 1) {
                if (failedOnce.add(x)) {
                    resultFuture.completeExceptionally(new java.io.IOException("first attempt of " + x + " fails"));
                } else {
                    resultFuture.complete(List.of(answer(x)));
                }
            } // x % 3 == 2: only the timeout answers
        }

        @Override
        public void timeout(Long x, ResultFuture<String> resultFuture) {
            resultFuture.complete(List.of(answer(x)));
        }
    }

    /**
     * Async I/O with a small capacity (so the operator holds its input back often), retries and timeouts on virtual time:
     * ordered and chained to the source, or unordered behind a rebalance (its own task, reading channels).
     */
    static Simulation<String> asyncLookup(boolean ordered) {
        return Simulation.of("async lookup " + (ordered ? "ordered" : "unordered"), (env, run) -> {
            CollectingSink<String> sink = CollectingSink.forRun(run);
            env.enableCheckpointing(10);
            AsyncRetryStrategy<String> retry = new AsyncRetryStrategies.FixedDelayRetryStrategyBuilder<String>(2, 3)
                    .ifException(RetryPredicates.createExceptionTypePredicate(java.io.IOException.class)).build();
            DataStream<Long> input = env.fromSequence(0, 899);
            DataStream<String> out = ordered
                    ? AsyncDataStream.orderedWaitWithRetry(input, new SimulatedLookup(), 20, TimeUnit.MILLISECONDS, 4, retry)
                    : AsyncDataStream.unorderedWaitWithRetry(input.rebalance(), new SimulatedLookup(), 20, TimeUnit.MILLISECONDS, 3, retry);
            out.addSink(sink);
            return sink::committed;
        });
    }

    /**
     * Count windows (tumbling, and sliding with a count evictor) and a custom trigger with partitioned state
     * ({@link TriggerWindowsJob}): window contents, trigger state and evictor-kept elements under faults.
     */
    static Simulation<String> triggerWindows() {
        return Simulation.of("count windows + custom trigger", (env, run) -> {
            CollectingSink<String> sink = CollectingSink.forRun(run);
            env.setParallelism(2);
            env.enableCheckpointing(10);
            TriggerWindowsJob.build(env, 700, 0, x -> x).addSink(sink);
            return sink::committed;
        });
    }
}
