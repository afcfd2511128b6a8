package io.weir.runtime.serialization;

import io.weir.api.typeutils.TypeSerializer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static io.weir.runtime.serialization.SerializerTesting.roundTrip;
import static io.weir.runtime.serialization.SerializerTesting.toBytes;
import static org.assertj.core.api.Assertions.assertThat;

/** Round trip and copy semantics of the serializers for boxed primitives, strings, byte arrays and enums. */
class BuiltInSerializerPropertiesTest {

    @Property
    void longsRoundTripAndCopyIsIdentity(@ForAll long value) throws IOException {
        checkImmutable(Serializers.forClass(Long.class), value, "long");
        checkImmutable(Serializers.forClass(long.class), value, "long");
    }

    @Property
    void intsRoundTripAndCopyIsIdentity(@ForAll int value) throws IOException {
        checkImmutable(Serializers.forClass(Integer.class), value, "int");
    }

    @Property
    void shortsRoundTripAndCopyIsIdentity(@ForAll short value) throws IOException {
        checkImmutable(Serializers.forClass(Short.class), value, "short");
    }

    @Property
    void bytesRoundTripAndCopyIsIdentity(@ForAll byte value) throws IOException {
        checkImmutable(Serializers.forClass(Byte.class), value, "byte");
    }

    @Property
    void booleansRoundTripAndCopyIsIdentity(@ForAll boolean value) throws IOException {
        checkImmutable(Serializers.forClass(Boolean.class), value, "boolean");
    }

    @Property
    void charsRoundTripAndCopyIsIdentity(@ForAll char value) throws IOException {
        checkImmutable(Serializers.forClass(Character.class), value, "char");
    }

    @Property
    void doublesRoundTripBitForBit(@ForAll double value) throws IOException {
        checkImmutable(Serializers.forClass(Double.class), value, "double");
        double back = roundTrip(Serializers.forClass(Double.class), value);
        assertThat(Double.doubleToRawLongBits(back)).isEqualTo(Double.doubleToRawLongBits(value));
    }

    @Property
    void floatsRoundTripBitForBit(@ForAll float value) throws IOException {
        checkImmutable(Serializers.forClass(Float.class), value, "float");
        float back = roundTrip(Serializers.forClass(Float.class), value);
        assertThat(Float.floatToRawIntBits(back)).isEqualTo(Float.floatToRawIntBits(value));
    }

    @Property
    void stringsOfAnyCharsRoundTrip(@ForAll("anyString") String value) throws IOException {
        checkImmutable(Serializers.forClass(String.class), value, "string");
    }

    @Property
    void wellFormedStringsAreWrittenAsStandardUtf8(@ForAll("wellFormedString") String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        byte[] written = toBytes(Serializers.forClass(String.class), value);
        byte[] body = Arrays.copyOfRange(written, written.length - utf8.length, written.length);
        assertThat(body).isEqualTo(utf8);
    }

    @Example
    void stringsLongerThan64KbRoundTrip() throws IOException {
        String ascii = "abcdefghij".repeat(10_000);
        String mixed = "ä€😀x".repeat(30_000);
        assertThat(roundTrip(Serializers.forClass(String.class), ascii)).isEqualTo(ascii);
        assertThat(roundTrip(Serializers.forClass(String.class), mixed)).isEqualTo(mixed);
    }

    @Example
    void loneSurrogatesSurviveRoundTrip() throws IOException {
        String broken = "a\uD800b\uDC00c\uDBFF";
        assertThat(roundTrip(Serializers.forClass(String.class), broken)).isEqualTo(broken);
    }

    @Property
    void byteArraysRoundTripAndCopyIsIndependent(@ForAll byte[] value) throws IOException {
        TypeSerializer<byte[]> serializer = Serializers.forClass(byte[].class);
        assertThat(serializer.snapshotIdentifier()).isEqualTo("bytes");
        assertThat(serializer.isImmutableType()).isFalse();
        assertThat(roundTrip(serializer, value)).isEqualTo(value);

        byte[] copy = serializer.copy(value);
        assertThat(copy).isEqualTo(value).isNotSameAs(value);
        if (copy.length > 0) {
            byte before = value[0];
            copy[0]++;
            assertThat(value[0]).isEqualTo(before);
        }
    }

    @Property
    void enumsRoundTripAsTheSameConstant(@ForAll TestTypes.Color color, @ForAll TestTypes.Op op) throws IOException {
        TypeSerializer<TestTypes.Color> colors = Serializers.forClass(TestTypes.Color.class);
        assertThat(colors.snapshotIdentifier()).isEqualTo("enum:" + TestTypes.Color.class.getName());
        assertThat(roundTrip(colors, color)).isSameAs(color);
        assertThat(colors.copy(color)).isSameAs(color);
        assertThat(colors.isImmutableType()).isTrue();

        @SuppressWarnings("unchecked")
        TypeSerializer<TestTypes.Op> ops = (TypeSerializer<TestTypes.Op>) Serializers.forClass(op.getClass());
        assertThat(roundTrip(ops, op)).isSameAs(op);
    }

    @Property
    void everyBuiltInValueRoundTripsThroughDynamic(@ForAll("builtInValue") Object value) throws IOException {
        TypeSerializer<Object> dynamic = Serializers.dynamic();
        Object back = roundTrip(dynamic, value);
        assertThat(back).usingRecursiveComparison().withStrictTypeChecking().isEqualTo(value);
    }

    private static <T> void checkImmutable(TypeSerializer<T> serializer, T value, String identifier)
            throws IOException {
        assertThat(serializer.snapshotIdentifier()).isEqualTo(identifier);
        assertThat(serializer.isImmutableType()).isTrue();
        assertThat(serializer.copy(value)).isSameAs(value);
        assertThat(serializer.duplicate()).isSameAs(serializer);
        assertThat(roundTrip(serializer, value)).isEqualTo(value);
    }

    @Provide
    Arbitrary<String> anyString() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.strings().ascii().ofMaxLength(50),
                Arbitraries.strings().withCharRange('\u0080', '\u07FF').ofMaxLength(50));
    }

    @Provide
    Arbitrary<String> wellFormedString() {
        return Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
                .list().ofMaxSize(40)
                .map(cps -> cps.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint,
                        StringBuilder::append).toString());
    }

    @Provide
    Arbitrary<Object> builtInValue() {
        return TestValues.leaf();
    }
}
