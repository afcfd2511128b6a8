package io.weir.cli;

import io.weir.api.environment.CheckpointingMode;
import io.weir.api.environment.ExternalizedCheckpointRetention;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.CheckpointStatistics;
import io.weir.api.execution.JobClient;
import io.weir.api.functions.sink.DiscardingSink;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.util.Collector;
import io.weir.api.configuration.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code weir checkpoints list|inspect} on the checkpoints of a real job, cancelled with its checkpoints retained. */
class CheckpointsCommandTest {

    @TempDir
    static Path base;
    static Path jobDir;

    @BeforeAll
    static void runAJobWithCheckpoints() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(50, CheckpointingMode.EXACTLY_ONCE);
        env.getCheckpointConfig().setCheckpointStorage(base);
        env.getCheckpointConfig().setNumRetainedCheckpoints(2);
        env.getCheckpointConfig().setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        env.fromSequence(0, Long.MAX_VALUE)
                .map(i -> {
                    if (i % 1000 == 0) {
                        Thread.sleep(1);
                    }
                    return i % 10;
                })
                .keyBy(k -> k)
                .process(new KeyedProcessFunction<Long, Long, Long>() {
                    private transient ValueState<Long> count;

                    @Override
                    public void open(Configuration parameters) {
                        count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
                    }

                    @Override
                    public void processElement(Long v, Context ctx, Collector<Long> out) throws Exception {
                        Long c = count.value();
                        count.update(c == null ? 1 : c + 1);
                    }
                })
                .addSink(new DiscardingSink<>());
        JobClient client = env.executeAsync("inspected job");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (completed(client) < 3 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.sleep(5); // polling a condition with a deadline, not a sleep as synchronisation
        }
        client.cancel().get(30, TimeUnit.SECONDS);
        assertThat(completed(client)).as("checkpoints completed before the cancel").isGreaterThanOrEqualTo(3);
        try (Stream<Path> jobs = Files.list(base)) {
            jobDir = jobs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    private static long completed(JobClient client) {
        return client.getCheckpointStatistics().stream().filter(s -> s.status() == CheckpointStatistics.Status.COMPLETED).count();
    }

    @Test
    void listShowsTheRetainedCheckpointsOfTheJob() {
        Cli.Result r = Cli.run("checkpoints", "list", base.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Job \"inspected job\"", "ID", "INTACT");
        assertThat(checkpointRows(r.out())).hasSizeGreaterThanOrEqualTo(2).allMatch(l -> l.matches("\\s*\\d+\\s+\\S+\\s+yes\\s+yes\\s+.*"));
    }

    @Test
    void listAcceptsTheJobFolder() {
        Cli.Result r = Cli.run("checkpoints", "list", jobDir.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Job \"inspected job\" in " + jobDir);
    }

    @Test
    void inspectShowsTheNewestCheckpointOfAJobFolderWithItsSubtasks() {
        Cli.Result r = Cli.run("checkpoints", "inspect", jobDir.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("Checkpoint \\d+ of job \"inspected job\"").contains("complete, intact", "EXACTLY_ONCE",
                "Subtasks:", "KEY GROUPS");
    }

    @Test
    void inspectOfAChkFolderReportsDamageInsteadOfFailing() throws Exception {
        Path chk;
        try (Stream<Path> s = Files.list(jobDir)) {
            chk = s.filter(p -> p.getFileName().toString().startsWith("chk-")).sorted().findFirst().orElseThrow();
        }
        Path damagedCopy = base.resolve("damaged").resolve(jobDir.getFileName()).resolve(chk.getFileName());
        copyTree(chk, damagedCopy);
        Path stateFile;
        try (Stream<Path> s = Files.list(damagedCopy)) {
            stateFile = s.filter(p -> !p.getFileName().toString().startsWith("_")).filter(Files::isRegularFile)
                    .filter(p -> p.toFile().length() > 0).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(stateFile);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(stateFile, bytes);

        Cli.Result intact = Cli.run("checkpoints", "inspect", chk.toString());
        Cli.Result damaged = Cli.run("checkpoints", "inspect", damagedCopy.toString());

        assertThat(intact.exitCode()).isZero();
        assertThat(intact.out()).contains("complete, intact");
        assertThat(damaged.exitCode()).isZero();
        assertThat(damaged.out()).contains("DAMAGED");
    }

    @Test
    void whenNoCheckpointOfAJobIsIntact_thenListStillPrintsAndExitsWithNoIntactCheckpoint(@TempDir Path other) throws Exception {
        Path copy = other.resolve(jobDir.getFileName());
        List<Path> chks;
        try (Stream<Path> s = Files.list(jobDir)) {
            chks = s.filter(p -> p.getFileName().toString().startsWith("chk-")).collect(Collectors.toList());
        }
        for (Path chk : chks) {
            copyTree(chk, copy.resolve(chk.getFileName()));
        }
        Cli.Result beforeDamage = Cli.run("checkpoints", "list", other.toString());
        for (Path chk : chks) {
            Files.delete(copy.resolve(chk.getFileName()).resolve("_metadata").toAbsolutePath());
            Files.writeString(copy.resolve(chk.getFileName()).resolve("_metadata"), "{not json");
        }

        Cli.Result r = Cli.run("checkpoints", "list", other.toString());

        assertThat(beforeDamage.exitCode()).as(beforeDamage.err()).isZero();
        assertThat(r.exitCode()).isEqualTo(ExitCodes.NO_INTACT_CHECKPOINT);
        assertThat(r.out()).contains("Job \"inspected job\"", chks.size() + " checkpoints, 0 intact");
        assertThat(checkpointRows(r.out())).hasSize(chks.size());
        assertThat(r.errLines()).isOne();
        assertThat(r.err()).contains("no intact checkpoint to resume from in " + copy);
    }

    @Test
    void listHelpNamesTheExitCodeForNoIntactCheckpoint() {
        Cli.Result r = Cli.run("checkpoints", "list", "--help");

        assertThat(r.out().replaceAll("\\s+", " ")).contains("Exit code " + ExitCodes.NO_INTACT_CHECKPOINT, "none of them is intact");
    }

    @Test
    void whenPathDoesNotExist_thenUsageErrorInOneLine() {
        Cli.Result list = Cli.run("checkpoints", "list", base.resolve("nope").toString());
        Cli.Result inspect = Cli.run("checkpoints", "inspect", base.resolve("nope").toString());

        assertThat(list.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(list.errLines()).isOne();
        assertThat(list.err()).contains("does not exist");
        assertThat(inspect.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(inspect.errLines()).isOne();
    }

    private static List<String> checkpointRows(String out) {
        return out.lines().filter(l -> l.matches("\\s*\\d+\\s.*")).collect(Collectors.toList());
    }

    private static void copyTree(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Files.copy(p, to.resolve(p.getFileName()));
            }
        }
    }
}
