package io.weir.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code weir demo}'s options and its seeded failure plan (the run itself is {@code DemoIT}). */
class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void durationAcceptsSecondsMinutesAndCombinations() {
        DemoCommand.DurationConverter c = new DemoCommand.DurationConverter();

        assertThat(c.convert("45s")).isEqualTo(Duration.ofSeconds(45));
        assertThat(c.convert("45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(c.convert("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.convert("7500ms")).isEqualTo(Duration.ofMillis(7500));
        assertThatThrownBy(() -> c.convert("soon")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> c.convert("10x")).hasMessageContaining("not a duration");
    }

    @Test
    void whenDurationIsNotADuration_thenUsageError() {
        Cli.Result r = Cli.run("demo", "--duration", "forever");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines()).isOne();
        assertThat(r.err()).contains("--duration", "'forever' is not a duration");
    }

    @Test
    void whenDurationIsTooShort_thenUsageError() {
        Cli.Result r = Cli.run("demo", "--duration", "2s");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("at least 5s");
    }

    @Test
    void whenDirIsNotEmpty_thenUsageErrorAndNothingRuns() throws Exception {
        Files.writeString(dir.resolve("something"), "x");

        Cli.Result r = Cli.run("demo", "--dir", dir.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("is not empty");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void helpDescribesTheVerdictExitCode() {
        Cli.Result r = Cli.run("demo", "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out().replaceAll("\\s+", " ")).contains("--duration", "--seed", "SIGKILL", "exactly once", "3 weir demo");
    }

    @Test
    void planIsDeterministicForASeedAndInsideTheRun() {
        DemoRun.Settings s = new DemoRun.Settings(dir, Duration.ofSeconds(40), 42, 3, 4, 10_000, 64, 2);

        DemoRun.Plan a = DemoRun.Plan.of(s);
        DemoRun.Plan b = DemoRun.Plan.of(s);
        DemoRun.Plan other = DemoRun.Plan.of(new DemoRun.Settings(dir, Duration.ofSeconds(40), 43, 3, 4, 10_000, 64, 2));

        assertThat(a).isEqualTo(b).isNotEqualTo(other);
        assertThat(a.killAtMs()).hasSize(3).isSorted().allMatch(ms -> ms >= 6_000 && ms <= 32_000);
        assertThat(a.failAtIds()).hasSize(4).isSorted().allMatch(id -> id >= 8_000 && id <= 140_000);
    }

    @Test
    void whenTheJobGeneratedNothing_thenTheVerdictSaysNothingRunAndTheExitCodeIsNotZero() throws Exception {
        java.io.StringWriter text = new java.io.StringWriter();
        DemoRun run = new DemoRun(new DemoRun.Settings(dir, Duration.ofSeconds(10), 1, 1, 1, 5_000, 8, 2), new java.io.PrintWriter(text), false);

        int code = run.verdict(0, new DemoRun.Totals(), 0, 121_000);

        assertThat(code).isEqualTo(ExitCodes.ERROR);
        assertThat(text.toString()).contains("Verdict: NOTHING RUN", "no records in 121s").doesNotContain("FAILED", "duplicates");
    }
}
