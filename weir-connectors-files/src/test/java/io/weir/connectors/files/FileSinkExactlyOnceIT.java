package io.weir.connectors.files;

import io.weir.testing.PacedSource;
import io.weir.api.checkpoint.CheckpointedFunction;
import io.weir.api.connector.source.lib.NumberSequenceSource;
import io.weir.api.checkpoint.FunctionInitializationContext;
import io.weir.api.checkpoint.FunctionSnapshotContext;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.CheckpointingMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobExecutionResult;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.restart.RestartStrategies;
import io.weir.api.state.CheckpointListener;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real jobs writing a known sequence (the bounded number sequence of {@code fromSequence}, paced by
 * checkpoints) through the file sink, with one failure injected in a map; every number must be in
 * the committed files exactly once, and no in-progress file may be left behind.
 */
class FileSinkExactlyOnceIT {
    static final long N = 2_000_000;
    static final AtomicBoolean FAILED = new AtomicBoolean();
    static final AtomicLong SEEN = new AtomicLong();
    static volatile String failureNote;

    @TempDir
    Path checkpoints;

    @TempDir
    Path out;

    enum FailureTiming {
        /**
         * At the 300th element, or at the first barrier a map subtask sees if that comes earlier:
         * no map subtask ever acknowledges a checkpoint in the first attempt, so nothing is restored.
         */
        BEFORE_FIRST_CHECKPOINT,
        /** At the first element after the map's subtask was told of three completed checkpoints. */
        AFTER_THREE_CHECKPOINTS,
        /**
         * In the map's notification of the third completed checkpoint. The map is chained in front of
         * the sink, so the sink of that subtask never hears of the completion: its transaction is
         * committed only by the restored sink ({@code recoverAndCommit}).
         */
        IN_THIRD_COMMIT_NOTIFICATION
    }

    /** Identity map that throws once, at a point chosen by {@link FailureTiming}. */
    static final class FailOnce extends RichMapFunction<Long, Long> implements CheckpointedFunction, CheckpointListener {
        private final FailureTiming timing;
        private transient int completed;

        FailOnce(FailureTiming timing) {
            this.timing = timing;
        }

        @Override
        public Long map(Long value) {
            long seen = SEEN.incrementAndGet();
            boolean due = timing == FailureTiming.BEFORE_FIRST_CHECKPOINT ? seen >= 300
                    : timing == FailureTiming.AFTER_THREE_CHECKPOINTS && completed >= 3;
            if (due && FAILED.compareAndSet(false, true)) {
                failureNote = "failed at element " + value + " after " + completed + " completed checkpoint(s)";
                throw new IllegalStateException("injected failure at element " + value);
            }
            return value;
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {
            if (timing == FailureTiming.BEFORE_FIRST_CHECKPOINT && FAILED.compareAndSet(false, true)) {
                failureNote = "failed at the barrier of checkpoint " + context.getCheckpointId() + ", before element 300";
                throw new IllegalStateException("injected failure at checkpoint " + context.getCheckpointId());
            }
        }

        @Override
        public void initializeState(FunctionInitializationContext context) {}

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            completed++;
            if (timing == FailureTiming.IN_THIRD_COMMIT_NOTIFICATION && completed == 3 && FAILED.compareAndSet(false, true)) {
                failureNote = "failed in the notification of checkpoint " + checkpointId;
                throw new IllegalStateException("injected failure in the notification of checkpoint " + checkpointId);
            }
        }
    }

    static Stream<Arguments> jobs() {
        return Stream.of(
                Arguments.of(1, FailureTiming.BEFORE_FIRST_CHECKPOINT, false),
                Arguments.of(1, FailureTiming.AFTER_THREE_CHECKPOINTS, false),
                Arguments.of(2, FailureTiming.BEFORE_FIRST_CHECKPOINT, false),
                Arguments.of(2, FailureTiming.AFTER_THREE_CHECKPOINTS, false),
                Arguments.of(2, FailureTiming.AFTER_THREE_CHECKPOINTS, true),
                Arguments.of(1, FailureTiming.IN_THIRD_COMMIT_NOTIFICATION, false),
                Arguments.of(2, FailureTiming.IN_THIRD_COMMIT_NOTIFICATION, true));
    }

    @ParameterizedTest(name = "parallelism {0}, failure {1}, map and sink behind rebalance: {2}")
    @MethodSource("jobs")
    void shouldCommitEveryElementExactlyOnceDespiteAFailure(int parallelism, FailureTiming timing, boolean rebalance) throws Exception {
        FAILED.set(false);
        SEEN.set(0);
        failureNote = null;
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.enableCheckpointing(50, CheckpointingMode.EXACTLY_ONCE);
        env.getCheckpointConfig().setCheckpointStorage(checkpoints.toUri().toString());
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, 0));
        // about eight checkpoints per attempt: the input cannot end before the third completes
        long perCheckpoint = N / parallelism / 8;
        DataStream<Long> numbers = env.fromSource(new PacedSource<>(new NumberSequenceSource(0, N - 1), perCheckpoint), "paced sequence");
        if (rebalance) {
            numbers = numbers.rebalance();
        }
        // the failing map is always chained in front of the sink
        numbers.map(new FailOnce(timing)).addSink(FileSink.forRowFormat(out, new SimpleStringEncoder<Long>())
                .withBucketAssigner((v, ctx) -> "b" + (v % 3))
                .withRollingPolicy(256 * 1024, 60_000)
                .build()).name("file sink");

        JobClient client = env.executeAsync("file sink exactly once");
        JobExecutionResult result = client.getJobExecutionResult().get();

        assertThat(FAILED).as("the injected failure happened (input too short for the timing?)").isTrue();
        assertThat(result.getRestarts()).isEqualTo(1);
        long restored = client.getFailureHistory().get(0).restoredCheckpointId();
        System.out.println("parallelism " + parallelism + ", " + timing + ", rebalance " + rebalance + ": " + failureNote
                + "; restored checkpoint " + restored + "; " + client.getCheckpointStatistics().size() + " checkpoints");
        if (timing == FailureTiming.BEFORE_FIRST_CHECKPOINT) {
            assertThat(restored).as("restored checkpoint").isEqualTo(-1);
        } else {
            assertThat(restored).as("restored checkpoint").isGreaterThanOrEqualTo(3);
        }
        assertEachNumberCommittedOnce(out, N);
        assertThat(hiddenFiles(out)).as("in-progress files left behind").isEmpty();
    }

    static void assertEachNumberCommittedOnce(Path dir, long n) throws IOException {
        int[] counts = new int[(int) n];
        List<String> unexpected = new ArrayList<>();
        for (Path file : committedFiles(dir)) {
            assertThat(file.getFileName().toString()).matches("part-\\d+-\\d+");
            try (Stream<String> lines = Files.lines(file)) {
                lines.forEach(line -> {
                    long v = Long.parseLong(line);
                    if (v < 0 || v >= n) {
                        unexpected.add(line);
                    } else {
                        counts[(int) v]++;
                    }
                });
            }
        }
        assertThat(unexpected).as("numbers outside the sequence").isEmpty();
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < counts.length && wrong.size() < 20; i++) {
            if (counts[i] != 1) {
                wrong.add(i + " x" + counts[i]);
            }
        }
        assertThat(wrong).as("numbers not committed exactly once (first 20)").isEmpty();
    }

    static List<Path> committedFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).toList();
        }
    }

    static List<Path> hiddenFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            // the sink's commit records (.weir-commit-<subtask>) stay by design; anything else hidden is a leftover
            return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().matches("\\.weir-commit-\\d+")).toList();
        }
    }
}
