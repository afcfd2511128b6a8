package io.weir.cli;

import io.weir.api.configuration.ConfigKeys;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.sink.DiscardingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A job that runs out of memory ends its JVM at once with exit code 3 instead of hanging (issue 11, item 5). */
@Timeout(180)
class OutOfMemoryIT {
    @TempDir
    Path dir;

    /** Keeps every record it sees, so a small heap runs out. */
    public static final class HoardingJob {
        static final List<long[]> HOARD = new ArrayList<>();

        public static void main(String[] args) throws Exception {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(1);
            env.enableCheckpointing(50);
            env.fromSequence(0, Long.MAX_VALUE / 4).map(x -> {
                HOARD.add(new long[64]);
                return x;
            }).addSink(new DiscardingSink<>());
            env.execute("hoarding job");
        }
    }

    @Test
    void whenTheJobRunsOutOfMemory_thenTheProcessEndsWithExitCode3() throws Exception {
        JobProcess p = JobProcess.startRun(List.of("-Xmx48m", JobProcess.EXIT_ON_OUT_OF_MEMORY),
                List.of("-c", HoardingJob.class.getName(), "-D", ConfigKeys.CHECKPOINTING_DIR + "=" + dir.resolve("checkpoints")),
                dir.resolve("run.log"), line -> { }, line -> { }).killOnExit();

        assertThat(p.waitFor(150, TimeUnit.SECONDS)).as("the JVM ended by itself; log %s", p.log()).isTrue();
        assertThat(p.exitCode()).as("exit code; log %s", p.log()).isEqualTo(ExitCodes.VERDICT_FAILED);
        assertThat(Files.readString(p.log())).contains("OutOfMemoryError");
    }
}
