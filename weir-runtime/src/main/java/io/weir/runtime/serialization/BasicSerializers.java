package io.weir.runtime.serialization;

import io.weir.api.typeutils.TypeSerializer;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Stateless singletons for the boxed primitives and byte arrays; each keeps its identity across Java serialization. */
final class BasicSerializers {
    static final TypeSerializer<Long> LONG = new LongSerializer();
    static final TypeSerializer<Integer> INT = new IntSerializer();
    static final TypeSerializer<Short> SHORT = new ShortSerializer();
    static final TypeSerializer<Byte> BYTE = new ByteSerializer();
    static final TypeSerializer<Boolean> BOOLEAN = new BooleanSerializer();
    static final TypeSerializer<Character> CHAR = new CharSerializer();
    static final TypeSerializer<Double> DOUBLE = new DoubleSerializer();
    static final TypeSerializer<Float> FLOAT = new FloatSerializer();
    static final TypeSerializer<byte[]> BYTES = new BytesSerializer();

    private BasicSerializers() {}

    static final class LongSerializer extends ImmutableValueSerializer<Long> {
        private static final long serialVersionUID = 1L;

        LongSerializer() {
            super("long");
        }

        @Override
        void write(Long value, DataOutput out) throws IOException {
            out.writeLong(value);
        }

        @Override
        Long read(DataInput in) throws IOException {
            return in.readLong();
        }

        private Object readResolve() {
            return LONG;
        }
    }

    static final class IntSerializer extends ImmutableValueSerializer<Integer> {
        private static final long serialVersionUID = 1L;

        IntSerializer() {
            super("int");
        }

        @Override
        void write(Integer value, DataOutput out) throws IOException {
            out.writeInt(value);
        }

        @Override
        Integer read(DataInput in) throws IOException {
            return in.readInt();
        }

        private Object readResolve() {
            return INT;
        }
    }

    static final class ShortSerializer extends ImmutableValueSerializer<Short> {
        private static final long serialVersionUID = 1L;

        ShortSerializer() {
            super("short");
        }

        @Override
        void write(Short value, DataOutput out) throws IOException {
            out.writeShort(value);
        }

        @Override
        Short read(DataInput in) throws IOException {
            return in.readShort();
        }

        private Object readResolve() {
            return SHORT;
        }
    }

    static final class ByteSerializer extends ImmutableValueSerializer<Byte> {
        private static final long serialVersionUID = 1L;

        ByteSerializer() {
            super("byte");
        }

        @Override
        void write(Byte value, DataOutput out) throws IOException {
            out.writeByte(value);
        }

        @Override
        Byte read(DataInput in) throws IOException {
            return in.readByte();
        }

        private Object readResolve() {
            return BYTE;
        }
    }

    static final class BooleanSerializer extends ImmutableValueSerializer<Boolean> {
        private static final long serialVersionUID = 1L;

        BooleanSerializer() {
            super("boolean");
        }

        @Override
        void write(Boolean value, DataOutput out) throws IOException {
            out.writeBoolean(value);
        }

        @Override
        Boolean read(DataInput in) throws IOException {
            int b = in.readUnsignedByte();
            if (b > 1) {
                throw Io.corrupt("boolean byte " + b + " (expected 0 or 1)");
            }
            return b == 1;
        }

        private Object readResolve() {
            return BOOLEAN;
        }
    }

    static final class CharSerializer extends ImmutableValueSerializer<Character> {
        private static final long serialVersionUID = 1L;

        CharSerializer() {
            super("char");
        }

        @Override
        void write(Character value, DataOutput out) throws IOException {
            out.writeChar(value);
        }

        @Override
        Character read(DataInput in) throws IOException {
            return in.readChar();
        }

        private Object readResolve() {
            return CHAR;
        }
    }

    static final class DoubleSerializer extends ImmutableValueSerializer<Double> {
        private static final long serialVersionUID = 1L;

        DoubleSerializer() {
            super("double");
        }

        @Override
        void write(Double value, DataOutput out) throws IOException {
            out.writeLong(Double.doubleToRawLongBits(value));
        }

        @Override
        Double read(DataInput in) throws IOException {
            return Double.longBitsToDouble(in.readLong());
        }

        private Object readResolve() {
            return DOUBLE;
        }
    }

    static final class FloatSerializer extends ImmutableValueSerializer<Float> {
        private static final long serialVersionUID = 1L;

        FloatSerializer() {
            super("float");
        }

        @Override
        void write(Float value, DataOutput out) throws IOException {
            out.writeInt(Float.floatToRawIntBits(value));
        }

        @Override
        Float read(DataInput in) throws IOException {
            return Float.intBitsToFloat(in.readInt());
        }

        private Object readResolve() {
            return FLOAT;
        }
    }

    /** Length-prefixed bytes; arrays are mutable, so copy clones. */
    static final class BytesSerializer extends AbstractSerializer<byte[]> {
        private static final long serialVersionUID = 1L;

        @Override
        void write(byte[] value, DataOutput out) throws IOException {
            Io.writeVarInt(out, value.length);
            out.write(value);
        }

        @Override
        byte[] read(DataInput in) throws IOException {
            return Io.readBytes(in, Io.readLength(in, "byte array"));
        }

        @Override
        byte[] copyNonNull(byte[] value) {
            return value.clone();
        }

        @Override
        public boolean isImmutableType() {
            return false;
        }

        @Override
        public TypeSerializer<byte[]> duplicate() {
            return this;
        }

        @Override
        public String snapshotIdentifier() {
            return "bytes";
        }

        private Object readResolve() {
            return BYTES;
        }
    }
}
