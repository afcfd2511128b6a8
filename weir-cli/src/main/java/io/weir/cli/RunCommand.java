package io.weir.cli;

import io.weir.api.configuration.ConfigKeys;
import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.IllegalConfigurationException;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobExecutionException;
import io.weir.api.execution.RestoreRefusedException;
import io.weir.runtime.checkpoint.CheckpointFolders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * {@code weir run}: calls a job's {@code main} in this JVM with the {@code -p}, {@code -s} and {@code -D} settings as
 * the context configuration of {@link StreamExecutionEnvironment#getExecutionEnvironment()}.
 */
@Command(name = "run",
        description = {
            "Runs a job: calls the main method of a class from JAR (or from Weir's class path when no JAR is given) in this JVM.",
            "The options become the job's configuration, with Flink's keys: -p sets parallelism.default, -s sets "
                    + "execution.checkpointing.restore, -D sets any key (e.g. -D execution.checkpointing.dir=/tmp/ckpt).",
            "Without -s, a job whose checkpoint folder already holds completed checkpoints starts from scratch with a warning; "
                    + "--fresh says that this is intended. A bad option or setting value exits with 2 before the job starts.",
            "Job arguments go after '--'."},
        customSynopsis = {"weir run [-c CLASS] [-p N] [-s PATH|latest [--allow-rewind] | --fresh] [-D key=value]... [--verbose]",
            "         [JAR] [-- ARGS...]"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  weir run -c io.weir.examples.FlinkStyleWordCount",
            "  weir run -p 4 -D execution.checkpointing.dir=/tmp/ckpt -s latest my-job.jar \\",
            "           -- --input data.txt"})
final class RunCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--class"}, paramLabel = "CLASS",
            description = "The job's main class. Default: the Main-Class of JAR's manifest.")
    String mainClass;

    @Option(names = {"-p", "--parallelism"}, paramLabel = "N", description = "Default parallelism of the job (parallelism.default).")
    Integer parallelism;

    @Option(names = {"-s", "--restore"}, paramLabel = "PATH|latest",
            description = "Restore from a checkpoint: 'latest' (the newest intact one in the job's checkpoint directory) or the path "
                    + "of a chk-N folder (execution.checkpointing.restore).")
    String restore;

    @Option(names = "--allow-rewind",
            description = "With -s latest: if the newest checkpoint is damaged, resume from the newest intact older one, accepting that "
                    + "output committed after it is emitted again (weir.restore.allow-rewind). Without it such a resume is refused (exit code 2).")
    boolean allowRewind;

    @Option(names = "--fresh",
            description = "Start from scratch on purpose, ignoring checkpoints already in the job's checkpoint folder, without the "
                    + "warning a run without -s gives then (weir.restore.fresh). Not together with -s.")
    boolean fresh;

    @Option(names = "-D", paramLabel = "key=value",
            description = "A configuration setting with Flink's key, e.g. -D execution.checkpointing.interval=1s. Repeatable.")
    List<String> settings = new ArrayList<>();

    @Parameters(paramLabel = "[JAR] [-- ARGS...]", hideParamSyntax = true, arity = "0..*", description = "The job's jar (optional), then '--' and the job's arguments.")
    List<String> positionals = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<String> jobArgs = new ArrayList<>();
        Path jar = splitPositionals(jobArgs);
        Configuration conf = configuration();
        Path jarPath = jar == null ? null : jar.toAbsolutePath().normalize();
        String className = mainClass != null ? mainClass : mainClassOf(jarPath);
        try (URLClassLoader jarLoader = jarPath == null ? null
                : new URLClassLoader(new URL[] {jarPath.toUri().toURL()}, RunCommand.class.getClassLoader())) {
            ClassLoader loader = jarLoader != null ? jarLoader : RunCommand.class.getClassLoader();
            Method main = findMain(className, loader, jarPath);
            invoke(main, className, loader, conf, jobArgs.toArray(new String[0]));
        }
        return ExitCodes.OK;
    }

    /** Before '--': at most one positional, the jar. After it: the job's arguments. */
    private Path splitPositionals(List<String> jobArgs) {
        List<String> original = spec.commandLine().getParseResult().originalArgs();
        int delimiter = original.indexOf("--");
        int afterDelimiter = delimiter < 0 ? 0 : original.size() - delimiter - 1;
        int before = positionals.size() - afterDelimiter;
        if (before > 1) {
            throw CliException.usage("Unexpected argument '" + positionals.get(1) + "': give at most one JAR and put the job's "
                    + "arguments after '--'");
        }
        jobArgs.addAll(positionals.subList(before, positionals.size()));
        if (before == 0) {
            if (mainClass == null) {
                throw CliException.usage("Nothing to run: give a JAR, or -c CLASS for a main class on Weir's class path");
            }
            return null;
        }
        Path jar = Paths.get(positionals.get(0));
        if (!Files.isRegularFile(jar)) {
            throw CliException.usage("Cannot read the job jar " + jar.toAbsolutePath().normalize()
                    + (Files.exists(jar) ? ": it is not a file" : ": no such file"));
        }
        return jar;
    }

    private Configuration configuration() {
        Configuration conf = new Configuration();
        for (String setting : settings) {
            int eq = setting.indexOf('=');
            if (eq <= 0 || setting.substring(0, eq).isBlank()) {
                throw CliException.usage("Invalid -D setting '" + setting + "': give -D key=value");
            }
            conf.setString(setting.substring(0, eq).trim(), setting.substring(eq + 1));
        }
        if (parallelism != null) {
            if (parallelism < 1) {
                throw CliException.usage("Invalid value for -p: " + parallelism + " (the parallelism must be at least 1)");
            }
            conf.setInteger(ConfigKeys.PARALLELISM_DEFAULT, parallelism);
        }
        if (restore != null) {
            conf.setString(ConfigKeys.CHECKPOINTING_RESTORE, restoreSetting(restore));
        }
        if (allowRewind) {
            if (restore == null) {
                throw CliException.usage("--allow-rewind only applies when resuming: add -s latest");
            }
            conf.setString(ConfigKeys.RESTORE_ALLOW_REWIND, "true");
        }
        if (fresh) {
            if (restore != null) {
                throw CliException.usage("--fresh starts from scratch and -s resumes from a checkpoint: give one of them");
            }
            conf.setString(ConfigKeys.RESTORE_FRESH, "true");
        }
        return conf;
    }

    private static String restoreSetting(String value) {
        String v = value.trim();
        if (v.equalsIgnoreCase("latest")) {
            return "latest";
        }
        Path p = Paths.get(v).toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) {
            throw CliException.usage("Invalid value for -s: " + p + (Files.exists(p) ? " is not a directory" : " does not exist")
                    + ". Give 'latest' or a chk-N folder (`weir checkpoints list DIR` shows them)");
        }
        boolean holdsCheckpoint;
        try {
            holdsCheckpoint = CheckpointFolders.holdsCheckpoint(p);
        } catch (IOException e) {
            throw new CliException(ExitCodes.ERROR, "Cannot read the folder given with -s, " + p + ": " + e, e);
        }
        if (!holdsCheckpoint) {
            throw CliException.usage("Invalid value for -s: " + p + " holds no checkpoint (no _metadata file, and no chk-N folders in it)."
                    + " Give 'latest' or a chk-N folder (`weir checkpoints list " + p + "` shows what is there)");
        }
        return p.toString();
    }

    private static String mainClassOf(Path jar) {
        try (JarFile jf = new JarFile(jar.toFile())) {
            Manifest mf = jf.getManifest();
            String cls = mf == null ? null : mf.getMainAttributes().getValue("Main-Class");
            if (cls == null || cls.isBlank()) {
                throw CliException.usage("The jar " + jar + " names no Main-Class in its manifest: give -c CLASS");
            }
            return cls.trim();
        } catch (IOException e) {
            throw CliException.usage("Cannot read the job jar " + jar + ": " + e.getMessage());
        }
    }

    private static Method findMain(String className, ClassLoader loader, Path jar) {
        String where = jar == null ? "on Weir's class path" : "in " + jar + " or on Weir's class path";
        Class<?> cls;
        try {
            cls = Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw CliException.usage("Cannot find the main class '" + className + "' " + where);
        } catch (LinkageError e) {
            throw new CliException(ExitCodes.JOB_FAILED, "Cannot load the main class '" + className + "': " + e, e);
        }
        try {
            Method m = cls.getMethod("main", String[].class);
            if (Modifier.isStatic(m.getModifiers())) {
                return m;
            }
        } catch (NoSuchMethodException e) {
            // reported below
        }
        throw CliException.usage("The class '" + className + "' has no 'public static void main(String[] args)'");
    }

    private static void invoke(Method main, String className, ClassLoader loader, Configuration conf, String[] args) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        StreamExecutionEnvironment.setContextConfiguration(conf);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            // the exception's own line, not the job's wrappers around it; --verbose prints its trace
            Throwable refused = find(cause, RestoreRefusedException.class);
            if (refused != null) {
                throw new CliException(ExitCodes.USAGE, refused.getMessage(), refused);
            }
            Throwable damaged = find(cause, io.weir.runtime.checkpoint.CorruptCheckpointException.class);
            if (damaged != null) {
                throw new CliException(ExitCodes.USAGE, damaged.getMessage(), damaged);
            }
            Throwable badValue = find(cause, IllegalConfigurationException.class);
            if (badValue != null) {
                throw new CliException(ExitCodes.USAGE, badValue.getMessage(), badValue);
            }
            if (cause instanceof JobExecutionException) {
                throw new CliException(ExitCodes.JOB_FAILED, WeirCli.oneLine(cause), cause);
            }
            throw new CliException(ExitCodes.JOB_FAILED, "The job's main (" + className + ") threw " + WeirCli.oneLine(cause), cause);
        } finally {
            StreamExecutionEnvironment.setContextConfiguration(null);
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * The first throwable of {@code type} in the cause chain from {@code t} (a job's main may wrap what execute() threw,
     * e.g. in a JobExecutionException or its own exception), or null.
     */
    private static Throwable find(Throwable t, Class<? extends Throwable> type) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
            if (type.isInstance(c)) {
                return c;
            }
        }
        return null;
    }
}
