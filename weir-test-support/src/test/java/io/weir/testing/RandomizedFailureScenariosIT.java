package io.weir.testing;

import io.weir.api.configuration.Configuration;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.CheckpointingMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.restart.RestartStrategies;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.util.Collector;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Randomized failure scenarios over several topologies and both checkpointing modes: each job
 * runs once without and once with seeded injected failures, and what its exactly-once sink
 * committed is compared. EXACTLY_ONCE must give exactly the failure-free output; AT_LEAST_ONCE
 * must lose nothing. Rerun one scenario with -Dweir.test.seed=N (the base seed is printed).
 */
class RandomizedFailureScenariosIT {
    private static final long BASE_SEED = Long.getLong("weir.test.seed", new Random().nextLong());
    private static final int SEEDS_PER_CASE = 7;
    private static final long N = 20_000;
    private static final long KEYS = 37;

    @TempDir
    static Path checkpoints;

    enum Topology { KEYED_AGGREGATION, UNION_OF_TWO_SOURCES, REBALANCE, CHAIN_OF_KEYED_OPERATORS }

    static Stream<Arguments> scenarios() {
        System.out.println("RandomizedFailureScenariosIT base seed " + BASE_SEED + " (rerun with -Dweir.test.seed=" + BASE_SEED + ")");
        Random r = new Random(BASE_SEED);
        Stream.Builder<Arguments> b = Stream.builder();
        for (Topology t : Topology.values()) {
            for (CheckpointingMode m : CheckpointingMode.values()) {
                for (int i = 0; i < SEEDS_PER_CASE; i++) {
                    b.add(Arguments.of(t, m, r.nextLong(), 1 + r.nextInt(3)));
                }
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} {1} seed={2} failures={3}")
    @MethodSource("scenarios")
    void resultsUnderFailuresMatchTheFailureFreeRun(Topology topology, CheckpointingMode mode, long seed, int failures) throws Exception {
        int parallelism = 1 + (int) Math.floorMod(seed, 3L);
        ExactlyOnceVerifier.Outcome<Tuple2<Long, Long>> outcome = ExactlyOnceVerifier.run(() -> {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
            env.enableCheckpointing(10, mode);
            env.getCheckpointConfig().setCheckpointStorage(checkpoints.resolve(topology + "-" + seed).toUri().toString());
            env.setRestartStrategy(RestartStrategies.fixedDelayRestart(failures + 1, 0));
            return env;
        }, (env, injector, sink) -> build(topology, env, injector).addSink(sink), FaultInjector.of(seed, failures, N / parallelism / 2));
        System.out.println(topology + " " + mode + " seed " + seed + " p=" + parallelism + ": " + outcome.restarts() + " restarts, "
                + outcome.actual().size() + " outputs");
        assertThat(outcome.expected()).isNotEmpty();
        assertThat(outcome.restarts()).as("the first injected failure always happens").isGreaterThanOrEqualTo(1);
        if (mode == CheckpointingMode.EXACTLY_ONCE) {
            outcome.assertExactlyOnce();
        } else if (topology == Topology.KEYED_AGGREGATION || topology == Topology.UNION_OF_TWO_SOURCES) {
            assertCountsAtLeast(outcome);
        } else {
            outcome.assertAtLeastOnce();
        }
    }

    /** At-least-once with final counts: every key is there, with at least its true count. */
    private static void assertCountsAtLeast(ExactlyOnceVerifier.Outcome<Tuple2<Long, Long>> o) {
        Map<Long, Long> actual = new HashMap<>();
        for (Tuple2<Long, Long> t : o.actual()) {
            actual.merge(t.f0, t.f1, Math::max);
        }
        for (Tuple2<Long, Long> t : o.expected()) {
            assertThat(actual.get(t.f0)).as("count of key " + t.f0 + " (seed " + o.seed() + ")").isNotNull().isGreaterThanOrEqualTo(t.f1);
        }
    }

    private static DataStream<Tuple2<Long, Long>> build(Topology t, StreamExecutionEnvironment env, FaultInjector<Object> injector) {
        switch (t) {
            case KEYED_AGGREGATION:
                return env.fromSequence(0, N - 1).map(new Inject(injector)).map(i -> Tuple2.of(i % KEYS, 1L))
                        .keyBy(x -> x.f0).process(new FinalCount());
            case UNION_OF_TWO_SOURCES: {
                DataStream<Long> a = env.fromSequence(0, N / 2 - 1);
                DataStream<Long> b = env.fromSequence(N / 2, N - 1);
                return a.union(b).map(new Inject(injector)).map(i -> Tuple2.of(i % KEYS, 1L)).keyBy(x -> x.f0).process(new FinalCount());
            }
            case REBALANCE:
                return env.fromSequence(0, N - 1).rebalance().map(new Inject(injector)).map(i -> Tuple2.of(i, i * 3));
            case CHAIN_OF_KEYED_OPERATORS:
                return env.fromSequence(0, N - 1).map(new Inject(injector)).map(i -> Tuple2.of(i % KEYS, i))
                        .keyBy(x -> x.f0).map(new SequencePerKey())
                        .map(x -> Tuple2.of((x.f0 * 7 + x.f1) % 11, x.f1))
                        .keyBy(x -> x.f0).map(new SequencePerKey());
            default:
                throw new IllegalArgumentException(t.toString());
        }
    }

    /** Calls the injector (a rich function) with its lifecycle, typed for Long streams. */
    static final class Inject extends RichMapFunction<Long, Long> {
        private final FaultInjector<Object> injector;

        Inject(FaultInjector<Object> injector) {
            this.injector = injector;
        }

        @Override
        public void open(Configuration parameters) {
            injector.setRuntimeContext(getRuntimeContext());
            injector.open(parameters);
        }

        @Override
        public Long map(Long value) {
            return (Long) injector.map(value);
        }
    }

    /** Counts per key; emits (key, count) once, when the input ends. */
    static final class FinalCount extends KeyedProcessFunction<Long, Tuple2<Long, Long>, Tuple2<Long, Long>> {
        private transient ValueState<Long> count;

        @Override
        public void open(Configuration parameters) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public void processElement(Tuple2<Long, Long> v, Context ctx, Collector<Tuple2<Long, Long>> out) throws Exception {
            Long c = count.value();
            if (c == null) {
                c = 0L;
                ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
            }
            count.update(c + v.f1);
        }

        @Override
        public void onTimer(long ts, OnTimerContext ctx, Collector<Tuple2<Long, Long>> out) throws Exception {
            out.collect(Tuple2.of(ctx.getCurrentKey(), count.value()));
        }
    }

    /** Replaces the value by its 1-based position among the key's records: the multiset is order-independent. */
    static final class SequencePerKey extends RichMapFunction<Tuple2<Long, Long>, Tuple2<Long, Long>> {
        private transient ValueState<Long> seq;

        @Override
        public void open(Configuration parameters) {
            seq = getRuntimeContext().getState(new ValueStateDescriptor<>("seq", Long.class));
        }

        @Override
        public Tuple2<Long, Long> map(Tuple2<Long, Long> v) throws Exception {
            long s = seq.value() == null ? 1 : seq.value() + 1;
            seq.update(s);
            return Tuple2.of(v.f0, s);
        }
    }
}
