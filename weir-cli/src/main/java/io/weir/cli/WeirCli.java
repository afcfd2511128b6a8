package io.weir.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Properties;
import java.util.Set;

/**
 * The {@code weir} command. Every subcommand returns one of {@link ExitCodes}; an error is one line on stderr
 * ({@code weir <command>: what failed and what to do}), with the stack trace only under {@code --verbose}.
 */
@Command(name = "weir",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = WeirCli.Version.class,
        usageHelpAutoWidth = true,
        description = "Weir: an embedded stream processor with Flink's DataStream API and exactly-once fault tolerance.",
        subcommands = {RunCommand.class, DemoCommand.class, CheckpointsCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok",
            "1:the job failed (its main threw, or the restart strategy gave up)",
            "2:usage error: bad option, argument or -D value, no such jar or class, no checkpoint at the -s path, or a resume refused as unsafe",
            "3:weir demo: the exactly-once verdict failed; any command: the JVM ran out of memory",
            "4:other error: I/O, missing component (e.g. weir-bench), internal error; weir demo: the job produced no records",
            "5:weir checkpoints list: a job's checkpoints are listed, but none of them is intact",
        })
public final class WeirCli implements Runnable {

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "On error, print the full stack trace too.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** A configured command line: parse errors and exceptions become one line on stderr and an exit code. */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new WeirCli());
        cl.setParameterExceptionHandler(WeirCli::onParameterException);
        cl.setExecutionExceptionHandler(WeirCli::onExecutionException);
        return cl;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: give run, demo, checkpoints, bench or help");
    }

    private static int onParameterException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        String message = oneLine(ex);
        if (ex instanceof UnmatchedArgumentException && !cmd.getSubcommands().isEmpty()
                && !((UnmatchedArgumentException) ex).getUnmatched().isEmpty()
                && !((UnmatchedArgumentException) ex).getUnmatched().get(0).startsWith("-")) {
            message = "Unknown command '" + ((UnmatchedArgumentException) ex).getUnmatched().get(0) + "': give one of "
                    + String.join(", ", cmd.getSubcommands().keySet());
        }
        cmd.getErr().println(name + ": " + message + " (see '" + name + " --help')");
        cmd.getErr().flush();
        return ExitCodes.USAGE;
    }

    private static int onExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        boolean verbose = isVerbose(parseResult);
        String name = cmd.getCommandSpec().qualifiedName();
        int code;
        String message;
        if (ex instanceof CliException) {
            code = ((CliException) ex).exitCode();
            message = oneLine(ex);
            if (code == ExitCodes.USAGE) {
                message += " (see '" + name + " --help')";
            } else if (!verbose && ex.getCause() != null) {
                message += " [--verbose prints the stack trace]";
            }
        } else {
            code = ExitCodes.ERROR;
            message = "internal error: " + oneLine(ex) + (verbose ? "" : " [--verbose prints the stack trace]");
        }
        cmd.getErr().println(name + ": " + message);
        if (verbose) {
            ex.printStackTrace(cmd.getErr());
        }
        cmd.getErr().flush();
        return code;
    }

    private static boolean isVerbose(ParseResult pr) {
        for (ParseResult r = pr; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A throwable and its causes as one line: each cause is appended unless the text so far already names it.
     * Line breaks inside messages become spaces.
     */
    static String oneLine(Throwable t) {
        StringBuilder sb = new StringBuilder(describe(t, t instanceof CliException || t instanceof ParameterException));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(t);
        for (Throwable c = t.getCause(); c != null && seen.add(c); c = c.getCause()) {
            String d = describe(c, false);
            if (c.getMessage() != null && sb.indexOf(c.getMessage()) >= 0) {
                continue;
            }
            sb.append("; caused by ").append(d);
        }
        return sb.toString().replaceAll("\\s*\\R\\s*", " ").trim();
    }

    private static String describe(Throwable t, boolean messageOnly) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t.getClass().getName();
        }
        return messageOnly ? m : t.getClass().getSimpleName() + ": " + m;
    }

    /** The project version, from {@code version.properties} (filtered by Maven). */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"weir " + version(), "Java " + System.getProperty("java.version") + " ("
                    + System.getProperty("java.vm.name") + ")"};
        }

        static String version() {
            Properties p = new Properties();
            try (InputStream in = WeirCli.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                return "unknown";
            }
            return p.getProperty("version", "unknown");
        }
    }
}
