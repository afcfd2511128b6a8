package io.weir.runtime.serialization;

import io.weir.api.datastream.CoGroupedStreams.TaggedUnion;
import io.weir.api.typeutils.TypeSerializer;
import io.weir.runtime.serialization.TestTypes.Address;
import io.weir.runtime.serialization.TestTypes.Bag;
import io.weir.runtime.serialization.TestTypes.Blob;
import io.weir.runtime.serialization.TestTypes.Color;
import io.weir.runtime.serialization.TestTypes.Employee;
import io.weir.runtime.serialization.TestTypes.Named;
import io.weir.runtime.serialization.TestTypes.Node;
import io.weir.runtime.serialization.TestTypes.Person;
import io.weir.runtime.serialization.TestTypes.Point;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static io.weir.runtime.serialization.SerializerTesting.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

/** Which classes are POJOs and records, and how their serializers round-trip and copy. */
class PojoAndRecordSerializerTest {

    @Example
    void publicFieldsAndGetterSetterPairsMakeAPojo() {
        assertThat(Serializers.forClass(Person.class).snapshotIdentifier()).isEqualTo("pojo:" + Person.class.getName());
        assertThat(Serializers.forClass(Address.class).snapshotIdentifier()).isEqualTo("pojo:" + Address.class.getName());
        assertThat(Serializers.forClass(Employee.class).snapshotIdentifier()).isEqualTo("pojo:" + Employee.class.getName());
    }

    /** What a co-group or window join keeps in its window state and sends between tasks. */
    @Example
    void theTaggedUnionOfJoinsIsAPojoThatKeepsItsSideAndDeepCopies() throws IOException {
        @SuppressWarnings({"unchecked", "rawtypes"})
        TypeSerializer<TaggedUnion<Person, List<String>>> serializer = (TypeSerializer) Serializers.forClass(TaggedUnion.class);
        assertThat(serializer.snapshotIdentifier()).isEqualTo("pojo:" + TaggedUnion.class.getName());
        TaggedUnion<Person, List<String>> one = TaggedUnion.one(new Person("a", 1, new ArrayList<>(List.of("t")), null, Color.RED, 3L));
        TaggedUnion<Person, List<String>> two = TaggedUnion.two(new ArrayList<>(List.of("x", "y")));
        assertThat(roundTrip(serializer, one)).isEqualTo(one).matches(TaggedUnion::isOne).matches(u -> !u.isTwo());
        assertThat(roundTrip(serializer, two)).isEqualTo(two).matches(TaggedUnion::isTwo).matches(u -> !u.isOne());
        TaggedUnion<Person, List<String>> copy = serializer.copy(two);
        copy.getTwo().add("z");
        assertThat(two.getTwo()).containsExactly("x", "y");
        TypeSerializer<Object> dynamic = Serializers.dynamic();
        assertThat(roundTrip(dynamic, (Object) one)).isEqualTo(one);
    }

    @Example
    void classesBreakingAPojoRuleGoToKryo() {
        assertThat(Serializers.forClass(TestTypes.Money.class).snapshotIdentifier())
                .isEqualTo("kryo:" + TestTypes.Money.class.getName());
        assertThat(Serializers.forClass(TestTypes.ReadOnly.class).snapshotIdentifier()).startsWith("kryo:");
        assertThat(Serializers.forClass(TestTypes.WithFinalField.class).snapshotIdentifier()).startsWith("kryo:");
        assertThat(Serializers.forClass(java.util.Date.class).snapshotIdentifier()).isEqualTo("kryo:java.util.Date");
    }

    @Property
    void pojosRoundTripWithEveryKindOfField(@ForAll String name, @ForAll int age, @ForAll List<String> tags,
                                            @ForAll Color color, @ForAll long extra) throws IOException {
        Person person = new Person(name, age, new ArrayList<>(tags), new Address(name, age, age > 0), color, extra);
        assertThat(roundTrip(Serializers.forClass(Person.class), person)).isEqualTo(person);
    }

    @Property
    void primitiveFieldsOfEveryTypeRoundTripAndCopy(@ForAll long j, @ForAll int i, @ForAll double d, @ForAll float f,
                                                    @ForAll short s, @ForAll byte b, @ForAll char c,
                                                    @ForAll boolean z) throws IOException {
        TestTypes.AllPrimitives value = new TestTypes.AllPrimitives();
        value.j = j;
        value.i = i;
        value.d = d;
        value.f = f;
        value.s = s;
        value.b = b;
        value.c = c;
        value.z = z;
        TypeSerializer<TestTypes.AllPrimitives> serializer = Serializers.forClass(TestTypes.AllPrimitives.class);
        assertThat(serializer.snapshotIdentifier()).startsWith("pojo:");
        assertThat(roundTrip(serializer, value)).usingRecursiveComparison().isEqualTo(value);
        assertThat(serializer.copy(value)).usingRecursiveComparison().isEqualTo(value).isNotSameAs(value);
    }

