package io.weir.runtime.serialization;

import io.weir.api.tuple.Tuple3;
import io.weir.api.typeutils.TypeSerializer;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import static io.weir.runtime.serialization.SerializerTesting.fromBytes;
import static io.weir.runtime.serialization.SerializerTesting.toBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Truncated and damaged input fails with a SerializationException or an IOException that says so. */
class CorruptInputTest {

    @Property(tries = 100)
    void everyTruncationOfAValueFailsWithAnEofThatNamesTheFormat(@ForAll("nested") Object value) {
        TypeSerializer<Object> dynamic = Serializers.dynamic();
        byte[] bytes = toBytes(dynamic, value);
        for (int cut = 0; cut < bytes.length; cut++) {
            byte[] prefix = Arrays.copyOf(bytes, cut);
            Throwable thrown = catchThrowable(() -> dynamic.deserialize(in(prefix)));
            assertThat(thrown).as("reading %d of %d bytes", cut, bytes.length)
                    .isInstanceOf(EOFException.class)
                    .hasMessageContaining("Input ended while reading a value in format '")
                    .hasMessageContaining("truncated");
        }
    }

    @Property(tries = 500)
    void randomBytesFailCleanlyOrDecodeToSomething(@ForAll @Size(max = 64) byte[] garbage) {
        for (TypeSerializer<?> serializer : List.of(Serializers.dynamic(), Serializers.forClass(TestTypes.Person.class),
                Serializers.forClass(Tuple3.class), Serializers.forClass(String.class),
                Serializers.forClass(TestTypes.Money.class), Serializers.forClass(TestTypes.Named.class))) {
            Throwable thrown = catchThrowable(() -> serializer.deserialize(in(garbage)));
            if (thrown != null) {
                assertThat(thrown).as("reading garbage with %s", serializer)
                        .isInstanceOfAny(SerializationException.class, IOException.class);
                assertThat(thrown.getMessage()).as("message of %s", thrown).isNotBlank();
            }
        }
    }

    @Example
    void unknownTypeTagIsReportedAsCorrupt() {
        assertThatThrownBy(() -> fromBytes(Serializers.dynamic(), new byte[] {(byte) 99}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Corrupt input: unknown type tag 99");
    }

    @Example
    void negativeLengthIsReportedAsCorrupt() {
        byte[] negative = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F};
        assertThatThrownBy(() -> fromBytes(Serializers.forClass(String.class), negative))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("negative string length");
    }

    @Example
    void hugeLengthWithFewBytesEndsInEofWithoutAllocatingIt() {
        byte[] huge = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07, 1, 2, 3};
        assertThatThrownBy(() -> fromBytes(Serializers.forClass(byte[].class), huge))
                .isInstanceOf(EOFException.class)
                .hasMessageContaining("format 'bytes'");
    }

    @Example
    void ordinalOutOfRangeIsReportedAsCorrupt() {
        assertThatThrownBy(() -> fromBytes(Serializers.forClass(TestTypes.Color.class), new byte[] {7}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("ordinal 7")
                .hasMessageContaining(TestTypes.Color.class.getName());
    }

    @Example
    void unknownClassNameIsReportedWithTheName() throws IOException {
        byte[] bytes = toBytes(Serializers.dynamic(), new TestTypes.Point(1, 2));
        String good = TestTypes.Point.class.getName();
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).replace(good,
                good.substring(0, good.length() - 1) + "Q");
        byte[] renamed = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> fromBytes(Serializers.dynamic(), renamed))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Cannot load class " + good.substring(0, good.length() - 1) + "Q");
    }

    @Example
    void valuesThatARecordRejectsAreReportedWithTheRecord() {
        byte[] bytes = toBytes(Serializers.forClass(Integer.class), -1);
        assertThatThrownBy(() -> fromBytes(Serializers.forClass(TestTypes.Positive.class), bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("canonical constructor of record " + TestTypes.Positive.class.getName())
                .hasMessageContaining("n must not be negative");
    }

    @Example
    void damagedKryoBytesAreReportedWithTheClass() {
        byte[] bytes = toBytes(Serializers.forClass(TestTypes.Money.class), new TestTypes.Money("EUR", 1));
        for (int i = 1; i < bytes.length; i++) {
            bytes[i] = (byte) 0xEE;
        }
        assertThatThrownBy(() -> fromBytes(Serializers.forClass(TestTypes.Money.class), bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Cannot deserialize a value of class " + TestTypes.Money.class.getName());
    }

    @Provide
    Arbitrary<Object> nested() {
        return TestValues.nested();
    }

    private static DataInputStream in(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }
}
