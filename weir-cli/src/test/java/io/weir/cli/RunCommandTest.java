package io.weir.cli;

import io.weir.api.configuration.ConfigKeys;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.sink.SinkFunction;
import io.weir.api.restart.RestartStrategies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code weir run}: the options reach the job through the context configuration, and failures map to exit codes. */
class RunCommandTest {

    @TempDir
    Path dir;

    @BeforeEach
    void reset() {
        RecordingJob.seen = null;
        RecordingJob.SUM.set(0);
    }

    @Test
    void shouldRunMainClassFromClassPathWithParallelismSettingsAndArguments() {
        Cli.Result r = Cli.run("run", "-c", RecordingJob.class.getName(), "-p", "3", "-D", "pipeline.name=recorded",
                "-Dcustom.key=a=b", "--", "100", "--not-an-option");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(RecordingJob.seen.parallelism).isEqualTo(3);
        assertThat(RecordingJob.seen.jobName).isEqualTo("recorded");
        assertThat(RecordingJob.seen.custom).isEqualTo("a=b");
        assertThat(RecordingJob.seen.args).containsExactly("100", "--not-an-option");
        assertThat(RecordingJob.SUM.get()).as("the job ran: sum of 1..100").isEqualTo(5050);
    }

    @Test
    void shouldPassRestoreLatestAsFlinksKey() {
        Cli.Result r = Cli.run("run", "-s", "latest", "-c", RecordingJob.class.getName(), "-D",
                ConfigKeys.CHECKPOINTING_DIR + "=" + dir, "--", "10");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(RecordingJob.seen.restore).isEqualTo("latest");
    }

    @Test
    void whenRestorePathDoesNotExist_thenUsageError() {
        Cli.Result r = Cli.run("run", "-s", dir.resolve("chk-7").toString(), "-c", RecordingJob.class.getName());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Invalid value for -s", "does not exist");
        assertThat(RecordingJob.seen).as("the job did not start").isNull();
    }

    @Test
    void whenAllowRewindIsGivenWithoutRestore_thenUsageError() {
        Cli.Result r = Cli.run("run", "--allow-rewind", "-c", RecordingJob.class.getName(), "--", "1");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--allow-rewind only applies when resuming");
        assertThat(RecordingJob.seen).as("the job did not start").isNull();
    }

    @Test
    void whenTheRestoreIsRefused_thenExitCode2WithTheReason() {
        Cli.Result r = Cli.run("run", "-c", RefusedRestoreMain.class.getName());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("chk-9 is damaged");
    }

    @Test
    void whenTheNamedCheckpointIsDamaged_thenExitCode2NamingTheFile() throws Exception {
        Path chk = Files.createDirectories(dir.resolve("recorded/chk-5"));
        Files.writeString(chk.resolve("_metadata"), "{\"formatVersion\": 1, \"jobN"); // truncated
        Cli.Result r = Cli.run("run", "-s", chk.toString(), "-c", RecordingJob.class.getName(), "--", "10");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains(chk.resolve("_metadata").toString());
        assertThat(Files.exists(chk.resolve("_metadata"))).as("the checkpoint is left as it was").isTrue();
    }

    @Test
    void shouldClearTheContextConfigurationAfterTheRun() {
        Cli.run("run", "-c", RecordingJob.class.getName(), "-p", "3", "--", "1");

        assertThat(StreamExecutionEnvironment.getExecutionEnvironment().getConfiguration().containsKey(ConfigKeys.PARALLELISM_DEFAULT))
                .isFalse();
    }

    @Test
    void whenJobMainThrows_thenExitCode1AndOneLineWithoutStackTrace() {
        Cli.Result r = Cli.run("run", "-c", ThrowingMain.class.getName());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(r.errLines()).isOne();
        assertThat(r.err()).startsWith("weir run: The job's main (" + ThrowingMain.class.getName() + ") threw IllegalStateException: "
                + "no input configured").doesNotContain("\tat ");
    }

    @Test
    void whenVerbose_thenTheStackTraceFollows() {
        Cli.Result r = Cli.run("run", "--verbose", "-c", ThrowingMain.class.getName());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(r.err()).contains("no input configured", "\tat " + ThrowingMain.class.getName() + ".main");
    }

