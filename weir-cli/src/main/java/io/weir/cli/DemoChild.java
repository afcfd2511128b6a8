package io.weir.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One JVM of the demo job: its latest status line ({@code DEMO-STATUS key=value ...}), its final
 * {@code DEMO-DONE generated=N}, and events read from its log. Written by the pump threads, read by the demo's thread.
 */
final class DemoChild {
    static final List<String> JVM_OPTIONS = List.of("-Xmx512m", JobProcess.EXIT_ON_OUT_OF_MEMORY, "-Dorg.slf4j.simpleLogger.showDateTime=true",
            "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS");
    private static final Pattern INJECTED = Pattern.compile("failed: .*injected user exception at record (\\d+)");
    /** How the event of an injected exception starts. */
    static final String INJECTED_EVENT = "the job threw the injected user exception";
    private static final Pattern RESTORES = Pattern.compile("restores checkpoint (\\d+) from");

    private final int number;
    private final Set<Long> failuresSeen = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();
    private volatile Map<String, Long> status = Map.of();
    private volatile long generated = -1;
    /** Restore lines seen; only the stderr pump thread touches it. */
    private int restoresSeen;
    private JobProcess process;

    private DemoChild(int number) {
        this.number = number;
    }

    static DemoChild start(int number, List<String> runArgs, Path log) throws IOException {
        DemoChild c = new DemoChild(number);
        c.process = JobProcess.startRun(JVM_OPTIONS, runArgs, log, c::onStdout, c::onStderr).killOnExit();
        return c;
    }

    JobProcess process() {
        return process;
    }

    private void onStdout(String line) {
        if (line.startsWith("DEMO-STATUS ")) {
            status = parse(line);
        } else if (line.startsWith("DEMO-DONE ")) {
            generated = parse(line).getOrDefault("generated", -1L);
        }
    }

    private void onStderr(String line) {
        Matcher m = INJECTED.matcher(line);
        if (m.find() && failuresSeen.add(Long.parseLong(m.group(1)))) {
            events.add(INJECTED_EVENT + " at record " + m.group(1) + "; it restarts from its latest checkpoint");
            return;
        }
        m = RESTORES.matcher(line);
        if (m.find()) {
            // a later JVM's first restore is the one asked for with -s latest; every other one follows a restart in the JVM
            boolean resume = number > 1 && restoresSeen++ == 0;
            events.add(resume ? "the new JVM restored checkpoint " + m.group(1) + " (-s latest)"
                    : "a restart in this JVM restored checkpoint " + m.group(1));
            return;
        }
        if (number > 1 && line.contains("No completed checkpoint")) {
            events.add("no checkpoint completed before the kill: the new JVM starts from the beginning");
        }
    }

    private static Map<String, Long> parse(String line) {
        Map<String, Long> values = new HashMap<>();
        for (String part : line.split(" ")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                try {
                    values.put(part.substring(0, eq), Long.parseLong(part.substring(eq + 1)));
                } catch (NumberFormatException e) {
                    // not a number: ignore the field
                }
            }
        }
        return values;
    }

    List<String> drainEvents() {
        List<String> drained = new ArrayList<>();
        for (String e; (e = events.poll()) != null; ) {
            drained.add(e);
        }
        return drained;
    }

    boolean hasReported() {
        return !status.isEmpty();
    }

    long processed() {
        return status.getOrDefault("processed", -1L);
    }

    long generatedSoFar() {
        return status.getOrDefault("generated", -1L);
    }

    long checkpoints() {
        return status.getOrDefault("checkpoints", 0L);
    }

    long lastCheckpointMs() {
        return status.getOrDefault("last-checkpoint-ms", -1L);
    }

    long restarts() {
        return status.getOrDefault("restarts", 0L);
    }

    /** Records the generator emitted in total, from {@code DEMO-DONE}; -1 until the job has finished. */
    long generated() {
        return generated;
    }
}
