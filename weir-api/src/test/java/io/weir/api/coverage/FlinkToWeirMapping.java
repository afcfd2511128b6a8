package io.weir.api.coverage;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The explicit table ({@code flink-to-weir.txt}) that says which Weir type a ported job imports in place of a Flink
 * type: exact-package rules plus per-class rules, a class rule winning. Nothing is guessed: a Flink type that no rule
 * covers has no mapping, and {@link #unusedRules()} names rules that nothing asked for, so the table cannot rot.
 */
final class FlinkToWeirMapping {

    private static final String FLINK = "org.apache.flink.";

    private final Map<String, String> packages = new LinkedHashMap<>();
    private final Map<String, String> classes = new LinkedHashMap<>();
    private final Set<String> used = new LinkedHashSet<>();

    private FlinkToWeirMapping() {}

    /** Reads the table; fails with the line on anything but {@code package|class <flink> <weir>}. */
    static FlinkToWeirMapping parse(List<String> lines) {
        FlinkToWeirMapping mapping = new FlinkToWeirMapping();
        for (String raw : lines) {
            String line = raw.replaceFirst("#.*", "").trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] words = line.split("\\s+");
            Map<String, String> rules = words.length != 3 ? null
                    : words[0].equals("package") ? mapping.packages
                    : words[0].equals("class") ? mapping.classes : null;
            if (rules == null || !words[1].startsWith(FLINK)) {
                throw new IllegalArgumentException("expected 'package|class <org.apache.flink...> <io.weir...>': " + raw);
            }
            if (rules.put(words[1], words[2]) != null) {
                throw new IllegalArgumentException("mapped twice: " + words[1]);
            }
        }
        return mapping;
    }

    /**
     * The Weir type name for a Flink type name in the list's form (binary names, {@code []} for arrays): itself
     * outside {@code org.apache.flink}, empty when no rule covers it.
     */
    Optional<String> weirName(String flinkType) {
        if (flinkType.endsWith("[]")) {
            return weirName(flinkType.substring(0, flinkType.length() - 2)).map(component -> component + "[]");
        }
        if (!flinkType.startsWith(FLINK)) {
            return Optional.of(flinkType);
        }
        int dollar = flinkType.indexOf('$');
        String topLevel = dollar < 0 ? flinkType : flinkType.substring(0, dollar);
        String nested = dollar < 0 ? "" : flinkType.substring(dollar);
        if (classes.containsKey(flinkType)) {
            return Optional.of(use("class " + flinkType, classes.get(flinkType)));
        }
        if (classes.containsKey(topLevel)) {
            return Optional.of(use("class " + topLevel, classes.get(topLevel)) + nested);
        }
        int dot = topLevel.lastIndexOf('.');
        String flinkPackage = topLevel.substring(0, dot);
        if (packages.containsKey(flinkPackage)) {
            return Optional.of(use("package " + flinkPackage, packages.get(flinkPackage)) + flinkType.substring(dot));
        }
        return Optional.empty();
    }

    /** Rules that no {@link #weirName} call has used so far, as {@code package|class <flink name>}. */
    Set<String> unusedRules() {
        Set<String> unused = new LinkedHashSet<>();
        packages.keySet().forEach(p -> unused.add("package " + p));
        classes.keySet().forEach(c -> unused.add("class " + c));
        unused.removeAll(used);
        return unused;
    }

    private String use(String rule, String target) {
        used.add(rule);
        return target;
    }
}
