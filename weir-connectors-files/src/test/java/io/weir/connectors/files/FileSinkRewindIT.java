package io.weir.connectors.files;

import io.weir.testing.PacedSource;
import io.weir.api.configuration.ConfigKeys;
import io.weir.api.configuration.Configuration;
import io.weir.api.connector.source.lib.NumberSequenceSource;
import io.weir.api.environment.CheckpointingMode;
import io.weir.api.environment.ExternalizedCheckpointRetention;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.RestoreRefusedException;
import io.weir.api.restart.RestartStrategies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The file sink's rewind fence on real jobs: a bounded sequence through the sink with every checkpoint retained;
 * then the newest checkpoint's {@code _metadata} is deleted (the reproduction), so that {@code -s latest}
 * falls back to an older checkpoint than the output already committed. That resume must be refused, with the
 * checkpoints and the output untouched; with {@code weir.restore.allow-rewind} it goes on, keeps the parts committed
 * after the restored checkpoint, and loses nothing.
 */
class FileSinkRewindIT {
    static final long N = 200_000;
    static final int PARALLELISM = 2;

    @TempDir
    Path checkpoints;

    @TempDir
    Path out;

    private void runJob(Configuration conf) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(PARALLELISM, conf);
        env.enableCheckpointing(50, CheckpointingMode.EXACTLY_ONCE);
        env.getCheckpointConfig().setCheckpointStorage(checkpoints.toUri().toString());
        env.getCheckpointConfig().setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        env.getCheckpointConfig().setNumRetainedCheckpoints(1000);
        env.setRestartStrategy(RestartStrategies.noRestart());
        // about eight checkpoints, each committing parts of both subtasks
        env.fromSource(new PacedSource<>(new NumberSequenceSource(0, N - 1), N / PARALLELISM / 8), "paced sequence").uid("source")
                .addSink(FileSink.forRowFormat(out, new SimpleStringEncoder<Long>()).build()).uid("file sink").name("file sink");
        env.execute("rewind");
    }

    @Test
    void whenTheNewestCheckpointIsLost_thenResumingFromAnOlderOneIsRefusedUnlessTheRewindIsAllowed() throws Exception {
        runJob(new Configuration());
        Map<Long, Integer> counts = counts(out);
        assertThat(counts).hasSize((int) N).allSatisfy((v, c) -> assertThat(c).as("count of %d", v).isEqualTo(1));
        List<Path> completed = completedCheckpoints();
        assertThat(completed).as("completed checkpoints").hasSizeGreaterThanOrEqualTo(3);
        Path newest = completed.get(completed.size() - 1);
        Files.delete(newest.resolve("_metadata")); // now chk-(newest - 1) is the newest complete one
        List<Path> before = committedParts(out);

        Configuration resume = new Configuration();
        resume.setString(ConfigKeys.CHECKPOINTING_RESTORE, "latest");
        assertThatThrownBy(() -> runJob(resume))
                .satisfies(e -> assertThat(causeOfType(e, RestoreRefusedException.class)).as("a RestoreRefusedException in " + e).isNotNull())
                .satisfies(e -> assertThat(causeOfType(e, RestoreRefusedException.class).getMessage())
                        .contains("refuses to restore checkpoint " + checkpointId(completed.get(completed.size() - 2)))
                        .contains("already committed the output of checkpoint " + checkpointId(newest))
                        .contains("--allow-rewind"));
        assertThat(committedParts(out)).as("committed output after the refusal").isEqualTo(before);
        assertThat(counts(out)).isEqualTo(counts);
        assertThat(completedCheckpoints()).as("checkpoints kept after the refusal").isEqualTo(completed.subList(0, completed.size() - 1));

        resume.setString(ConfigKeys.RESTORE_ALLOW_REWIND, "true");
        runJob(resume);
        Map<Long, Integer> after = counts(out);
        assertThat(after).as("no number lost").hasSize((int) N);
        assertThat(after.values()).as("each number at most twice").allSatisfy(c -> assertThat(c).isBetween(1, 2));
        assertThat(after.values()).as("the accepted duplicates of the lost checkpoint's output").contains(2);
        assertThat(committedParts(out)).as("parts committed before the rewind are kept").containsAll(before);
        try (Stream<Path> s = Files.walk(out)) {
            assertThat(s.filter(p -> p.getFileName().toString().endsWith(".inprogress")).toList()).as("in-progress files left").isEmpty();
        }
    }

    @Test
    void whenAFreshRunWritesIntoTheOutputOfAnEarlierRun_thenItIsNotARewind() throws Exception {
        runJob(new Configuration());
        Path olderCheckpoints = checkpoints;
        checkpoints = Files.createTempDirectory(olderCheckpoints.getParent(), "fresh-checkpoints");
        try {
            runJob(new Configuration()); // a new lineage: its checkpoints restart at 1, below the first run's records
            assertThat(counts(out).values()).as("two runs, each number twice").allSatisfy(c -> assertThat(c).isEqualTo(2));
        } finally {
            deleteTree(checkpoints);
        }
    }

    private List<Path> completedCheckpoints() throws IOException {
        try (Stream<Path> s = Files.walk(checkpoints, 2)) {
            return s.filter(p -> p.getFileName().toString().startsWith("chk-") && Files.exists(p.resolve("_metadata")))
                    .sorted(Comparator.comparingLong(FileSinkRewindIT::checkpointId)).toList();
        }
    }

    private static long checkpointId(Path chk) {
        return Long.parseLong(chk.getFileName().toString().substring("chk-".length()));
    }

    private static List<Path> committedParts(Path dir) throws IOException {
        return FileSinkExactlyOnceIT.committedFiles(dir).stream().sorted().toList();
    }

    private static Map<Long, Integer> counts(Path dir) throws IOException {
        Map<Long, Integer> counts = new TreeMap<>();
        for (Path f : FileSinkExactlyOnceIT.committedFiles(dir)) {
            try (Stream<String> lines = Files.lines(f)) {
                lines.forEach(l -> counts.merge(Long.parseLong(l), 1, Integer::sum));
            }
        }
        return counts;
    }

    private static <T extends Throwable> T causeOfType(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
