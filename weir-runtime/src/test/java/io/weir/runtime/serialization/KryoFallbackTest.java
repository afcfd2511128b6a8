package io.weir.runtime.serialization;

import io.weir.api.typeutils.TypeSerializer;
import io.weir.runtime.serialization.TestTypes.Link;
import io.weir.runtime.serialization.TestTypes.Money;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.io.IOException;
import java.util.List;

import static io.weir.runtime.serialization.SerializerTesting.fromBytes;
import static io.weir.runtime.serialization.SerializerTesting.roundTrip;
import static io.weir.runtime.serialization.SerializerTesting.toBytes;
import static org.assertj.core.api.Assertions.assertThat;

/** The Kryo fallback for classes without a built-in format. */
class KryoFallbackTest {

    @Property
    void classWithoutNoArgConstructorRoundTrips(@ForAll String currency, @ForAll long cents,
                                                @ForAll List<String> notes) throws IOException {
        TypeSerializer<Money> serializer = Serializers.forClass(Money.class);
        assertThat(serializer.snapshotIdentifier()).isEqualTo("kryo:" + Money.class.getName());
        Money money = new Money(currency, cents);
        money.notes().addAll(notes);
        assertThat(roundTrip(serializer, money)).isEqualTo(money);
    }

    @Example
    void copyIsDeepAndIndependent() {
        TypeSerializer<Money> serializer = Serializers.forClass(Money.class);
        assertThat(serializer.isImmutableType()).isFalse();
        Money money = new Money("EUR", 5);
        money.notes().add("a");
        Money copy = serializer.copy(money);
        assertThat(copy).isEqualTo(money).isNotSameAs(money);
        copy.notes().add("b");
        assertThat(money.notes()).containsExactly("a");
    }

    @Example
    void sharedReferencesAndCyclesSurvive() throws IOException {
        Link a = new Link("a");
        Link b = new Link("b");
        a.next = b;
        b.next = a;
        Link back = roundTrip(Serializers.forClass(Link.class), a);
        assertThat(back.label).isEqualTo("a");
        assertThat(back.next.label).isEqualTo("b");
        assertThat(back.next.next).isSameAs(back);
    }

    @Example
    void nullIsAccepted() throws IOException {
        TypeSerializer<Money> serializer = Serializers.forClass(Money.class);
        assertThat(fromBytes(serializer, toBytes(serializer, null))).isNull();
    }

    @Example
    void duplicatesAreIndependentInstancesThatReadEachOthersBytes() throws IOException {
        TypeSerializer<Money> first = Serializers.forClass(Money.class);
        TypeSerializer<Money> second = first.duplicate();
        assertThat(second).isNotSameAs(first);
        assertThat(second.snapshotIdentifier()).isEqualTo(first.snapshotIdentifier());
        Money money = new Money("USD", 7);
        assertThat(fromBytes(second, toBytes(first, money))).isEqualTo(money);
        assertThat(fromBytes(first, toBytes(second, money))).isEqualTo(money);
    }

    @Example
    void builtInClassesCanBeForcedThroughKryo() throws IOException {
        TypeSerializer<TestTypes.Person> serializer = Serializers.kryo(TestTypes.Person.class);
        assertThat(serializer.snapshotIdentifier()).isEqualTo("kryo:" + TestTypes.Person.class.getName());
        TestTypes.Person person = new TestTypes.Person("p", 3, null, null, TestTypes.Color.RED, null);
        assertThat(roundTrip(serializer, person)).isEqualTo(person);
    }

    @Example
    void dynamicUsesKryoForUnknownClasses() throws IOException {
        Money money = new Money("CHF", 1);
        assertThat(roundTrip(Serializers.dynamic(), money)).isEqualTo(money);
        Object copy = Serializers.dynamic().copy(money);
        assertThat(copy).isEqualTo(money).isNotSameAs(money);
    }
}
