package io.weir.cli;

import io.weir.runtime.checkpoint.CheckpointInspector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** {@code weir checkpoints list|inspect}: what is in a checkpoint directory, with every state file verified. */
@Command(name = "checkpoints",
        description = "Lists or inspects checkpoints on disk. Both verify sizes and checksums of the state files they show.",
        subcommands = {CheckpointsCommand.ListCommand.class, CheckpointsCommand.InspectCommand.class})
final class CheckpointsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: give list DIR or inspect PATH");
    }

    @Command(name = "list", description = "One line per checkpoint, newest first: id, trigger time, complete, intact, size.")
    static final class ListCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "The checkpoint directory (execution.checkpointing.dir) or one job folder in it.")
        Path dir;

        @Override
        public Integer call() {
            return print(spec, CheckpointInspector::list, dir);
        }
    }

    @Command(name = "inspect", description = "Everything about one checkpoint: job, times, mode, tasks, and every subtask's state file.")
    static final class InspectCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PATH", description = "A chk-N folder, its _metadata file, or a job folder (its newest complete checkpoint).")
        Path path;

        @Override
        public Integer call() {
            return print(spec, CheckpointInspector::inspect, path);
        }
    }

    private static int print(CommandSpec spec, Function<Path, String> report, Path path) {
        String text;
        try {
            text = report.apply(path);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        } catch (UncheckedIOException e) {
            throw new CliException(ExitCodes.ERROR, e.getMessage(), e);
        }
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
