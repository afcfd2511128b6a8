package io.weir.api.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import io.weir.api.coverage.WeirApiMatcher.Result;
import io.weir.api.coverage.WeirApiMatcher.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The API-coverage check: measures Weir against the checked-in list of Flink 1.20 DataStream API items that Flink
 * users commonly write ({@code flink-1.20-items.txt}, made by {@link FlinkApiListGenerator}) and fails when the
 * number supported drops below the floor in {@code floor.txt}. Each item is mapped to Weir's names by
 * {@code flink-to-weir.txt} and classified by {@link WeirApiMatcher}; items that Weir supports with a signature that
 * differs on purpose are listed, with the reason, in {@code accepted-differences.txt}. The table per category goes to
 * standard output and to {@code target/flink-api-coverage/coverage-report.txt}. No Flink class is needed.
 *
 * <pre>
 * mvn -B -pl weir-api test -Dtest=FlinkApiCoverageTest
 * </pre>
 */
@Timeout(60)
class FlinkApiCoverageTest {

    private static final String RESOURCES = "/flink-api-coverage/";
    static final Path REPORT = Path.of("target/flink-api-coverage/coverage-report.txt");

    private static List<ApiItem> items;
    private static FlinkToWeirMapping mapping;
    private static Map<String, String> acceptedDifferences;
    private static int floor;
    private static List<Result> results;

    @BeforeAll
    static void measure() throws IOException {
        items = lines("flink-1.20-items.txt").stream().map(ApiItem::parse).toList();
        mapping = FlinkToWeirMapping.parse(lines("flink-to-weir.txt"));
        acceptedDifferences = parseAcceptedDifferences(lines("accepted-differences.txt"));
        floor = parseFloor(lines("floor.txt"));
        WeirApiMatcher matcher = new WeirApiMatcher(mapping, FlinkApiCoverageTest.class.getClassLoader());
        results = items.stream().map(matcher::classify).map(FlinkApiCoverageTest::applyAcceptedDifference).toList();
        String report = CoverageReport.render(results, floor);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, report);
        System.out.print(report);
    }

    @Test
    void theListHasItemsEachOnceAndEveryFlinkTypeInItHasAMappingRule() {
        assertThat(items).as("items of flink-1.20-items.txt").isNotEmpty();
        assertThat(items.stream().map(ApiItem::signature)).as("items listed twice").doesNotHaveDuplicates();
        List<String> unmapped = items.stream()
                .flatMap(item -> Stream.concat(Stream.of(item.owner()), item.params().stream()))
                .filter(type -> mapping.weirName(type).isEmpty()).distinct().sorted().toList();
        assertThat(unmapped).as("Flink types that no rule of flink-to-weir.txt maps").isEmpty();
    }

    @Test
    void everyRuleOfTheMappingIsUsedAndSomeMappedClassesExist() {
        assertThat(mapping.unusedRules()).as("rules of flink-to-weir.txt that no item uses").isEmpty();
        assertThat(results.stream().filter(r -> !r.detail().startsWith("no public class")).count())
                .as("items whose Weir class exists").isPositive();
    }

    @Test
    void everyAcceptedDifferenceIsAnItemThatStillDiffers() {
        Map<String, Result> bySignature = results.stream()
                .collect(Collectors.toMap(r -> r.item().signature(), Function.identity()));
        List<String> stale = new ArrayList<>();
        acceptedDifferences.forEach((signature, reason) -> {
            Result result = bySignature.get(signature);
            if (result == null) {
                stale.add(signature + ": not an item of flink-1.20-items.txt");
            } else if (result.verdict() != Verdict.SUPPORTED_DIFFERENTLY) {
                stale.add(signature + ": now " + result.verdict() + " (" + result.detail() + ")");
            }
        });
        assertThat(stale).as("stale lines of accepted-differences.txt (remove or fix them)").isEmpty();
    }

    @Test
    void supportedItemsDoNotDropBelowTheFloor() {
        int supported = CoverageReport.Counts.of(results).supported();
        assertThat(floor).as("floor.txt").isPositive().isLessThanOrEqualTo(items.size());
        assertThat(supported)
                .as("items supported (see %s; raise floor.txt when coverage grows, never lower it silently)", REPORT)
                .isGreaterThanOrEqualTo(floor);
        if (supported > floor) {
            System.out.printf("%nsupported %d > floor %d: raise floor.txt to %d%n", supported, floor, supported);
        }
    }

    /**
     * An item listed in accepted-differences.txt counts as supported while Weir still has a member of its name that
     * is incompatible; in any other state it stays as classified and the accepted-differences test reports it.
     */
    private static Result applyAcceptedDifference(Result result) {
        boolean accepted = acceptedDifferences.containsKey(result.item().signature());
        return accepted && result.verdict() == Verdict.INCOMPATIBLE
                ? new Result(result.item(), Verdict.SUPPORTED_DIFFERENTLY,
                        acceptedDifferences.get(result.item().signature()) + "; " + result.detail())
                : result;
    }

    /** Lines {@code <item signature> <reason>}; the reason is required. */
    static Map<String, String> parseAcceptedDifferences(List<String> lines) {
        Map<String, String> accepted = new LinkedHashMap<>();
        for (String line : lines) {
            String[] parts = line.split("\\s+", 2);
            if (parts.length < 2 || !parts[0].contains("#")) {
                throw new IllegalArgumentException("expected '<class>#<member>(<params>) <reason>': " + line);
            }
            if (accepted.put(parts[0], parts[1]) != null) {
                throw new IllegalArgumentException("listed twice: " + parts[0]);
            }
        }
        return accepted;
    }

    /** The one line {@code supported <n>}. */
    static int parseFloor(List<String> lines) {
        if (lines.size() != 1 || !lines.get(0).matches("supported \\d+")) {
            throw new IllegalArgumentException("expected one line 'supported <n>' in floor.txt, got " + lines);
        }
        return Integer.parseInt(lines.get(0).substring("supported ".length()));
    }

    /** The resource's lines without comment lines ({@code #} first) and blank lines. */
    static List<String> lines(String name) {
        try (InputStream in = FlinkApiCoverageTest.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
