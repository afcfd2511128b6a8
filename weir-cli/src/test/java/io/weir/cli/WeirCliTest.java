package io.weir.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The command's surface: help, version, usage errors as one line with exit code 2. */
class WeirCliTest {

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        Cli.Result r = Cli.run("--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("run", "demo", "checkpoints", "bench", "--verbose", "Exit codes:");
        assertThat(r.out()).containsPattern("(?m)^\\s+0\\s+ok").containsPattern("(?m)^\\s+1\\s+the job failed")
                .containsPattern("(?m)^\\s+2\\s+usage error").containsPattern("(?m)^\\s+3\\s+weir demo")
                .containsPattern("(?m)^\\s+4\\s+other error");
        assertThat(r.err()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "demo", "checkpoints", "checkpoints list", "checkpoints inspect", "bench"})
    void everyCommandHasHelpWithTheExitCodes(String command) {
        String[] args = (command + " --help").split(" ");

        Cli.Result r = Cli.run(args);

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: weir " + command).contains("Exit codes:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "run --version", "checkpoints list --version"})
    void versionIsAvailableEverywhere(String command) {
        Cli.Result r = Cli.run(command.split(" "));

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("weir ").doesNotContain("${");
    }

    @Test
    void whenNoCommandIsGiven_thenUsageErrorInOneLine() {
        Cli.Result r = Cli.run();

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines()).isOne();
        assertThat(r.err()).startsWith("weir: Missing command");
    }

    @Test
    void whenCommandIsUnknown_thenItIsNamedWithTheKnownOnes() {
        Cli.Result r = Cli.run("runn");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines()).isOne();
        assertThat(r.err()).contains("Unknown command 'runn'", "run, demo, checkpoints, bench");
    }

    @Test
    void whenOptionIsUnknown_thenUsageError() {
        Cli.Result r = Cli.run("run", "--parallelizm", "2", "-c", "x");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines()).isOne();
        assertThat(r.err()).startsWith("weir run: Unknown option: '--parallelizm'").contains("weir run --help");
    }

    @Test
    void whenCheckpointsHasNoSubcommand_thenUsageError() {
        Cli.Result r = Cli.run("checkpoints");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("weir checkpoints: Missing command");
    }

    @Test
    void whenBenchmarksAreNotOnTheClassPath_thenOneClearLineAndExitCode4() {
        assumeTrue(!onClassPath(BenchCommand.BENCH_CLASS), "weir-bench is on the class path");

        Cli.Result r = Cli.run("bench", "W1");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(r.errLines()).isOne();
        assertThat(r.err()).contains("io.weir.bench.WeirBench not found");
    }

    @Test
    void oneLineJoinsCausesThatTheMessageDoesNotNameAlready() {
        Exception e = new IllegalStateException("outer\nsecond line", new java.io.IOException("disk full"));

        assertThat(WeirCli.oneLine(e)).isEqualTo("IllegalStateException: outer second line; caused by IOException: disk full");
    }

    private static boolean onClassPath(String name) {
        try {
            Class.forName(name);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
