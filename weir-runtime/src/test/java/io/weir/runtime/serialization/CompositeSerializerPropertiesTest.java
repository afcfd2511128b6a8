package io.weir.runtime.serialization;

import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;
import io.weir.api.tuple.Tuple4;
import io.weir.api.tuple.Tuple5;
import io.weir.api.typeutils.TypeSerializer;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.weir.runtime.serialization.SerializerTesting.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

/** Tuples, lists, maps and arbitrarily nested values: round trip, deep copy, and the class read back. */
class CompositeSerializerPropertiesTest {

    @Property
    void nestedValuesRoundTripThroughDynamic(@ForAll("nested") Object value) throws IOException {
        Object back = roundTrip(Serializers.dynamic(), value);
        assertThat(back).usingRecursiveComparison().withStrictTypeChecking().isEqualTo(value);
    }

    @Property
    void dynamicCopyIsEqualAndSharesNoMutableState(@ForAll("nested") Object value) {
        Object copy = Serializers.dynamic().copy(value);
        assertThat(copy).usingRecursiveComparison().withStrictTypeChecking().isEqualTo(value);
        TestValues.assertSharesNoMutableState(value, copy);
    }

    @Property(tries = 100)
    void tuplesRoundTripWithFieldsOfAnyType(@ForAll("nested") Object a, @ForAll("nested") Object b,
                                            @ForAll("nested") Object c, @ForAll("nested") Object d,
                                            @ForAll("nested") Object e) throws IOException {
        checkTuple(Serializers.forClass(Tuple2.class), Tuple2.of(a, b), "tuple2");
        checkTuple(Serializers.forClass(Tuple3.class), Tuple3.of(a, b, c), "tuple3");
        checkTuple(Serializers.forClass(Tuple4.class), Tuple4.of(a, b, c, d), "tuple4");
        checkTuple(Serializers.forClass(Tuple5.class), Tuple5.of(a, b, c, d, e), "tuple5");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void checkTuple(TypeSerializer serializer, Object tuple, String identifier) throws IOException {
        assertThat(serializer.snapshotIdentifier()).isEqualTo(identifier);
        assertThat(serializer.isImmutableType()).isFalse();
        assertThat(roundTrip(serializer, tuple)).usingRecursiveComparison().withStrictTypeChecking().isEqualTo(tuple);
        Object copy = serializer.copy(tuple);
        assertThat(copy).usingRecursiveComparison().withStrictTypeChecking().isEqualTo(tuple);
        TestValues.assertSharesNoMutableState(tuple, copy);
    }

    @Property
    void listsReadBackAsArrayListsWithEqualElements(@ForAll("nestedList") List<Object> list) throws IOException {
        @SuppressWarnings({"unchecked", "rawtypes"})
        TypeSerializer<List<Object>> serializer = (TypeSerializer) Serializers.forClass(List.class);
        assertThat(serializer.snapshotIdentifier()).isEqualTo("list");
        List<Object> back = roundTrip(serializer, list);
        assertThat(back).isInstanceOf(ArrayList.class);
        assertThat(back).usingRecursiveComparison().isEqualTo(list);
        List<Object> copy = serializer.copy(list);
        TestValues.assertSharesNoMutableState(list, copy);
    }

    @Property
    void mapsReadBackAsHashMapsWithEqualEntries(@ForAll("nestedMap") Map<Object, Object> map) throws IOException {
        @SuppressWarnings({"unchecked", "rawtypes"})
        TypeSerializer<Map<Object, Object>> serializer = (TypeSerializer) Serializers.forClass(HashMap.class);
        assertThat(serializer.snapshotIdentifier()).isEqualTo("map");
        Map<Object, Object> back = roundTrip(serializer, map);
        assertThat(back).isInstanceOf(HashMap.class);
        assertThat(back).usingRecursiveComparison().isEqualTo(map);
        TestValues.assertSharesNoMutableState(map, serializer.copy(map));
    }

    @Example
    void nullKeysValuesAndElementsAreKept() throws IOException {
        Map<Object, Object> map = new HashMap<>();
        map.put(null, "x");
        map.put("y", null);
        List<Object> list = new ArrayList<>(java.util.Arrays.asList(null, 1L, null));
        Tuple3<Object, Object, Object> tuple = Tuple3.of(map, list, null);
        assertThat(roundTrip(Serializers.forClass(Tuple3.class), tuple)).isEqualTo(tuple);
    }

    @Example
    void otherListAndMapClassesKeepTheirClassThroughDynamic() throws IOException {
        TypeSerializer<Object> dynamic = Serializers.dynamic();
        List<Object> values = List.of(
                new LinkedList<>(List.of(1, 2)),
                List.of("immutable", "list"),
                new TreeMap<>(Map.of("b", 2, "a", 1)),
                Map.of("k", "v"));
        for (Object value : values) {
            Object back = roundTrip(dynamic, value);
            assertThat(back).isEqualTo(value);
            assertThat(back.getClass()).isEqualTo(value.getClass());
        }
    }

    @Example
    void copyingATupleDoesNotShareItsNestedList() {
        List<String> inner = new ArrayList<>(List.of("a"));
        Tuple2<String, List<String>> tuple = Tuple2.of("k", inner);
        @SuppressWarnings({"unchecked", "rawtypes"})
        TypeSerializer<Tuple2<String, List<String>>> serializer = (TypeSerializer) Serializers.forClass(Tuple2.class);
        Tuple2<String, List<String>> copy = serializer.copy(tuple);
        copy.f1.add("b");
        copy.f0 = "changed";
        assertThat(tuple.f1).containsExactly("a");
        assertThat(tuple.f0).isEqualTo("k");
    }

    @Provide
    Arbitrary<Object> nested() {
        return TestValues.nested();
    }

    @Provide
    Arbitrary<List<Object>> nestedList() {
        return TestValues.nested().list().ofMaxSize(5);
    }

    @Provide
    Arbitrary<Map<Object, Object>> nestedMap() {
        return net.jqwik.api.Arbitraries.maps(TestValues.leaf().filter(k -> !(k instanceof byte[])), TestValues.nested())
                .ofMaxSize(5);
    }
}
