package io.weir.cli;

import io.weir.runtime.checkpoint.CheckpointInspector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

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

    @Command(name = "list", description = {"One line per checkpoint, newest first: id, trigger time, complete, intact, size.",
            "Exit code " + ExitCodes.NO_INTACT_CHECKPOINT + " (after the list) when a job in DIR has checkpoints but none of them is "
                    + "intact, so that it cannot be resumed; 0 otherwise, also when DIR holds no checkpoints."})
    static final class ListCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "The checkpoint directory (execution.checkpointing.dir) or one job folder in it.")
        Path dir;

        @Override
        public Integer call() {
            CheckpointInspector.Listing[] listing = new CheckpointInspector.Listing[1];
            print(spec, p -> {
                listing[0] = CheckpointInspector.listing(p);
                return listing[0].text();
            }, dir);
            List<Path> broken = listing[0].jobsWithoutIntact();
            if (broken.isEmpty()) {
                return ExitCodes.OK;
            }
            spec.commandLine().getErr().println("weir checkpoints list: no intact checkpoint to resume from in "
                    + broken.stream().map(Path::toString).collect(Collectors.joining(", "))
                    + " (see the PROBLEM column; `weir checkpoints inspect FOLDER` shows every file)");
            spec.commandLine().getErr().flush();
            return ExitCodes.NO_INTACT_CHECKPOINT;
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
