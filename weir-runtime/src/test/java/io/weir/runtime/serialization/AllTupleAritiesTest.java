package io.weir.runtime.serialization;

import io.weir.api.tuple.Tuple;
import io.weir.api.tuple.Tuple0;
import io.weir.api.typeutils.TypeSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** Every tuple arity, 0 to 25, has a built-in format, on its own and inside the dynamic serializer. */
@Timeout(30)
class AllTupleAritiesTest {
    private static Tuple filled(int arity) {
        Tuple t = Tuple.newInstance(arity);
        for (int i = 0; i < arity; i++) {
            t.setField(i % 3 == 0 ? null : i % 3 == 1 ? (Object) ("s" + i) : (Object) (long) i, i);
        }
        return t;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyArityRoundTripsThroughItsOwnSerializerAndTheDynamicOne() throws Exception {
        TypeSerializer<Object> dynamic = Serializers.dynamic();
        for (int arity = 0; arity <= Tuple.MAX_ARITY; arity++) {
            Tuple t = filled(arity);
            TypeSerializer<Tuple> own = (TypeSerializer<Tuple>) Serializers.forClass(Tuple.getTupleClass(arity));
            assertThat(own.snapshotIdentifier()).isEqualTo("tuple" + arity);
            assertThat(SerializerTesting.roundTrip(own, t)).isEqualTo(t);
            assertThat(SerializerTesting.roundTrip(dynamic, t)).as("arity %d", arity).isEqualTo(t).hasSameClassAs(t);
            Tuple copy = own.copy(t);
            assertThat(copy).isEqualTo(t);
        }
        assertThat(SerializerTesting.roundTrip(dynamic, Tuple0.INSTANCE)).isSameAs(Tuple0.INSTANCE);
    }
}