    @Test
    void whenJobFailsForGood_thenExitCode1NamingTheOperatorAndTheUserException() {
        Cli.Result r = Cli.run("run", "-c", FailingJob.class.getName());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(r.errLines()).isOne();
        assertThat(r.err()).contains("failing-job", "failed after 0 restart(s)", "record 7 is poison");
    }

    @Test
    void whenMainClassIsMissing_thenUsageError() {
        Cli.Result r = Cli.run("run", "-c", "io.weir.NoSuchJob");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Cannot find the main class 'io.weir.NoSuchJob'");
    }

    @Test
    void whenClassHasNoMain_thenUsageError() {
        Cli.Result r = Cli.run("run", "-c", RunCommandTest.class.getName());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("has no 'public static void main(String[] args)'");
    }

    @Test
    void whenNothingToRun_thenUsageError() {
        Cli.Result r = Cli.run("run", "-p", "2");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Nothing to run");
    }

    @Test
    void whenJarDoesNotExist_thenUsageError() {
        Cli.Result r = Cli.run("run", dir.resolve("missing.jar").toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("missing.jar: no such file");
    }

    @Test
    void whenJobArgumentsAreNotAfterDoubleDash_thenUsageError() {
        Cli.Result r = Cli.run("run", "-c", RecordingJob.class.getName(), "job.jar", "extra");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Unexpected argument 'extra'", "after '--'");
    }

    @Test
    void whenParallelismIsNotPositive_thenUsageError() {
        Cli.Result r = Cli.run("run", "-p", "0", "-c", RecordingJob.class.getName());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("-p: 0");
    }

    @Test
    void whenDashDValueDoesNotParse_thenUsageErrorNamingKeyAndValueBeforeTheJobBuilds() {
        Cli.Result r = Cli.run("run", "-D", ConfigKeys.CHECKPOINTING_INTERVAL + "=abc", "-c", RecordingJob.class.getName(), "--", "10");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines()).isOne();
        assertThat(r.err()).startsWith("weir run: Invalid configuration: '" + ConfigKeys.CHECKPOINTING_INTERVAL + "' = 'abc'")
                .contains("a duration such as").doesNotContain("\tat ");
        assertThat(RecordingJob.seen).as("getExecutionEnvironment() threw before the job was built").isNull();
    }

