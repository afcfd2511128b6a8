package io.weir.runtime.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Kills a job's whole JVM with SIGKILL at seeded random moments, resumes it from the latest checkpoint, and checks the final state. */
class CrashRecoveryIT {

    @TempDir
    Path dir;

    @Test
    void shouldEndWithTheFailureFreeStateAfterRepeatedKillMinus9() throws Exception {
        long seed = Long.getLong("weir.test.seed", System.nanoTime());
        System.out.println("CrashRecoveryIT seed " + seed + " (rerun with -Dweir.test.seed=" + seed + ")");
        Random random = new Random(seed);
        // the job sleeps 1 ms per 1000 records per subtask: at least 4 s of work, more than 5 kills (<= 750 ms each) allow
        long events = 8_000_000;
        Path checkpoints = dir.resolve("checkpoints");
        Path out = dir.resolve("result.csv");
        int kills = 0;
        List<String> log = new ArrayList<>();
        while (kills < 5) {
            java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
            Process p = start(checkpoints, out, events, dir.resolve("run-" + kills + ".log"), running);
            assertThat(running.await(30, TimeUnit.SECONDS)).as("child JVM started the job").isTrue();
            long delay = 150 + random.nextInt(600);
            if (p.waitFor(delay, TimeUnit.MILLISECONDS)) {
                log.add("run " + kills + " ended by itself after <" + delay + " ms (exit " + p.exitValue() + ")");
                break;
            }
            p.destroyForcibly(); // SIGKILL on Linux
            p.waitFor();
            kills++;
            log.add("killed run " + kills + " after " + delay + " ms");
        }
        if (!Files.exists(out)) {
            Process last = start(checkpoints, out, events, dir.resolve("final.log"), new java.util.concurrent.CountDownLatch(1));
            assertThat(last.waitFor(120, TimeUnit.SECONDS)).as("final run finished").isTrue();
            assertThat(last.exitValue()).as("final run exit code; log in " + dir).isZero();
        }
        System.out.println(String.join("\n", log));
        assertThat(kills).as("the job was killed at least 5 times before finishing; " + log).isGreaterThanOrEqualTo(5);
        TreeMap<Long, Long> expected = new TreeMap<>();
        for (long i = 0; i < events; i++) {
            expected.merge(i % 97, 1L, Long::sum);
        }
        TreeMap<Long, Long> actual = new TreeMap<>();
        for (String line : Files.readAllLines(out)) {
            String[] kv = line.split(",");
            actual.put(Long.parseLong(kv[0]), Long.parseLong(kv[1]));
        }
        assertThat(actual).isEqualTo(expected);
    }

    private static Process start(Path checkpoints, Path out, long events, Path logFile, java.util.concurrent.CountDownLatch running)
            throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), CrashJob.class.getName(),
                checkpoints.toString(), out.toString(), Long.toString(events));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                List<String> lines = new ArrayList<>();
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                    if (line.equals("RUNNING")) {
                        running.countDown();
                    }
                }
                Files.write(logFile, lines);
            } catch (Exception e) {
                // the process was killed; its log is incomplete
            }
        });
        pump.setDaemon(true);
        pump.start();
        return p;
    }
}
