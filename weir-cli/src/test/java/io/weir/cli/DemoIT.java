package io.weir.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A short {@code weir demo}: one SIGKILL, one user exception, and the exactly-once verdict. */
class DemoIT {

    @TempDir
    Path dir;

    @Test
    void shortDemoSurvivesItsFailuresAndEndsWithTheExactlyOnceVerdict() {
        long seed = Long.getLong("weir.test.seed", System.nanoTime());
        System.out.println("DemoIT seed " + seed + " (rerun with -Dweir.test.seed=" + seed + ")");

        Cli.Result r = Cli.run("demo", "--duration", "10s", "--kills", "1", "--failures", "1", "--rate", "5000",
                "--seed", Long.toString(seed), "--dir", dir.resolve("demo").toString());
        System.out.println(r.out());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("SIGKILL to the job's JVM", "started a new JVM", "injected user exception at record",
                "Verdict: EXACTLY ONCE").containsPattern("duplicates\\s+0\\R").containsPattern("missing\\s+0\\R");
    }
}
