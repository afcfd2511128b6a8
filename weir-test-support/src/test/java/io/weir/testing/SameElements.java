package io.weir.testing;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares two collections as multisets in linear time: AssertJ's {@code containsExactlyInAnyOrderElementsOf} is
 * quadratic, which made tests over tens of thousands of outputs spend most of their time in the assertion. On a
 * mismatch the message lists (up to 20 of) the missing and the extra elements with their counts.
 */
final class SameElements {
    private SameElements() {}

    static <T> void assertSameElements(String what, Collection<T> actual, Collection<T> expected) {
        Map<T, Integer> counts = new HashMap<>();
        for (T e : expected) {
            counts.merge(e, 1, Integer::sum);
        }
        for (T a : actual) {
            counts.merge(a, -1, Integer::sum);
        }
        List<String> differences = counts.entrySet().stream().filter(e -> e.getValue() != 0).limit(20)
                .map(e -> e.getKey() + (e.getValue() > 0 ? " missing x" + e.getValue() : " extra x" + (-e.getValue())))
                .collect(Collectors.toList());
        assertThat(differences).as("%s: %d elements, %d expected; differences", what, actual.size(), expected.size()).isEmpty();
    }
}
