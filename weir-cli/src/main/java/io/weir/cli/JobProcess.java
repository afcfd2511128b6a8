package io.weir.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code weir run ARGS} in a child JVM with this JVM's class path: what {@code weir demo} and the crash test start,
 * kill with SIGKILL and start again. Both output streams are appended to a log file; every stdout line and every stderr
 * line also goes to a listener (called on one of two pump threads).
 */
public final class JobProcess {
    private final Process process;
    private final Path log;
    private final List<Thread> pumps = new ArrayList<>();

    private JobProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code java JVM_OPTIONS -cp CLASSPATH io.weir.cli.WeirCli run RUN_ARGS}.
     *
     * @param onStdout called with each stdout line
     * @param onStderr called with each stderr line (the job's log)
     */
    /**
     * Every JVM that runs a job through the {@code weir} launcher (and the demo's child JVMs) ends at
     * once on an {@code OutOfMemoryError}, with exit code 3, instead of limping on with dead engine
     * threads; the job's checkpoints stay where they are.
     */
    static final String EXIT_ON_OUT_OF_MEMORY = "-XX:+ExitOnOutOfMemoryError";

    public static JobProcess startRun(List<String> jvmOptions, List<String> runArgs, Path log, Consumer<String> onStdout,
            Consumer<String> onStderr) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(WeirCli.class.getName());
        cmd.add("run");
        cmd.addAll(runArgs);
        Files.createDirectories(log.toAbsolutePath().getParent());
        BufferedWriter writer = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        writer.write("$ " + String.join(" ", cmd.subList(0, cmd.indexOf("-cp"))) + " -cp <weir> " + WeirCli.class.getName() + " run "
                + String.join(" ", runArgs));
        writer.newLine();
        writer.flush();
        Process p = new ProcessBuilder(cmd).start();
        JobProcess jp = new JobProcess(p, log);
        Object lock = new Object();
        jp.pump(p.getInputStream(), writer, lock, onStdout, "stdout");
        jp.pump(p.getErrorStream(), writer, lock, onStderr, "stderr");
        Thread closer = new Thread(() -> {
            jp.awaitPumps();
            synchronized (lock) {
                try {
                    writer.close();
                } catch (IOException e) {
                    // the log is incomplete; nothing else depends on it
                }
            }
        }, "weir-job-log-closer");
        closer.setDaemon(true);
        closer.start();
        return jp;
    }

    private void pump(InputStream in, BufferedWriter writer, Object lock, Consumer<String> listener, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (lock) {
                        writer.write(line);
                        writer.newLine();
                        writer.flush();
                    }
                    listener.accept(line);
                }
            } catch (IOException e) {
                // the stream ends when the process dies (also by SIGKILL)
            }
        }, "weir-job-" + name + "-" + process.pid());
        t.setDaemon(true);
        t.start();
        pumps.add(t);
    }

    private void awaitPumps() {
        for (Thread t : pumps) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Sends SIGTERM (an orderly shutdown request) without waiting; the process's output is still read. */
    public void terminate() {
        // through the handle: Process.destroy() would also close our ends of its output pipes
        process.toHandle().destroy();
    }

    /** Sends SIGKILL (on Unix; TerminateProcess on Windows) and waits until the process is gone and its output read. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        awaitPumps();
    }

    /** Waits up to {@code timeout} for the process to end and its output to be read; returns whether it ended. */
    public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        if (!process.waitFor(timeout, unit)) {
            return false;
        }
        awaitPumps();
        return true;
    }

    /** @throws IllegalStateException if the process is still running */
    public int exitCode() {
        return process.exitValue();
    }

    /** Kills the child if this JVM ends first (Ctrl-C on {@code weir demo}). */
    public JobProcess killOnExit() {
        Thread hook = new Thread(process::destroyForcibly, "weir-kill-child-" + process.pid());
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException e) {
            process.destroyForcibly(); // already shutting down
        }
        process.onExit().thenRun(() -> {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down: the hook runs and does nothing harmful
            }
        });
        return this;
    }
}
