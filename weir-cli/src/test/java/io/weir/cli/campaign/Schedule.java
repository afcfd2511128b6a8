package io.weir.cli.campaign;

import io.weir.api.configuration.ConfigKeys;
import io.weir.cli.JobProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs one {@link FaultPlan} on real processes: each run is {@code weir run -s latest} of {@link CampaignJob} in a child
 * JVM, faults are real signals, a real full tmpfs, real damaged files. After every loud stop the schedule goes on as an
 * operator would (frees the disk, reverts the job change, resumes with {@code --allow-rewind} when the newest
 * checkpoint is damaged and an older one is intact) or stops; then the committed output is classified.
 */
final class Schedule {
    /** Job size and pacing, the per-run timeout and where the work folders go. */
    record Settings(long records, long keys, long rate, long checkpointIntervalMs, long runTimeoutMs, Path workRoot) {}

    /** What one schedule did. */
    record Result(FaultPlan plan, Outcome outcome, String detail, List<String> events, int runs, long millis, Path workDir) {}

    static final List<String> JVM = List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError");
    static final List<String> SMALL_HEAP_JVM = List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError");
    private static final long SIGTERM_TIMEOUT_MS = 60_000;

    private final FaultPlan plan;
    private final Settings s;
    private final Path dir;
    private final Path outDir;
    private final Path checkpointDir;
    private final CheckpointFolder checkpoints;
    private final Random random;
    private final List<String> events = new ArrayList<>();
    private Tmpfs checkpointFs;
    private Tmpfs sinkFs;
    private int runs;
    private int parallelism;
    private boolean rewindNext;
    private boolean rewindAccepted;
    private int loudStops;
    private boolean finished;
    private boolean stoppedByRefusal;
    private Outcome failure;
    private String failureDetail;

    /** Thrown when a run hangs; the schedule ends with {@link Outcome#HANG}. */
    private static final class Hang extends Exception {
        Hang(String message) {
            super(message);
        }
    }

    Schedule(FaultPlan plan, Settings settings) {
        this.plan = plan;
        this.s = settings;
        this.dir = settings.workRoot().resolve("seed-" + plan.seed());
        Set<FaultPlan.Kind> kinds = plan.kinds();
        this.outDir = (kinds.contains(FaultPlan.Kind.DISK_FULL_SINK) ? dir.resolve("sinkfs") : dir).resolve("out");
        this.checkpointDir = (kinds.contains(FaultPlan.Kind.DISK_FULL_CHECKPOINTS) ? dir.resolve("ckfs") : dir).resolve("checkpoints");
        this.checkpoints = new CheckpointFolder(checkpointDir);
        this.random = new Random(plan.seed() * 31 + 7);
        this.parallelism = plan.parallelism();
    }