    @Test
    void whenDashDValueIsOutOfRange_thenUsageErrorFromExecute() {
        Cli.Result r = Cli.run("run", "-D", ConfigKeys.PARALLELISM_DEFAULT + "=-3", "-c", RecordingJob.class.getName(), "--", "10");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines()).isOne();
        assertThat(r.err()).contains(ConfigKeys.PARALLELISM_DEFAULT, "-3", "at least 1");
        assertThat(RecordingJob.seen).as("the main ran up to execute()").isNotNull();
        assertThat(RecordingJob.SUM.get()).as("nothing ran").isZero();
    }

    @Test
    void whenTheJobWrapsTheConfigurationError_thenStillUsageErrorWithTheConfigurationMessage() {
        Cli.Result r = Cli.run("run", "-D", ConfigKeys.CHECKPOINTING_MODE + "=SOMETIMES", "-c", WrappingMain.class.getName());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines()).isOne();
        assertThat(r.err()).contains("'" + ConfigKeys.CHECKPOINTING_MODE + "' = 'SOMETIMES'", "EXACTLY_ONCE").doesNotContain("setup failed");
    }

    @Test
    void whenDashDHasNoEquals_thenOneClearLine() {
        Cli.Result r = Cli.run("run", "-D", "foo", "-c", RecordingJob.class.getName());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines()).isOne();
        assertThat(r.err()).startsWith("weir run: Invalid -D setting 'foo': give -D key=value").doesNotContain("option option");
        assertThat(RecordingJob.seen).isNull();
    }

    @Test
    void whenRestoreFolderHoldsNoCheckpoint_thenUsageErrorNamingItAndTheListCommand() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("not-a-checkpoint"));
        Files.writeString(empty.resolve("notes.txt"), "x");
        Path incomplete = Files.createDirectories(dir.resolve("job/chk-4"));

        Cli.Result r = Cli.run("run", "-s", empty.toString(), "-c", RecordingJob.class.getName(), "--", "1");
        Cli.Result chk = Cli.run("run", "-s", incomplete.toString(), "-c", RecordingJob.class.getName(), "--", "1");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines()).isOne();
        assertThat(r.err()).contains(empty.toString(), "holds no checkpoint", "weir checkpoints list");
        assertThat(chk.exitCode()).as("a chk-N folder without _metadata never completed").isEqualTo(ExitCodes.USAGE);
        assertThat(chk.err()).contains(incomplete.toString(), "holds no checkpoint");
        assertThat(RecordingJob.seen).as("the job did not start").isNull();
    }

    @Test
    void whenFreshIsGivenWithRestore_thenUsageError() {
        Cli.Result r = Cli.run("run", "--fresh", "-s", "latest", "-c", RecordingJob.class.getName(), "--", "1");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--fresh", "-s", "give one of them");
        assertThat(RecordingJob.seen).isNull();
    }

    @Test
    void whenAnEngineKeyIsMistyped_thenTheRunWarnsWithTheNearestKey() {
        Cli.Logged l = Cli.runLogged("run", "-D", "execution.checkpointing.dirr=" + dir, "-c", RecordingJob.class.getName(), "--", "10");

        assertThat(l.result().exitCode()).as(l.result().err()).isZero();
        assertThat(l.log()).contains("Unknown configuration key 'execution.checkpointing.dirr' (ignored); did you mean "
                + "'execution.checkpointing.dir'?");
    }

    @Test
    void whenRestoreIsOmittedWhileTheJobHasCheckpoints_thenWarnsNamingTheNewest_andFreshSilencesIt() throws Exception {
        Path ckpt = dir.resolve("ckpt");
        Path job = ckpt.resolve("recorded");
        completedCheckpoint(job, 3);
        completedCheckpoint(job, 12);
        Files.createDirectories(job.resolve("chk-13")); // incomplete: not named as the newest

        Cli.Logged plain = Cli.runLogged("run", "-c", RecordingJob.class.getName(), "-D", "pipeline.name=recorded",
                "-D", ConfigKeys.CHECKPOINTING_DIR + "=" + ckpt, "-D", ConfigKeys.CHECKPOINTING_INTERVAL + "=1 h", "--", "10");
        completedCheckpoint(job, 12);
        Cli.Logged fresh = Cli.runLogged("run", "--fresh", "-c", RecordingJob.class.getName(), "-D", "pipeline.name=recorded",
                "-D", ConfigKeys.CHECKPOINTING_DIR + "=" + ckpt, "-D", ConfigKeys.CHECKPOINTING_INTERVAL + "=1 h", "--", "10");

        assertThat(plain.result().exitCode()).as(plain.result().err()).isZero();
        assertThat(plain.log()).contains("WARN", "Job 'recorded' starts from scratch", job.toString(), "the newest is chk-12",
                "add -s latest", "--fresh");
        assertThat(fresh.result().exitCode()).as(fresh.result().err()).isZero();
        assertThat(fresh.log()).doesNotContain("starts from scratch although");
    }

    @Test
    void whenRestoreLatestFindsOnlyOtherJobsCheckpoints_thenWarnsNamingThem() throws Exception {
        Path ckpt = dir.resolve("ckpt");
        completedCheckpoint(ckpt.resolve("old%20name"), 5);

        Cli.Logged l = Cli.runLogged("run", "-s", "latest", "-c", RecordingJob.class.getName(), "-D", "pipeline.name=new name",
                "-D", ConfigKeys.CHECKPOINTING_DIR + "=" + ckpt, "--", "10");

        assertThat(l.result().exitCode()).as(l.result().err()).isZero();
        assertThat(l.log()).contains("WARN", "Job 'new name' has no completed checkpoint", "another job: 'old name' ("
                + ckpt.resolve("old%20name") + ")", "renamed");
        assertThat(RecordingJob.SUM.get()).as("it started from scratch").isEqualTo(55);
    }

    /** A checkpoint folder with a {@code _metadata} file: enough for the launch warnings, which read no metadata. */
    private static void completedCheckpoint(Path jobFolder, long id) throws Exception {
        Path chk = Files.createDirectories(jobFolder.resolve("chk-" + id));
        Files.writeString(chk.resolve("_metadata"), "{}");
    }

    @Test
    void shouldRunTheManifestMainClassOfAJarInItsOwnClassLoader() throws Exception {
        Path jar = jobJar("jarjob.JarJob", true);

        Cli.Result r = Cli.run("run", "-p", "2", jar.toString(), "--", "hello");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(System.getProperty("weir.cli.test.jarjob")).isEqualTo("parallelism=2 arg=hello loader=URLClassLoader");
    }

    @Test
    void shouldRunTheClassGivenWithMinusCFromAJarWithoutManifest() throws Exception {
        Path jar = jobJar("jarjob.JarJob", false);

        Cli.Result withoutClass = Cli.run("run", jar.toString());
        Cli.Result r = Cli.run("run", "-c", "jarjob.JarJob", jar.toString(), "--", "x");

        assertThat(withoutClass.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(withoutClass.err()).contains("names no Main-Class", "-c CLASS");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(System.getProperty("weir.cli.test.jarjob")).startsWith("parallelism=");
    }

    /** Compiles a small job into a jar that is not on the test class path. */
    private Path jobJar(String className, boolean withManifest) throws Exception {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        String pkg = className.substring(0, className.lastIndexOf('.'));
        Path src = dir.resolve("src").resolve(pkg.replace('.', '/')).resolve(simple + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package " + pkg + ";\n"
                + "public class " + simple + " {\n"
                + "  public static void main(String[] args) throws Exception {\n"
                + "    io.weir.api.environment.StreamExecutionEnvironment env = io.weir.api.environment.StreamExecutionEnvironment.getExecutionEnvironment();\n"
                + "    env.fromSequence(1, 10).map(x -> x + 1).addSink(new io.weir.api.functions.sink.DiscardingSink<>());\n"
                + "    env.execute(\"jar job\");\n"
                + "    System.setProperty(\"weir.cli.test.jarjob\", \"parallelism=\" + env.getParallelism() + \" arg=\" + args[0]\n"
                + "        + \" loader=\" + " + simple + ".class.getClassLoader().getClass().getSimpleName());\n"
                + "  }\n"
                + "}\n");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"), src.toString());
        assertThat(rc).as("javac").isZero();
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (withManifest) {
            mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, className);
        }
        Path jar = dir.resolve(simple + (withManifest ? "" : "-nomanifest") + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf);
                var files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, (OutputStream) out);
                out.closeEntry();
            }
        }
        return jar;
    }

    /** What {@link RecordingJob} saw of its environment. */
    static final class Seen {
        int parallelism;
        String jobName;
        String custom;
        String restore;
        List<String> args;
    }

    /** Records its environment, then sums 1..args[0] in a real job. */
    public static final class RecordingJob {
        static volatile Seen seen;
        static final AtomicLong SUM = new AtomicLong();

        public static void main(String[] args) throws Exception {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            Seen s = new Seen();
            s.parallelism = env.getParallelism();
            s.jobName = env.getConfiguration().getString(ConfigKeys.PIPELINE_NAME, null);
            s.custom = env.getConfiguration().getString("custom.key", null);
            s.restore = env.getConfiguration().getString(ConfigKeys.CHECKPOINTING_RESTORE, null);
            s.args = Collections.unmodifiableList(new ArrayList<>(List.of(args)));
            seen = s;
            env.fromSequence(1, Long.parseLong(args[0])).addSink(new SinkFunction<Long>() {
                @Override
                public void invoke(Long value, Context context) {
                    SUM.addAndGet(value);
                }
            });
            env.execute();
        }
    }

    /** A main that fails before it builds a job. */
    /** A job main whose execute() refused the checkpoint to resume from. */
    public static final class RefusedRestoreMain {
        public static void main(String[] args) {
            throw new io.weir.api.execution.RestoreRefusedException("Cannot resume job 'x' from its latest checkpoint: chk-9 is damaged.");
        }
    }

    /** A job main that wraps whatever building the environment throws in its own exception. */
    public static final class WrappingMain {
        public static void main(String[] args) {
            try {
                StreamExecutionEnvironment.getExecutionEnvironment();
            } catch (RuntimeException e) {
                throw new IllegalStateException("setup failed", e);
            }
        }
    }

    public static final class ThrowingMain {
        public static void main(String[] args) {
            throw new IllegalStateException("no input configured");
        }
    }

    /** A job whose map throws at one record, with no restarts. */
    public static final class FailingJob {
        public static void main(String[] args) throws Exception {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(1);
            env.setRestartStrategy(RestartStrategies.noRestart());
            env.fromSequence(1, 10).map(x -> {
                if (x == 7) {
                    throw new IllegalArgumentException("record 7 is poison");
                }
                return x;
            }).addSink(new io.weir.api.functions.sink.DiscardingSink<>());
            env.execute("failing-job");
        }
    }
}
