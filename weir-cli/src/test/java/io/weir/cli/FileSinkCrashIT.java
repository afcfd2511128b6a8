package io.weir.cli;

import io.weir.api.configuration.ConfigKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6 item 7: a job writing through the transactional file sink runs with {@code weir run} in a child JVM, is killed
 * with SIGKILL at seeded random moments at least five times, is resumed each time with {@code -s latest}, and its
 * committed output is then checked record by record. Rerun a failure with {@code -Dweir.test.seed=SEED}.
 */
class FileSinkCrashIT {
    private static final int KEYS = 13;

    @TempDir
    Path dir;

    @Test
    void committedOutputHoldsEveryRecordExactlyOnceAfterRepeatedKillMinus9() throws Exception {
        long seed = Long.getLong("weir.test.seed", System.nanoTime());
        System.out.println("FileSinkCrashIT seed " + seed + " (rerun with -Dweir.test.seed=" + seed + ")");
        Random random = new Random(seed);
        Path out = dir.resolve("out");
        Path stop = dir.resolve("stop");
        List<String> runArgs = List.of("-c", DemoRun.JOB_CLASS, "-p", "2", "-s", "latest",
                "-D", ConfigKeys.CHECKPOINTING_DIR + "=" + dir.resolve("checkpoints"), "--",
                "--out", out.toString(), "--stop-file", stop.toString(), "--keys", Integer.toString(KEYS), "--rate", "40000",
                "--checkpoint-interval", "100", "--status-interval", "50");
        int plannedKills = 5 + random.nextInt(2);
        List<String> history = new ArrayList<>();
        for (int run = 0; run < plannedKills; run++) {
            JobProcess p = startAndAwaitRunning(runArgs, run, new AtomicLong());
            long delay = 100 + random.nextInt(1200);
            assertThat(p.waitFor(delay, TimeUnit.MILLISECONDS)).as("run %d ended by itself before its kill; log %s", run, p.log()).isFalse();
            p.kill();
            history.add("run " + run + ": SIGKILL " + delay + " ms after it reported running");
        }
        AtomicLong generated = new AtomicLong(-1);
        JobProcess last = startAndAwaitRunning(runArgs, plannedKills, generated);
        long delay = 200 + random.nextInt(600);
        assertThat(last.waitFor(delay, TimeUnit.MILLISECONDS)).as("the last run ended before the stop file").isFalse();
        Files.writeString(stop, "stop\n");
        assertThat(last.waitFor(90, TimeUnit.SECONDS)).as("the last run finished after the stop file; log " + last.log()).isTrue();
        history.add("run " + plannedKills + ": stopped " + delay + " ms after it reported running, exit " + last.exitCode());
        System.out.println(String.join("\n", history));

        assertThat(last.exitCode()).as("exit code of the last run; log " + last.log()).isZero();
        assertThat(generated.get()).as("records generated").isPositive();
        assertExactlyOnce(out, generated.get());
    }

    private JobProcess startAndAwaitRunning(List<String> runArgs, int run, AtomicLong generated) throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        JobProcess p = JobProcess.startRun(DemoChild.JVM_OPTIONS, runArgs, dir.resolve("logs").resolve("run-" + run + ".log"), line -> {
            if (line.startsWith("DEMO-STATUS")) {
                running.countDown();
            } else if (line.startsWith("DEMO-DONE generated=")) {
                generated.set(Long.parseLong(line.substring("DEMO-DONE generated=".length()).trim()));
            }
        }, line -> { }).killOnExit();
        assertThat(running.await(60, TimeUnit.SECONDS)).as("run %d reported running; log %s", run, p.log()).isTrue();
        return p;
    }

    /** Every id of 0..generated-1 once, nothing else, key = id % KEYS, and each key's counts in id order 1, 2, 3, ... */
    private static void assertExactlyOnce(Path out, long generated) throws Exception {
        List<Path> files;
        List<Path> hidden;
        try (Stream<Path> all = Files.walk(out)) {
            List<Path> regular = all.filter(Files::isRegularFile).collect(Collectors.toList());
            hidden = regular.stream().filter(p -> p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().matches("\\.weir-commit-\\d+")) // the sink's commit records stay by design
                    .collect(Collectors.toList());
            files = regular.stream().filter(p -> !p.getFileName().toString().startsWith(".")).collect(Collectors.toList());
        }
        assertThat(hidden).as("no in-progress or pending files are left after the job finished").isEmpty();
        Map<Long, Long> countById = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Path f : files) {
            for (String line : Files.readAllLines(f)) {
                String[] parts = line.split(",");
                long id = Long.parseLong(parts[0]);
                long key = Long.parseLong(parts[1]);
                long count = Long.parseLong(parts[2]);
                if (key != id % KEYS || id < 0 || id >= generated) {
                    wrong.add(f.getFileName() + ": " + line);
                }
                if (countById.put(id, count) != null) {
                    duplicates.add(f.getFileName() + ": " + line);
                }
            }
        }
        List<Long> missing = new ArrayList<>();
        List<String> badCounts = new ArrayList<>();
        long[] perKey = new long[KEYS];
        for (long id = 0; id < generated; id++) {
            long expectedCount = ++perKey[(int) (id % KEYS)];
            Long count = countById.get(id);
            if (count == null) {
                missing.add(id);
            } else if (count != expectedCount) {
                badCounts.add("id " + id + ": count " + count + ", expected " + expectedCount);
            }
        }
        assertThat(duplicates).as("duplicated records").isEmpty();
        assertThat(missing).as("missing ids of 0..%d", generated - 1).isEmpty();
        assertThat(wrong).as("records the generator never emitted").isEmpty();
        assertThat(badCounts).as("running counts per key").isEmpty();
        assertThat(countById).hasSize((int) generated);
    }
}