    Result run() throws IOException, InterruptedException {
        long start = System.nanoTime();
        Outcome outcome;
        String detail;
        try {
            mount();
            for (FaultPlan.Fault f : plan.faults()) {
                if (finished || stoppedByRefusal) {
                    break;
                }
                step(f);
            }
            if (!finished && !stoppedByRefusal) {
                finalRun();
            }
            CommittedOutput out = CommittedOutput.read(outDir, s.records(), s.keys());
            event("committed output: " + out);
            outcome = classify(out);
            detail = (failureDetail != null ? failureDetail + "; " : "") + "output " + out + "; checkpoints at the end "
                    + checkpoints.list().brief();
        } catch (Hang h) {
            outcome = Outcome.HANG;
            detail = h.getMessage();
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("MOUNT NOT PERMITTED")) {
                System.err.println("!!! " + e.getMessage());
                outcome = Outcome.OTHER;
                detail = e.getMessage();
            } else {
                throw e;
            }
        } finally {
            unmount();
        }
        return new Result(plan, outcome, detail, List.copyOf(events), runs, (System.nanoTime() - start) / 1_000_000, dir);
    }

    private Outcome classify(CommittedOutput out) {
        if (out.missing() > 0 && finished || out.countsTooLow() > 0) {
            return Outcome.SILENT_LOSS;
        }
        if (out.countsTooHigh() > 0 || out.duplicates() > 0 && !rewindAccepted) {
            return Outcome.SILENT_DUPLICATE;
        }
        if (out.foreign() > 0 || out.malformed() > 0) {
            failureDetail = (failureDetail == null ? "" : failureDetail + "; ") + "lines the job never produced";
            return Outcome.OTHER;
        }
        if (failure != null) {
            return failure;
        }
        if (stoppedByRefusal) {
            return Outcome.REFUSED_AND_STOPPED;
        }
        if (!finished) {
            failureDetail = "the schedule ended without the job finishing or refusing";
            return Outcome.OTHER;
        }
        return rewindAccepted ? Outcome.REWIND_ACCEPTED : loudStops > 0 ? Outcome.REFUSED_THEN_EXACT : Outcome.EXACT;
    }

    // ------------------------------------------------------------------ steps

    private void step(FaultPlan.Fault f) throws IOException, InterruptedException, Hang {
        event("fault " + f);
        switch (f.kind()) {
            case RENAMED_UID -> changedJob("renamed-uid", CampaignJob.COUNT_UID);
            case CHANGED_STATE_TYPE -> changedJob("string-state", "count");
            case OUT_OF_MEMORY -> outOfMemory(f);
            default -> triggered(f);
        }
    }

    /** A run that is faulted after {@code k} checkpoints: SIGKILL (then maybe damage), SIGTERM or a full disk. */
    private void triggered(FaultPlan.Fault f) throws IOException, InterruptedException, Hang {
        if (f.kind() == FaultPlan.Kind.CHANGED_PARALLELISM) {
            event("the operator changes the parallelism " + parallelism + " -> " + f.parallelism());
            parallelism = f.parallelism();
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            Run r = launch("base", JVM, 0);
            if (!r.awaitCheckpoints(f.afterCheckpoints(), s.runTimeoutMs())) {
                if (r.process.isAlive()) {
                    throw hang(r, "no " + f.afterCheckpoints() + " completed checkpoints within " + s.runTimeoutMs() + " ms");
                }
                if (afterEarlyExit(r)) {
                    continue;
                }
                return;
            }
            switch (f.kind()) {
                case SIGKILL, CHANGED_PARALLELISM -> {
                    r.process.kill();
                    event(r + ": SIGKILL after checkpoints " + r.checkpoints);
                }
                case DAMAGED_CHECKPOINT -> {
                    r.process.kill();
                    event(r + ": SIGKILL after checkpoints " + r.checkpoints);
                    event("damage: " + checkpoints.damage(f.damage(), f.newest(), random).orElse("nothing (no complete checkpoint)")
                            + "; checkpoints now " + checkpoints.list().brief());
                }
                case SIGTERM -> sigterm(r);
                case DISK_FULL_CHECKPOINTS -> diskFull(r, checkpointFs, "checkpoint");
                case DISK_FULL_SINK -> diskFull(r, sinkFs, "sink");
                default -> throw new IllegalStateException("not a triggered fault: " + f);
            }
            return;
        }
        fail(Outcome.OTHER, "three launches in a row ended early");
    }

    private void sigterm(Run r) throws InterruptedException, Hang {
        r.process.terminate();
        if (!r.process.waitFor(SIGTERM_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
            throw hang(r, "still running " + SIGTERM_TIMEOUT_MS + " ms after SIGTERM");
        }
        CheckpointFolder.Listing after = checkpoints.list();
        event(r + ": SIGTERM after checkpoints " + r.checkpoints + ", exit " + r.process.exitCode() + ", checkpoints " + after.brief());
        if (r.done) {
            // the job finished (and deleted its checkpoints, as on every clean finish) before the signal was handled; the
            // JVM may still exit with 143: the operator sees CAMPAIGN-DONE and does not resume a finished job
            finished = true;
            event(r + ": the job had finished before SIGTERM took effect (exit " + r.process.exitCode() + ")");
        } else if (lostRestorePoint(r.before, after)) {
            fail(Outcome.OTHER, "SIGTERM lost the checkpoints: before " + r.before.brief() + ", after " + after.brief());
        }
    }

    private void diskFull(Run r, Tmpfs fs, String what) throws IOException, InterruptedException, Hang {
        long bytes = fs.fill();
        event(r + ": the " + what + " tmpfs is full (" + bytes + " filler bytes) after checkpoints " + r.checkpoints);
        if (!r.process.waitFor(s.runTimeoutMs(), TimeUnit.MILLISECONDS)) {
            throw hang(r, "still running " + s.runTimeoutMs() + " ms after the " + what + " disk became full");
        }
        fs.free();
        event("the operator frees the " + what + " disk");
        if (r.process.exitCode() == 0 && r.done) {
            finished = true;
            event(r + ": finished despite the full disk");
            return;
        }
        expectLoudStop(r, r.process.exitCode() != 2, "space", "a failure naming the full disk");
    }

    private void outOfMemory(FaultPlan.Fault f) throws IOException, InterruptedException, Hang {
        for (int attempt = 0; attempt < 3; attempt++) {
            Run r = launch("base", SMALL_HEAP_JVM, f.afterCheckpoints());
            if (!r.process.waitFor(s.runTimeoutMs(), TimeUnit.MILLISECONDS)) {
                throw hang(r, "leaking in a 64 MiB heap and still running after " + s.runTimeoutMs() + " ms (checkpoints " + r.checkpoints + ")");
            }
            int code = r.process.exitCode();
            if (code == 3) {
                event(r + ": out of memory after checkpoints " + r.checkpoints + ", exit 3");
                expectLoudStop(r, true, null, "exit code 3");
                return;
            }
            if (code == 2 && afterEarlyExit(r)) {
                continue;
            }
            if (code != 2) {
                if (code == 0 && r.done) {
                    finished = true;
                    event(r + ": finished before the leak filled the heap");
                } else {
                    fail(Outcome.OTHER, r + " leaking in a small heap ended with exit " + code + " instead of 3: " + r.errorLine());
                }
            }
            return;
        }
    }

    /** One run of a changed job: it must be refused with exit 2 naming what changed, the checkpoints untouched; then reverted. */
    private void changedJob(String variant, String mustName) throws IOException, InterruptedException, Hang {
        if (checkpoints.list().newestIntact().isEmpty()) {
            event("skipped: no intact checkpoint to restore the changed job from");
            return;
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            Run r = launch(variant, JVM, 0);
            if (!r.process.waitFor(s.runTimeoutMs(), TimeUnit.MILLISECONDS)) {
                throw hang(r, "the changed job (" + variant + ") still running after " + s.runTimeoutMs() + " ms");
            }
            int code = r.process.exitCode();
            String line = r.errorLine();
            if (code == 0) {
                finished = true;
                event(r + ": the changed job (" + variant + ") was NOT refused and ran to its end (exit 0)");
                return;
            }
            if (code == 2 && line != null && !line.contains(mustName) && afterEarlyExit(r)) {
                continue; // refused for another reason (a damaged checkpoint), the operator rewinds and tries again
            }
            if (code == 2 && line != null && line.contains(mustName)) {
                expectLoudStop(r, true, mustName, "a refusal naming " + mustName);
            } else {
                CheckpointFolder.Listing after = checkpoints.list();
                fail(Outcome.OTHER, "UNCLEAR FAILURE: the changed job (" + variant + ") ended with exit " + code + ", not a refusal (exit 2) naming '"
                        + mustName + "': " + line + "; checkpoints before " + r.before.brief() + ", after " + after.brief()
                        + (lostRestorePoint(r.before, after) ? " (RESTORE POINT LOST)" : " (kept)"));
                event(r + ": " + failureDetail);
            }
            event("the operator reverts the job change");
            return;
        }
    }

    private void finalRun() throws IOException, InterruptedException, Hang {
        for (int attempt = 0; attempt < 3; attempt++) {
            Run r = launch("base", JVM, 0);
            if (!r.process.waitFor(s.runTimeoutMs(), TimeUnit.MILLISECONDS)) {
                throw hang(r, "the last run did not finish within " + s.runTimeoutMs() + " ms (checkpoints " + r.checkpoints + ")");
            }
            if (!afterEarlyExit(r)) {
                return;
            }
        }
        fail(Outcome.OTHER, "the last run was refused three times");
    }

    // ------------------------------------------------------------------ judging a run's end

    /**
     * A run ended before its fault: finished (exit 0), refused (exit 2; the operator resumes with --allow-rewind when the
     * newest complete checkpoint is damaged and an older one is intact, else stops), or anything else (a failure).
     *
     * @return whether the operator launches again
     */
    private boolean afterEarlyExit(Run r) throws IOException, InterruptedException {
        // the JVM has ended; wait for its output to be read to the end, or its last error line may be missed
        r.process.waitFor(s.runTimeoutMs(), TimeUnit.MILLISECONDS);
        int code = r.process.exitCode();
        if (code == 0) {
            if (r.done) {
                finished = true;
                event(r + ": finished (exit 0)");
            } else {
                fail(Outcome.OTHER, r + " exited 0 without finishing the job");
            }
            return false;
        }
        if (code != 2) {
            fail(Outcome.OTHER, r + " failed unexpectedly with exit " + code + ": " + r.errorLine());
            return false;
        }
        if (!expectLoudStop(r, true, null, "a refusal")) {
            return false;
        }
        CheckpointFolder.Listing now = checkpoints.list();
        boolean newestDamaged = now.newestComplete().isPresent() && !now.rows().get(now.newestComplete().get()).intact();
        if (newestDamaged && now.newestIntact().isPresent() && !rewindNext) {
            rewindNext = true;
            rewindAccepted = true;
            event("the operator resumes with --allow-rewind (accepting duplicates after checkpoint " + now.newestIntact().get() + ")");
            return true;
        }
        stoppedByRefusal = true;
        event("the operator stops: no safe way to resume (checkpoints " + now.brief() + ")");
        return false;
    }

    /**
     * A loud stop: a one-line error (or exit 3 for OOM) that names {@code mustName} if given, and the checkpoint kept: a
     * refusal (exit 2) changes no checkpoint, a failure keeps an intact checkpoint at least as new as the newest before.
     */
    private boolean expectLoudStop(Run r, boolean codeOk, String mustName, String expected) {
        int code = r.process.exitCode();
        String line = r.errorLine();
        CheckpointFolder.Listing after = checkpoints.list();
        boolean loud = codeOk && (code == 3 ? r.outOfMemory : line != null && (mustName == null
                || line.toLowerCase(java.util.Locale.ROOT).contains(mustName.toLowerCase(java.util.Locale.ROOT))));
        boolean kept = code == 2 ? after.rows().equals(r.before.rows()) : !lostRestorePoint(r.before, after);
        event(r + ": LOUD STOP? exit " + code + ", " + (line != null ? line : "no error line") + "; checkpoints before " + r.before.brief()
                + ", after " + after.brief());
        if (!loud) {
            fail(Outcome.OTHER, "UNCLEAR FAILURE: expected " + expected + ", got exit " + code + ": " + line);
            return false;
        }
        if (!kept) {
            fail(Outcome.OTHER, "CHECKPOINT NOT KEPT after a loud stop (exit " + code + "): before " + r.before.brief() + ", after "
                    + after.brief());
            return false;
        }
        loudStops++;
        return true;
    }

    private static boolean lostRestorePoint(CheckpointFolder.Listing before, CheckpointFolder.Listing after) {
        return before.newestIntact().isPresent()
                && (after.newestIntact().isEmpty() || after.newestIntact().get() < before.newestIntact().get());
    }

    private void fail(Outcome outcome, String detail) {
        if (failure == null) {
            failure = outcome;
            failureDetail = detail;
        }
        event("FAILURE: " + detail);
    }

    private Hang hang(Run r, String what) throws InterruptedException {
        r.process.kill();
        event(r + ": HANG: " + what);
        return new Hang(r + ": " + what + "; log " + r.process.log());
    }

    private void event(String e) {
        events.add(e);
    }

    // ------------------------------------------------------------------ processes and mounts

    /** One child JVM. */
    private final class Run {
        final int number;
        final JobProcess process;
        final CheckpointFolder.Listing before;
        final Set<Long> checkpoints = ConcurrentHashMap.newKeySet();
        final List<String> errorLines = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile boolean done;
        volatile boolean outOfMemory;
        private final Object lock = new Object();

        Run(int number, CheckpointFolder.Listing before, List<String> jvm, List<String> args) throws IOException {
            this.number = number;
            this.before = before;
            this.process = JobProcess.startRun(jvm, args, dir.resolve("logs").resolve("run-" + number + ".log"), this::onStdout,
                    this::onStderr).killOnExit();
        }

        private void onStdout(String line) {
            if (line.contains("OutOfMemoryError")) {
                outOfMemory = true; // -XX:+ExitOnOutOfMemoryError prints "Terminating due to java.lang.OutOfMemoryError" on stdout
            }
            if (line.startsWith(CampaignJob.CHECKPOINT_LINE)) {
                checkpoints.add(Long.parseLong(line.substring(CampaignJob.CHECKPOINT_LINE.length()).trim()));
                synchronized (lock) {
                    lock.notifyAll();
                }
            } else if (line.startsWith(CampaignJob.DONE_LINE)) {
                done = true;
            }
        }

        private void onStderr(String line) {
            if (line.startsWith("weir run:") || line.startsWith("weir:")) {
                errorLines.add(line);
            }
            if (line.contains("OutOfMemoryError")) {
                outOfMemory = true;
            }
        }

        /** Waits until {@code k} checkpoints completed in this JVM; false if it ended first or the timeout passed. */
        boolean awaitCheckpoints(int k, long timeoutMs) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            synchronized (lock) {
                while (checkpoints.size() < k) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0 || !process.isAlive()) {
                        return false;
                    }
                    lock.wait(Math.min(left, 50)); // woken by each checkpoint line; the bound re-checks whether the JVM ended
                }
                return true;
            }
        }

        String errorLine() {
            return errorLines.isEmpty() ? null : errorLines.get(errorLines.size() - 1);
        }

        @Override
        public String toString() {
            return "run " + number + " (pid " + process.pid() + ", p=" + parallelism + ")";
        }
    }

    private Run launch(String variant, List<String> jvm, int hoardAfter) throws IOException {
        CheckpointFolder.Listing before = checkpoints.list();
        List<String> args = new ArrayList<>(List.of("-c", CampaignJob.class.getName(), "-p", Integer.toString(parallelism), "-s", "latest"));
        boolean rewind = rewindNext;
        if (rewind) {
            args.add("--allow-rewind");
            rewindNext = false;
        }
        args.addAll(List.of("-D", ConfigKeys.CHECKPOINTING_DIR + "=" + checkpointDir, "--", "--out", outDir.toString(),
                "--records", Long.toString(s.records()), "--keys", Long.toString(s.keys()), "--rate", Long.toString(s.rate()),
                "--checkpoint-interval", Long.toString(s.checkpointIntervalMs()), "--variant", variant));
        if (hoardAfter > 0) {
            args.addAll(List.of("--hoard-after", Integer.toString(hoardAfter)));
        }
        runs++;
        Run r = new Run(runs, before, jvm, args);
        event(r + ": weir run -s latest" + (rewind ? " --allow-rewind" : "") + " variant=" + variant
                + (hoardAfter > 0 ? " -Xmx64m leak after " + hoardAfter + " checkpoints" : "") + "; checkpoints " + before.brief());
        return r;
    }

    private void mount() throws IOException, InterruptedException {
        Files.createDirectories(dir);
        if (plan.kinds().contains(FaultPlan.Kind.DISK_FULL_CHECKPOINTS)) {
            checkpointFs = Tmpfs.mount(dir.resolve("ckfs"), "16m");
            event("mounted a 16 MiB tmpfs at " + checkpointFs.dir());
        }
        if (plan.kinds().contains(FaultPlan.Kind.DISK_FULL_SINK)) {
            sinkFs = Tmpfs.mount(dir.resolve("sinkfs"), "16m");
            event("mounted a 16 MiB tmpfs at " + sinkFs.dir());
        }
    }

    private void unmount() throws IOException, InterruptedException {
        IOException first = null;
        for (Tmpfs fs : new Tmpfs[] {checkpointFs, sinkFs}) {
            if (fs != null) {
                try {
                    fs.close();
                } catch (IOException e) {
                    if (first == null) {
                        first = e;
                    }
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
