package io.weir.runtime.serialization;

import io.weir.api.typeutils.TypeSerializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

/** Byte-level helpers shared by the serializer tests. */
final class SerializerTesting {
    private SerializerTesting() {}

    static <T> byte[] toBytes(TypeSerializer<T> serializer, T value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            serializer.serialize(value, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads one value and checks that it used up exactly the given bytes. */
    static <T> T fromBytes(TypeSerializer<T> serializer, byte[] bytes) throws IOException {
        ByteArrayInputStream stream = new ByteArrayInputStream(bytes);
        T value = serializer.deserialize(new DataInputStream(stream));
        assertThat(stream.available()).as("bytes left after reading").isZero();
        return value;
    }

    /**
     * Writes with {@code serializer} and reads back with a duplicate and with a Java-serialized copy
     * of it, as a restore on another thread or after shipping the serializer would.
     */
    static <T> T roundTrip(TypeSerializer<T> serializer, T value) throws IOException {
        byte[] bytes = toBytes(serializer, value);
        T viaDuplicate = fromBytes(serializer.duplicate(), bytes);
        T viaShipped = fromBytes(javaSerialized(serializer), bytes);
        T viaSame = fromBytes(serializer, bytes);
        assertThat(viaShipped).usingRecursiveComparison().isEqualTo(viaDuplicate);
        assertThat(viaSame).usingRecursiveComparison().isEqualTo(viaDuplicate);
        return viaDuplicate;
    }

    @SuppressWarnings("unchecked")
    static <T> TypeSerializer<T> javaSerialized(TypeSerializer<T> serializer) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(serializer);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (TypeSerializer<T>) in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new AssertionError("serializer " + serializer + " is not Java-serializable", e);
        }
    }
}
