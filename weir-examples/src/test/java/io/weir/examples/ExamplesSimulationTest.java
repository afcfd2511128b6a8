package io.weir.examples;

import io.weir.api.tuple.Tuple3;
import io.weir.connectors.files.FileSink;
import io.weir.connectors.files.SimpleStringEncoder;
import io.weir.runtime.simulation.Simulation;
import io.weir.runtime.simulation.SimulationCampaign;
import io.weir.testing.CollectingSink;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed article's examples and the transactional file sink under the deterministic simulator:
 * task failures, checkpoint-storage errors and process crashes, output compared with a fault-free
 * run. {@code -Dweir.sim.seeds=N} runs more seeds (see weir-test-support/sim-campaign.sh).
 */
class ExamplesSimulationTest {
    private static final int SEEDS = Integer.getInteger("weir.sim.seeds", 30);

    /** CheckpointExample: readings keyed by sensor into running count and max (parallelism 1, so the running values are deterministic). */
    static Simulation<Tuple3<Integer, Long, Long>> checkpointExample() {
        return Simulation.of("CheckpointExample", (env, run) -> {
            CollectingSink<Tuple3<Integer, Long, Long>> sink = CollectingSink.forRun(run);
            env.setParallelism(1);
            env.enableCheckpointing(10);
            CheckpointExample.build(env, 1_500, x -> x).addSink(sink);
            return sink::committed;
        });
    }

    /** FaultToleranceExample: a CheckpointedFunction numbering lines with operator list state. */
    static Simulation<String> faultToleranceExample() {
        return Simulation.of("FaultToleranceExample", (env, run) -> {
            CollectingSink<String> sink = CollectingSink.forRun(run);
            env.setParallelism(1);
            env.enableCheckpointing(10);
            env.fromSequence(1, 5_000).map(i -> "line " + i).rebalance().map(new FaultToleranceExample()).rebalance().addSink(sink);
            return sink::committed;
        });
    }

    /** The transactional file sink: numbers into three buckets, read back from the committed part files. */
    static Simulation<Long> fileSink() {
        return Simulation.of("file sink", (env, run) -> {
            Path out = run.directory().resolve("out");
            env.enableCheckpointing(10);
            env.fromSequence(0, 1_999).rebalance().map(x -> x).addSink(FileSink.forRowFormat(out, new SimpleStringEncoder<Long>())
                    .withBucketAssigner((v, ctx) -> "b" + (v % 3))
                    .build());
            return () -> committedNumbers(out);
        });
    }

    private static List<Long> committedNumbers(Path dir) {
        List<Long> numbers = new ArrayList<>();
        if (!Files.exists(dir)) {
            return numbers;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    numbers.add(Long.parseLong(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return numbers;
    }

    static Stream<Arguments> jobs() {
        return Stream.of(Arguments.of(checkpointExample()), Arguments.of(faultToleranceExample()), Arguments.of(fileSink()));
    }

    @ParameterizedTest
    @MethodSource("jobs")
    void shouldBeExactlyOnceUnderFaults(Simulation<?> sim) {
        SimulationCampaign c = sim.runSeeds(1, SEEDS);
        System.out.println(c.summary());
        assertThat(c.failures()).isEmpty();
        assertThat(c.faults()).as("faults injected").isPositive();
        assertThat(c.recoveries()).as("recoveries").isPositive();
        assertThat(c.checkpoints()).as("checkpoints completed").isGreaterThan(SEEDS);
    }
}
