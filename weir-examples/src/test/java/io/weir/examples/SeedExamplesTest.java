package io.weir.examples;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.MapFunction;
import io.weir.api.restart.RestartStrategies;
import io.weir.api.tuple.Tuple3;
import io.weir.testing.ExactlyOnceVerifier;
import io.weir.testing.FaultInjector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Each of the seed's examples, with a failure injected, and the outcome it promises. */
class SeedExamplesTest {
    @TempDir
    Path dir;

    private StreamExecutionEnvironment env(int parallelism) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.enableCheckpointing(20);
        env.getCheckpointConfig().setCheckpointStorage(dir.resolve("checkpoints").toUri().toString());
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, 0));
        return env;
    }

    @Test
    void checkpointExampleCountsEveryReadingExactlyOnceDespiteFailures() throws Exception {
        // (sensor, count so far) is order-independent: each sensor's counts are 1..n whatever the interleaving
        ExactlyOnceVerifier.Outcome<io.weir.api.tuple.Tuple2<Integer, Long>> o = ExactlyOnceVerifier.run(() -> env(2),
                (env, injector, sink) -> CheckpointExample.build(env, 50_000, new InjectLong(injector))
                        .map((Tuple3<Integer, Long, Long> t) -> io.weir.api.tuple.Tuple2.of(t.f0, t.f1)).addSink(sink),
                FaultInjector.of(42, 2, 10_000));
        assertThat(o.restarts()).isGreaterThanOrEqualTo(1);
        o.assertExactlyOnce();
    }

    @Test
    void failureRecoveryExampleClosesItsFileOnFailureAndLosesNoLine() throws Exception {
        FailureRecoveryExample.OPEN_WRITERS.set(0);
        StreamExecutionEnvironment env = env(2);
        String out = dir.resolve("lines").toString();
        env.fromSequence(1, 20_000).map(new InjectLong(FaultInjector.of(7, 1, 5_000)))
                .map(i -> "line " + i).addSink(new FailureRecoveryExample(out));
        assertThat(env.execute("failure recovery").getRestarts()).isEqualTo(1);
        assertThat(FailureRecoveryExample.OPEN_WRITERS).as("every writer opened was closed, also in the failed attempt").hasValue(0);
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir).filter(p -> p.getFileName().toString().startsWith("lines-"))) {
            for (Path p : (Iterable<Path>) files::iterator) {
                lines.addAll(Files.readAllLines(p));
            }
        }
        for (int i = 1; i <= 20_000; i++) {
            assertThat(lines).as("at-least-once: line %d is there", i).contains("line " + i);
        }
    }

    @Test
    void faultToleranceExampleNumbersEveryLineExactlyOnceDespiteFailures() throws Exception {
        ExactlyOnceVerifier.Outcome<String> o = ExactlyOnceVerifier.run(() -> env(1),
                (env, injector, sink) -> env.fromSequence(1, 30_000).map(new InjectLong(injector)).map(i -> "line " + i)
                        .map(new FaultToleranceExample()).addSink(sink),
                FaultInjector.of(3, 2, 20_000));
        assertThat(o.restarts()).isGreaterThanOrEqualTo(1);
        o.assertExactlyOnce();
        assertThat(o.actual()).contains("1: line 1", "30000: line 30000");
    }

    /** The fault injector on a Long stream, with its rich-function lifecycle. */
    static final class InjectLong extends io.weir.api.functions.RichMapFunction<Long, Long> implements MapFunction<Long, Long> {
        private final FaultInjector<Object> injector;

        @SuppressWarnings("unchecked")
        InjectLong(FaultInjector<?> injector) {
            this.injector = (FaultInjector<Object>) injector;
        }

        @Override
        public void open(io.weir.api.configuration.Configuration parameters) {
            injector.setRuntimeContext(getRuntimeContext());
            injector.open(parameters);
        }

        @Override
        public Long map(Long value) {
            return (Long) injector.map(value);
        }
    }
}
