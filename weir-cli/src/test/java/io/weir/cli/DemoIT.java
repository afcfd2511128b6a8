package io.weir.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A short {@code weir demo}: one SIGKILL, one user exception, and the exactly-once verdict. It must hold on a loaded
 * machine: the demo's plan starts at the job's first records and waits for its kill and exception to happen, so the only
 * time limit here is the test's timeout.
 */
class DemoIT {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void shortDemoSurvivesItsFailuresAndEndsWithTheExactlyOnceVerdict() {
        long seed = Long.getLong("weir.test.seed", System.nanoTime());
        System.out.println("DemoIT seed " + seed + " (rerun with -Dweir.test.seed=" + seed + ")");

        Cli.Result r = Cli.run("demo", "--duration", "10s", "--kills", "1", "--failures", "1", "--rate", "5000",
                "--seed", Long.toString(seed), "--dir", dir.resolve("demo").toString());
        System.out.println(r.out());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("SIGKILL to the job's JVM", "started a new JVM", "the new JVM restored checkpoint",
                "injected user exception at record",
                "Verdict: EXACTLY ONCE").containsPattern("duplicates\\s+0\\R").containsPattern("missing\\s+0\\R");
        assertThat(r.out().indexOf("the job produced its first records")).as("the plan starts at the first records, before the kill")
                .isGreaterThanOrEqualTo(0).isLessThan(r.out().indexOf("SIGKILL to the job's JVM"));
        assertThat(recordsColumn(r.out())).as("the live line counts records since the demo started, across the kill").isSorted();
    }

    /** The records column of the progress lines (printed every 5 s when stdout is not a terminal), in order. */
    private static List<Long> recordsColumn(String out) {
        Matcher m = Pattern.compile("rec/s \\|\\s+([\\d,]+) records").matcher(out);
        List<Long> values = new java.util.ArrayList<>();
        while (m.find()) {
            values.add(Long.parseLong(m.group(1).replace(",", "")));
        }
        return values;
    }
}
