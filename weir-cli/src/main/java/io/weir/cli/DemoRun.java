package io.weir.cli;

import io.weir.api.configuration.ConfigKeys;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One run of {@code weir demo}: starts the demo job in a child JVM, kills and resumes it on a seeded plan, stops the
 * generator at the deadline, then checks the committed output with {@link DemoVerifier}. Runs on the calling thread;
 * the children's output arrives on pump threads into {@link DemoChild}.
 *
 * <p>The plan's clock starts when the job has produced its first records, not at launch: on a loaded machine the first
 * JVM may need seconds to start. Each kill also waits until the JVM it kills has completed a checkpoint (so the next
 * one has something to restore), and the generator is stopped only once the plan has happened (every kill made, every
 * injected exception thrown) and the duration has passed; {@link #PLAN_GRACE_MS} after the deadline it stops anyway.
 */
final class DemoRun {
    static final String JOB_CLASS = "io.weir.examples.DemoJob";
    private static final long STOP_TIMEOUT_MS = 120_000;
    /** How long the demo waits for the job's first records before it gives up with "NOTHING RUN". */
    static final long FIRST_RECORDS_TIMEOUT_MS = 120_000;
    /** How long after the deadline the demo waits for planned kills and exceptions that have not happened yet. */
    static final long PLAN_GRACE_MS = 120_000;
    private static final long TICK_MS = 100;

    /** What {@code weir demo} was asked to do. */
    record Settings(Path dir, Duration duration, long seed, int kills, int failures, long rate, int keys, int parallelism) {}

    /** The seeded failure plan: when to kill (ms after the job's first records) and at which records the job throws. */
    record Plan(List<Long> killAtMs, List<Long> failAtIds) {
        static Plan of(Settings s) {
            Random random = new Random(s.seed());
            long d = s.duration().toMillis();
            List<Long> kills = new ArrayList<>();
            for (int i = 0; i < s.kills(); i++) { // one random moment in each equal slot of [15%, 80%] of the run
                double slot = 0.65 / s.kills();
                kills.add((long) (d * (0.15 + slot * (i + random.nextDouble()))));
            }
            TreeSet<Long> ids = new TreeSet<>();
            long expected = s.rate() * d / 1000;
            for (int i = 0; i < s.failures(); i++) { // one record in each equal slot of [2%, 35%] of the ids at full speed
                double slot = 0.33 / s.failures();       // (kills and restarts cost time, so fewer ids are reached)
                ids.add((long) (expected * (0.02 + slot * (i + random.nextDouble()))));
            }
            return new Plan(kills, new ArrayList<>(ids));
        }
    }

    private final Settings s;
    private final PrintWriter out;
    private final boolean live;
    private final Path outDir;
    private final Path checkpointDir;
    private final Path logDir;
    private final Path markerDir;
    private final Path stopFile;
    private final Plan plan;
    private final String failAt;
    private final ArrayDeque<long[]> rateSamples = new ArrayDeque<>();
    private long startNanos;
    /** When the job's first records were seen (the plan's clock starts then), or -1 before. */
    private long planStartMs = -1;
    /** The highest generator position any JVM reported: records since the demo started, across kills. */
    private long generatedHigh;
    private long lastPlainLine;
    private int lastLineLength;

    DemoRun(Settings settings, PrintWriter out, boolean live) {
        this.s = settings;
        this.out = out;
        this.live = live;
        this.outDir = settings.dir().resolve("out");
        this.checkpointDir = settings.dir().resolve("checkpoints");
        this.logDir = settings.dir().resolve("logs");
        this.markerDir = settings.dir().resolve("injected");
        this.stopFile = settings.dir().resolve("stop");
        this.plan = Plan.of(settings);
        this.failAt = plan.failAtIds().stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    int run() throws Exception {
        Files.createDirectories(outDir);
        Files.createDirectories(checkpointDir);
        header();
        startNanos = System.nanoTime();
        lastPlainLine = startNanos;
        Totals totals = new Totals();
        DemoChild child = start(1);
        int kills = 0;
        long stoppedAt = -1;
        int injectedSeen = 0; // injected exceptions whose failure the parent has seen in the child's log
        while (true) {
            long elapsed = elapsedMs();
            for (String e : child.drainEvents()) {
                if (e.startsWith(DemoChild.INJECTED_EVENT)) {
                    injectedSeen++;
                }
                event(elapsedMs(), e);
            }
            generatedHigh = Math.max(generatedHigh, child.generatedSoFar());
            if (planStartMs < 0 && (child.generatedSoFar() > 0 || child.processed() > 0)) {
                planStartMs = elapsed;
                event(elapsed, "the job produced its first records: the failure plan and the " + DemoCommand.format(s.duration())
                        + " of generation start now");
            }
            long planMs = planStartMs < 0 ? -1 : elapsed - planStartMs;
            if (stoppedAt < 0 && planStartMs < 0 && elapsed >= FIRST_RECORDS_TIMEOUT_MS) {
                Files.writeString(stopFile, "stop\n");
                stoppedAt = elapsed;
                event(elapsed, "the job produced no records in " + FIRST_RECORDS_TIMEOUT_MS / 1000 + " s: stopping it");
            }
            if (stoppedAt < 0 && kills < plan.killAtMs().size() && planMs >= plan.killAtMs().get(kills)
                    && child.checkpoints() > 0 // so that the new JVM has a checkpoint to restore
                    && injectedSoFar() == injectedSeen) { // not between an injected exception and its failure line: that would hide it
                child.process().kill();
                kills++;
                totals.add(child);
                event(elapsedMs(), "SIGKILL to the job's JVM (pid " + child.process().pid() + "): no shutdown, no flush, no clean-up");
                child = start(totals.children + 1);
                event(elapsedMs(), "started a new JVM (pid " + child.process().pid() + ") with `weir run -s latest`");
                rateSamples.clear();
            }
            if (stoppedAt < 0 && planMs >= s.duration().toMillis()) {
                // the plan happened, and the JVM running now has processed records (after a kill: it has resumed)
                boolean planDone = kills >= plan.killAtMs().size() && injectedSoFar() >= plan.failAtIds().size() && child.processed() > 0;
                if (planDone || planMs >= s.duration().toMillis() + PLAN_GRACE_MS) {
                    Files.writeString(stopFile, "stop\n");
                    stoppedAt = elapsed;
                    event(elapsed, (planDone ? "deadline" : "deadline, " + PLAN_GRACE_MS / 1000 + " s late: not every planned failure happened")
                            + ": the generator stops; the final checkpoint commits the rest");
                }
            }
            if (!child.process().isAlive()) {
                child.process().waitFor(10, TimeUnit.SECONDS);
                child.drainEvents().forEach(e -> event(elapsedMs(), e));
                if (child.process().exitCode() == 0 && stoppedAt >= 0 && child.generated() >= 0) {
                    progress(totals, child, kills, true);
                    break;
                }
                endLine();
                throw new CliException(ExitCodes.JOB_FAILED, "The demo job's JVM ended unexpectedly with exit code " + child.process().exitCode()
                        + "; its log is " + child.process().log());
            }
            if (stoppedAt >= 0 && elapsed - stoppedAt > STOP_TIMEOUT_MS) {
                child.process().kill();
                endLine();
                throw new CliException(ExitCodes.ERROR, "The demo job did not finish within " + STOP_TIMEOUT_MS / 1000 + " s after the "
                        + "generator was told to stop; its log is " + child.process().log());
            }
            progress(totals, child, kills, false);
            Thread.sleep(TICK_MS); // the refresh rate of the progress line
        }
        endLine();
        totals.add(child);
        return verdict(child.generated(), totals, kills, elapsedMs());
    }

    /** Injected exceptions thrown so far, in any JVM: the job leaves a marker file for each. */
    private long injectedSoFar() throws IOException {
        try (Stream<Path> markers = Files.isDirectory(markerDir) ? Files.list(markerDir) : Stream.empty()) {
            return markers.count();
        }
    }

    private DemoChild start(int number) throws IOException {
        List<String> args = new ArrayList<>(List.of("-c", JOB_CLASS, "-p", Integer.toString(s.parallelism()), "-s", "latest",
                "-D", ConfigKeys.CHECKPOINTING_DIR + "=" + checkpointDir,
                "-D", ConfigKeys.PIPELINE_NAME + "=weir-demo", "--",
                "--out", outDir.toString(), "--stop-file", stopFile.toString(), "--fail-markers", markerDir.toString(),
                "--keys", Integer.toString(s.keys()), "--rate", Long.toString(s.rate()), "--checkpoint-interval", "1000"));
        if (!failAt.isEmpty()) {
            args.add("--fail-at");
            args.add(failAt);
        }
        return DemoChild.start(number, args, logDir.resolve("job-" + number + ".log"));
    }

    private void header() {
        out.println("Weir demo: generator -> keyed running count -> transactional file sink; a checkpoint every second (EXACTLY_ONCE)");
        out.println("  directory  " + s.dir() + "   (out/ committed files, checkpoints/, logs/)");
        out.println("  seed       " + s.seed() + "   (repeat with --seed " + s.seed() + ")");
        out.println("  plan       " + s.rate() + " records/s for " + DemoCommand.format(s.duration()) + ", " + s.keys() + " keys, parallelism "
                + s.parallelism() + "; user exceptions at records " + (failAt.isEmpty() ? "(none)" : failAt.replace(",", ", "))
                + "; SIGKILL at " + (plan.killAtMs().isEmpty() ? "(never)" : plan.killAtMs().stream()
                        .map(ms -> String.format(Locale.ROOT, "%.1fs", ms / 1000.0)).collect(Collectors.joining(", "))
                        + " after the first records"));
        out.println();
        out.flush();
    }

    private void event(long elapsedMs, String text) {
        clearLine();
        out.println(String.format(Locale.ROOT, "  [%5.1fs] %s", elapsedMs / 1000.0, text));
        out.flush();
    }

    private void progress(Totals t, DemoChild c, int kills, boolean force) {
        long now = System.nanoTime();
        long processed = c.processed();
        if (processed >= 0) {
            rateSamples.addLast(new long[] {now, processed});
            while (rateSamples.size() > 2 && now - rateSamples.peekFirst()[0] > TimeUnit.MILLISECONDS.toNanos(2000)) {
                rateSamples.removeFirst();
            }
        }
        long rate = 0;
        if (rateSamples.size() >= 2) {
            long[] first = rateSamples.peekFirst();
            long[] last = rateSamples.peekLast();
            rate = last[0] > first[0] ? (last[1] - first[1]) * 1_000_000_000L / (last[0] - first[0]) : 0;
        }
        long lastMs = c.lastCheckpointMs() >= 0 ? c.lastCheckpointMs() : t.lastCheckpointMs;
        long planMs = planStartMs < 0 ? 0 : elapsedMs() - planStartMs;
        String line = String.format(Locale.ROOT, "  %5.1fs/%s | %,7d rec/s | %,10d records | %s (last %s) | %s | %s",
                planMs / 1000.0, DemoCommand.format(s.duration()), rate, Math.max(generatedHigh, c.generatedSoFar()),
                plural(t.checkpoints + c.checkpoints(), "checkpoint"), lastMs < 0 ? "-" : lastMs + " ms",
                plural(t.restarts + c.restarts(), "restart"), plural(kills, "kill"));
        if (live) {
            String padded = line + " ".repeat(Math.max(0, lastLineLength - line.length()));
            out.print("\r" + padded);
            lastLineLength = line.length();
            out.flush();
        } else if (force || now - lastPlainLine >= TimeUnit.SECONDS.toNanos(5)) { // not a terminal: a line every 5 s
            out.println(line);
            out.flush();
            lastPlainLine = now;
        }
    }

    private void clearLine() {
        if (live && lastLineLength > 0) {
            out.print("\r" + " ".repeat(lastLineLength) + "\r");
            lastLineLength = 0;
        }
    }

    private void endLine() {
        if (live && lastLineLength > 0) {
            out.println();
            lastLineLength = 0;
        }
        out.flush();
    }

    /** Prints the counts and the verdict; returns the exit code. {@code elapsedMs}: since the demo started. */
    int verdict(long generated, Totals t, int kills, long elapsedMs) throws IOException {
        long injected = injectedSoFar();
        if (generated == 0) {
            out.println();
            out.println(String.format(Locale.ROOT, "Verdict: NOTHING RUN — the job produced no records in %.0fs, so there is nothing to check"
                    + " (is the machine overloaded? logs in %s).", elapsedMs / 1000.0, logDir));
            out.flush();
            return ExitCodes.ERROR;
        }
        DemoVerifier.Verdict v = DemoVerifier.verify(outDir, generated, s.keys());
        out.println();
        out.println("Failures survived: " + plural(injected, "injected user exception") + " (" + plural(t.restarts, "restart")
                + " inside the JVM), " + plural(kills, "SIGKILL") + " of the JVM (" + plural(kills, "resume") + " with -s latest); "
                + plural(t.checkpoints, "checkpoint") + " completed.");
        out.println("Committed output (" + v.files() + " part files in " + outDir + "):");
        out.println(String.format(Locale.ROOT, "  records expected  %,12d   (ids 0..%d from the generator)", v.generated(), v.generated() - 1));
        out.println(String.format(Locale.ROOT, "  records found     %,12d", v.lines()));
        out.println(String.format(Locale.ROOT, "  duplicates        %,12d", v.duplicates()));
        out.println(String.format(Locale.ROOT, "  missing           %,12d", v.missing()));
        if (v.unexpected() > 0 || v.malformed() > 0) {
            out.println(String.format(Locale.ROOT, "  unexpected        %,12d   (ids the generator never emitted)", v.unexpected()));
            out.println(String.format(Locale.ROOT, "  malformed         %,12d", v.malformed()));
        }
        out.println(String.format(Locale.ROOT, "  per-key counts    %12s   (%d keys; each key's counts in id order are 1, 2, 3, ...)",
                v.countErrors() == 0 ? "consistent" : v.countErrors() + " wrong", v.keys()));
        out.println();
        if (v.exactlyOnce()) {
            out.println("Verdict: EXACTLY ONCE. Every record is in the committed output once, with the right running count.");
            out.flush();
            return ExitCodes.OK;
        }
        out.println("Verdict: FAILED. The committed output is not exactly the generated records once each (see the counts above;"
                + " logs in " + logDir + ").");
        out.flush();
        return ExitCodes.VERDICT_FAILED;
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private long elapsedMs() {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }

    /** Counters of the children that are gone. */
    static final class Totals {
        int children;
        long checkpoints;
        long restarts;
        long lastCheckpointMs = -1;

        void add(DemoChild c) {
            children++;
            checkpoints += c.checkpoints();
            restarts += c.restarts();
            if (c.lastCheckpointMs() >= 0) {
                lastCheckpointMs = c.lastCheckpointMs();
            }
        }
    }
}
