package io.weir.runtime.serialization;

import io.weir.api.tuple.Tuple2;
import io.weir.api.typeutils.TypeSerializer;
import io.weir.runtime.serialization.TestTypes.Counter;
import io.weir.runtime.serialization.TestTypes.Guarded;
import io.weir.runtime.serialization.TestTypes.WithCallback;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;

import static io.weir.runtime.serialization.SerializerTesting.toBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a user is told when a value cannot be serialized. */
class SerializationErrorTest {

    @Test
    void whenKryoCannotSerializeAField_thenTheMessageNamesClassFieldCauseAndRemedy() {
        TypeSerializer<Counter> serializer = Serializers.forClass(Counter.class);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        assertThatThrownBy(() -> serializer.serialize(new Counter("c", 1), new DataOutputStream(bytes)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Cannot serialize a value of class " + Counter.class.getName())
                .hasMessageContaining("at field " + Counter.class.getName() + ".count")
                .hasMessageContaining("java.util.concurrent.atomic.AtomicLong")
                .hasMessageContaining("give the state descriptor a TypeSerializer".substring(1))
                .hasMessageContaining("POJO")
                .hasMessageContaining("Counter is not a POJO because it has no public no-arg constructor");
        assertThat(bytes.size()).as("nothing is written when serialization fails").isZero();
    }

    @Test
    void whenAPojoFieldCannotBeSerialized_thenTheMessageStartsWithTheFieldPath() {
        Guarded guarded = new Guarded();
        guarded.name = "g";

        assertThatThrownBy(() -> toBytes(Serializers.forClass(Guarded.class), guarded))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("In " + Guarded.class.getName() + ".lock: ")
                .hasMessageContaining("java.util.concurrent.locks.ReentrantLock")
                .hasMessageContaining("TypeSerializer");
    }

    @Test
    void whenAValueHoldsALambda_thenItIsRefusedAtWriteTimeNotAtRestore() {
        WithCallback value = new WithCallback();
        value.callback = (Runnable & java.io.Serializable) () -> { };

        assertThatThrownBy(() -> toBytes(Serializers.forClass(WithCallback.class), value))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("In " + WithCallback.class.getName() + ".callback: ")
                .hasMessageContaining("lambda")
                .hasMessageContaining("use a named class");
    }

    @Test
    void whenNullIsGivenToANonNullableSerializer_thenTheMessageSaysWhereNullIsAccepted() {
        assertThatThrownBy(() -> toBytes(Serializers.forClass(Long.class), null))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("'long' serializer cannot write null")
                .hasMessageContaining("Serializers.dynamic()");
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void whenAValueOfTheWrongClassIsGiven_thenTheMessageNamesBoth() {
        TypeSerializer raw = Serializers.forClass(Long.class);
        assertThatThrownBy(() -> toBytes(raw, "not a long"))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("'long' serializer was given a value of java.lang.String");
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void whenATupleSubclassIsGivenToATupleSerializer_thenItIsRefusedRatherThanTruncated() {
        class Pair extends Tuple2<String, String> {
            String extra = "lost";
        }
        TypeSerializer raw = Serializers.forClass(Tuple2.class);
        assertThatThrownBy(() -> toBytes(raw, new Pair()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("writes exactly " + Tuple2.class.getName())
                .hasMessageContaining("Pair");
    }

    @Test
    void whenCopyMeetsAnUnserializableField_thenCopyFailsWithTheSameKindOfMessage() {
        assertThatThrownBy(() -> Serializers.forClass(Counter.class).copy(new Counter("c", 1)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Cannot copy a value of class " + Counter.class.getName());
    }

    @Test
    void nullArgumentsToTheFactoryAreRejected() {
        assertThatThrownBy(() -> Serializers.forClass(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
