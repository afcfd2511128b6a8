package io.weir.cli.campaign;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs schedules one after the other, appends one JSON line per schedule to a results file, prints each schedule's plan
 * before it runs and its outcome after, and a summary table at the end. Work folders of passing schedules are deleted;
 * failing ones are kept (with every run's log) for inspection.
 */
final class FaultCampaign {
    private final Schedule.Settings settings;
    private final Path results;
    private final PrintStream out;
    private final List<Schedule.Result> done = new ArrayList<>();

    FaultCampaign(Schedule.Settings settings, Path results, PrintStream out) {
        this.settings = settings;
        this.results = results;
        this.out = out;
    }

    Schedule.Result run(long seed) throws IOException, InterruptedException {
        FaultPlan plan = FaultPlan.of(seed);
        out.println("[campaign] schedule " + (done.size() + 1) + ": " + plan + "  (replay: -Dweir.campaign.seed=" + seed + ")");
        Schedule.Result r = new Schedule(plan, settings).run();
        done.add(r);
        out.println("[campaign]   -> " + r.outcome() + " in " + r.millis() + " ms, " + r.runs() + " runs: " + r.detail());
        if (r.outcome().failing || Boolean.getBoolean("weir.campaign.keep")) {
            r.events().forEach(e -> out.println("[campaign]      " + e));
            out.println("[campaign]      work folder kept: " + r.workDir());
        } else {
            deleteTree(r.workDir());
        }
        Files.createDirectories(results.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(results, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            w.write(json(r));
            w.write('\n');
        }
        out.flush();
        return r;
    }

    List<Schedule.Result> results() {
        return done;
    }

    /** The outcome counts, the fault classes seen per outcome, the mean schedule time and every failing seed. */
    String summary() {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            counts.put(o, 0);
        }
        Map<FaultPlan.Kind, int[]> perKind = new EnumMap<>(FaultPlan.Kind.class);
        long totalMs = 0;
        for (Schedule.Result r : done) {
            counts.merge(r.outcome(), 1, Integer::sum);
            totalMs += r.millis();
            for (FaultPlan.Kind k : r.plan().kinds()) {
                int[] c = perKind.computeIfAbsent(k, x -> new int[2]);
                c[0]++;
                if (r.outcome().failing || Boolean.getBoolean("weir.campaign.keep")) {
                    c[1]++;
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Fault campaign: %d schedules, %.1f s per schedule on average, %.1f min in all%n", done.size(),
                done.isEmpty() ? 0.0 : totalMs / 1000.0 / done.size(), totalMs / 60000.0));
        sb.append(String.format(Locale.ROOT, "  %-22s %7s%n", "OUTCOME", "COUNT"));
        counts.forEach((o, c) -> sb.append(String.format(Locale.ROOT, "  %-22s %7d%s%n", o, c, o.failing && c > 0 ? "   <-- FAILS THE CAMPAIGN" : "")));
        sb.append(String.format(Locale.ROOT, "  %-22s %9s %8s%n", "FAULT CLASS", "SCHEDULES", "FAILING"));
        perKind.forEach((k, c) -> sb.append(String.format(Locale.ROOT, "  %-22s %9d %8d%n", k, c[0], c[1])));
        done.stream().filter(r -> r.outcome().failing).forEach(r -> sb.append("  FAILING seed ").append(r.plan().seed()).append(" ")
                .append(r.outcome()).append(": ").append(r.plan()).append(" => ").append(r.detail()).append('\n'));
        return sb.toString();
    }

    static String json(Schedule.Result r) {
        StringBuilder sb = new StringBuilder("{");
        sb.append("\"seed\":").append(r.plan().seed());
        sb.append(",\"outcome\":").append(quote(r.outcome().name()));
        sb.append(",\"failing\":").append(r.outcome().failing);
        sb.append(",\"plan\":").append(quote(r.plan().toString()));
        sb.append(",\"faults\":[");
        for (int i = 0; i < r.plan().faults().size(); i++) {
            sb.append(i > 0 ? "," : "").append(quote(r.plan().faults().get(i).kind().name()));
        }
        sb.append("],\"runs\":").append(r.runs());
        sb.append(",\"millis\":").append(r.millis());
        sb.append(",\"detail\":").append(quote(r.detail()));
        sb.append(",\"events\":[");
        for (int i = 0; i < r.events().size(); i++) {
            sb.append(i > 0 ? "," : "").append(quote(r.events().get(i)));
        }
        return sb.append("]}").toString();
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : (s == null ? "" : s).toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