    @Example
    void pojoFieldsMayBeNull() throws IOException {
        Person empty = new Person();
        Person back = roundTrip(Serializers.forClass(Person.class), empty);
        assertThat(back).isEqualTo(empty);
        assertThat(back.address).isNull();
    }

    @Example
    void inheritedFieldsAreWrittenAndTransientOnesAreNot() throws IOException {
        Employee e = new Employee();
        e.name = "ada";
        e.salary = 12.5;
        e.cached = "dropped";
        Employee back = roundTrip(Serializers.forClass(Employee.class), e);
        assertThat(back.name).isEqualTo("ada");
        assertThat(back.salary).isEqualTo(12.5);
        assertThat(back.cached).isEqualTo("not serialized");
    }

    @Example
    void pojoCopyIsDeep() {
        TypeSerializer<Person> serializer = Serializers.forClass(Person.class);
        Person original = new Person("a", 1, new ArrayList<>(List.of("t")), new Address("s", 1, true), Color.RED,
                new ArrayList<>(List.of(1)));
        Person copy = serializer.copy(original);
        assertThat(serializer.isImmutableType()).isFalse();
        assertThat(copy).isEqualTo(original).isNotSameAs(original);

        copy.tags.add("u");
        copy.address.setStreet("changed");
        @SuppressWarnings("unchecked")
        List<Object> extra = (List<Object>) copy.extra;
        extra.add(2);
        assertThat(original.tags).containsExactly("t");
        assertThat(original.address.getStreet()).isEqualTo("s");
        assertThat(original.extra).isEqualTo(List.of(1));
    }

    @Example
    void aPojoHoldingASubclassInAnObjectFieldKeepsTheSubclass() throws IOException {
        Person person = new Person();
        Employee boss = new Employee();
        boss.salary = 3;
        person.extra = boss;
        Person back = roundTrip(Serializers.forClass(Person.class), person);
        assertThat(back.extra).isInstanceOf(Employee.class);
        assertThat(((Employee) back.extra).salary).isEqualTo(3);
    }

    @Property
    void recordsOfImmutableComponentsAreImmutable(@ForAll int x, @ForAll int y, @ForAll String name,
                                                  @ForAll Color color) throws IOException {
        TypeSerializer<Point> points = Serializers.forClass(Point.class);
        assertThat(points.snapshotIdentifier()).isEqualTo("record:" + Point.class.getName());
        assertThat(points.isImmutableType()).isTrue();
        Point p = new Point(x, y);
        assertThat(points.copy(p)).isSameAs(p);
        assertThat(roundTrip(points, p)).isEqualTo(p);

        TypeSerializer<Named> named = Serializers.forClass(Named.class);
        assertThat(named.isImmutableType()).isTrue();
        Named n = new Named(name, color, (long) x, p);
        assertThat(roundTrip(named, n)).isEqualTo(n);
        assertThat(roundTrip(named, new Named(null, null, null, null))).isEqualTo(new Named(null, null, null, null));
    }

    @Property
    void recordsWithMutableComponentsCopyDeeply(@ForAll String id, @ForAll List<String> items) throws IOException {
        TypeSerializer<Bag> serializer = Serializers.forClass(Bag.class);
        assertThat(serializer.isImmutableType()).isFalse();
        Bag bag = new Bag(id, new ArrayList<>(items));
        assertThat(roundTrip(serializer, bag)).isEqualTo(bag);

        Bag copy = serializer.copy(bag);
        assertThat(copy).isEqualTo(bag).isNotSameAs(bag);
        copy.items().add("extra");
        assertThat(bag.items()).isEqualTo(items);
    }

    @Example
    void recordWithByteArrayCopiesTheArray() {
        TypeSerializer<Blob> serializer = Serializers.forClass(Blob.class);
        assertThat(serializer.isImmutableType()).isFalse();
        Blob blob = new Blob(new byte[] {1, 2});
        Blob copy = serializer.copy(blob);
        copy.data()[0] = 9;
        assertThat(blob.data()).containsExactly(1, 2);
    }

    @Example
    void recursiveRecordsRoundTrip() throws IOException {
        Node list = new Node(1, new Node(2, new Node(3, null)));
        TypeSerializer<Node> serializer = Serializers.forClass(Node.class);
        assertThat(serializer.isImmutableType()).isTrue();
        assertThat(roundTrip(serializer, list)).isEqualTo(list);
    }

    @Example
    void recordsAndPojosInsideDynamicValuesKeepTheirClass() throws IOException {
        List<Object> values = new ArrayList<>(List.of(new Point(1, 2), new Address("x", 2, false), Color.BLUE,
                TestTypes.Op.SUB));
        Object back = roundTrip(Serializers.dynamic(), values);
        assertThat(back).isEqualTo(values);
    }
}
