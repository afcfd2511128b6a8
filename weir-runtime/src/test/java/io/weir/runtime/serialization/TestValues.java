package io.weir.runtime.serialization;

import io.weir.api.tuple.Tuple;
import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;
import io.weir.api.tuple.Tuple4;
import io.weir.api.tuple.Tuple5;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static java.util.Collections.newSetFromMap;

/** Generators of values for the dynamic serializer, and a check that a copy shares no mutable object. */
final class TestValues {
    private TestValues() {}

    /** Values of every built-in leaf type, null included. */
    static Arbitrary<Object> leaf() {
        return Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.longs().map(v -> (Object) v),
                Arbitraries.integers().map(v -> (Object) v),
                Arbitraries.shorts().map(v -> (Object) v),
                Arbitraries.bytes().map(v -> (Object) v),
                Arbitraries.of(true, false).map(v -> (Object) v),
                Arbitraries.chars().map(v -> (Object) v),
                Arbitraries.doubles().map(v -> (Object) v),
                Arbitraries.floats().map(v -> (Object) v),
                Arbitraries.strings().ofMaxLength(20).map(v -> (Object) v),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(8).map(v -> (Object) v),
                Arbitraries.of(TestTypes.Color.class).map(v -> (Object) v),
                Arbitraries.of(TestTypes.Op.class).map(v -> (Object) v),
                Combinators.combine(Arbitraries.integers(), Arbitraries.integers())
                        .as((x, y) -> (Object) new TestTypes.Point(x, y)));
    }

    /** Leaves nested up to three levels in tuples, lists, maps, records and POJOs. */
    static Arbitrary<Object> nested() {
        return Arbitraries.recursive(TestValues::leaf, TestValues::composite, 0, 3);
    }

    private static Arbitrary<Object> composite(Arbitrary<Object> inner) {
        Arbitrary<String> keys = Arbitraries.strings().alpha().ofMaxLength(5);
        return Arbitraries.oneOf(
                Combinators.combine(inner, inner).as((a, b) -> (Object) Tuple2.of(a, b)),
                Combinators.combine(inner, inner, inner).as((a, b, c) -> (Object) Tuple3.of(a, b, c)),
                Combinators.combine(inner, inner, inner, inner).as((a, b, c, d) -> (Object) Tuple4.of(a, b, c, d)),
                Combinators.combine(inner, inner, inner, inner, inner)
                        .as((a, b, c, d, e) -> (Object) Tuple5.of(a, b, c, d, e)),
                inner.list().ofMaxSize(4).map(l -> (Object) new ArrayList<>(l)),
                Arbitraries.maps(keys, inner).ofMaxSize(4).map(m -> (Object) new HashMap<>(m)),
                Combinators.combine(keys, inner.list().ofMaxSize(3))
                        .as((id, items) -> (Object) new TestTypes.Bag(id, new ArrayList<>(
                                items.stream().map(String::valueOf).toList()))),
                Combinators.combine(keys, Arbitraries.integers(), inner)
                        .as((name, age, extra) -> (Object) new TestTypes.Person(name, age,
                                new ArrayList<>(List.of(name)), new TestTypes.Address(name, age, age % 2 == 0),
                                TestTypes.Color.GREEN, extra)));
    }

    /**
     * Walks an original and its copy side by side and fails if they share any mutable object
     * (tuple, list, map, array, POJO or mutable record); immutable values may be shared.
     */
    static void assertSharesNoMutableState(Object original, Object copy) {
        walk(original, copy, newSetFromMap(new IdentityHashMap<>()));
    }

    private static void walk(Object original, Object copy, Set<Object> seen) {
        if (original == null || !seen.add(original)) {
            return;
        }
        if (original instanceof Tuple) {
            assertThat(copy).isNotSameAs(original);
            Tuple t = (Tuple) original;
            for (int i = 0; i < t.getArity(); i++) {
                walk(t.getField(i), ((Tuple) copy).getField(i), seen);
            }
        } else if (original instanceof List) {
            assertThat(copy).isNotSameAs(original);
            List<?> l = (List<?>) original;
            for (int i = 0; i < l.size(); i++) {
                walk(l.get(i), ((List<?>) copy).get(i), seen);
            }
        } else if (original instanceof Map) {
            assertThat(copy).isNotSameAs(original);
            for (Map.Entry<?, ?> e : ((Map<?, ?>) original).entrySet()) {
                walk(e.getValue(), ((Map<?, ?>) copy).get(e.getKey()), seen);
            }
        } else if (original instanceof byte[]) {
            assertThat(copy).isNotSameAs(original);
        } else if (original instanceof TestTypes.Bag) {
            assertThat(copy).isNotSameAs(original);
            walk(((TestTypes.Bag) original).items(), ((TestTypes.Bag) copy).items(), seen);
        } else if (original instanceof TestTypes.Person) {
            TestTypes.Person p = (TestTypes.Person) original;
            TestTypes.Person c = (TestTypes.Person) copy;
            assertThat(c).isNotSameAs(p);
            assertThat(c.address).isNotSameAs(p.address);
            walk(p.tags, c.tags, seen);
            walk(p.extra, c.extra, seen);
        }
    }
}
