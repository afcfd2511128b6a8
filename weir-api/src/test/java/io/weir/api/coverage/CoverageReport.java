package io.weir.api.coverage;

import io.weir.api.coverage.WeirApiMatcher.Result;
import io.weir.api.coverage.WeirApiMatcher.Verdict;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the verdicts as text: one table row per category in the list's order, a total, then every item that is not
 * supported, with what Weir has instead.
 */
final class CoverageReport {

    private CoverageReport() {}

    /** Counts by verdict, per category and in total. */
    record Counts(int items, Map<Verdict, Integer> byVerdict) {
        int supported() {
            return byVerdict.get(Verdict.SUPPORTED) + byVerdict.get(Verdict.SUPPORTED_DIFFERENTLY);
        }

        static Counts of(List<Result> results) {
            Map<Verdict, Integer> byVerdict = new EnumMap<>(Verdict.class);
            for (Verdict verdict : Verdict.values()) {
                byVerdict.put(verdict, (int) results.stream().filter(r -> r.verdict() == verdict).count());
            }
            return new Counts(results.size(), byVerdict);
        }
    }

    /** The results grouped by category, categories in their first appearance's order. */
    static Map<String, List<Result>> byCategory(List<Result> results) {
        Map<String, List<Result>> grouped = new LinkedHashMap<>();
        results.forEach(r -> grouped.computeIfAbsent(r.item().category(), c -> new ArrayList<>()).add(r));
        return grouped;
    }

    static String render(List<Result> results, int floor) {
        Counts total = Counts.of(results);
        StringBuilder out = new StringBuilder();
        out.append(String.format("Flink 1.20 DataStream API coverage: %d of %d items supported (%s), floor %d%n%n",
                total.supported(), total.items(), percent(total), floor));
        String row = "%-12s %6s %10s %12s %13s %8s %9s%n";
        out.append(String.format(row, "category", "items", "supported", "differently", "incompatible", "missing",
                "coverage"));
        byCategory(results).forEach((category, rows) -> appendRow(out, row, category, Counts.of(rows)));
        appendRow(out, row, "total", total);
        byCategory(results).forEach((category, rows) -> {
            List<Result> notSupported = rows.stream()
                    .filter(r -> r.verdict() == Verdict.INCOMPATIBLE || r.verdict() == Verdict.MISSING).toList();
            if (!notSupported.isEmpty()) {
                out.append(String.format("%n%s: not supported%n", category));
                notSupported.forEach(r -> out.append(String.format("  %-12s %s%n      %s%n", r.verdict(),
                        r.item().signature(), r.detail())));
            }
        });
        return out.toString();
    }

    private static void appendRow(StringBuilder out, String row, String category, Counts counts) {
        out.append(String.format(row, category, counts.items(), counts.byVerdict().get(Verdict.SUPPORTED),
                counts.byVerdict().get(Verdict.SUPPORTED_DIFFERENTLY), counts.byVerdict().get(Verdict.INCOMPATIBLE),
                counts.byVerdict().get(Verdict.MISSING), percent(counts)));
    }

    static String percent(Counts counts) {
        return String.format("%.1f%%", 100.0 * counts.supported() / Math.max(1, counts.items()));
    }
}
