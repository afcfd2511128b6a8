package io.weir.runtime.serialization;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;

/** Variable-length integers, guarded reads of length-prefixed data, and error wording. */
final class Io {
    /** Corrupt lengths must not make us allocate gigabytes before the input runs out. */
    private static final int READ_CHUNK = 1 << 20;

    private Io() {}

    static void writeVarInt(DataOutput out, int value) throws IOException {
        while ((value & ~0x7F) != 0) {
            out.writeByte((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.writeByte(value);
    }

    static int readVarInt(DataInput in) throws IOException {
        int result = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.readUnsignedByte();
            result |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw corrupt("a variable-length integer is longer than 5 bytes");
    }

    /** Reads a length written by {@link #writeVarInt}, rejecting negative values. */
    static int readLength(DataInput in, String what) throws IOException {
        int length = readVarInt(in);
        if (length < 0) {
            throw corrupt("negative " + what + " length " + length);
        }
        return length;
    }

    /** Reads exactly {@code length} bytes, allocating in step with the bytes that actually arrive. */
    static byte[] readBytes(DataInput in, int length) throws IOException {
        if (length <= READ_CHUNK) {
            byte[] bytes = new byte[length];
            in.readFully(bytes);
            return bytes;
        }
        byte[] bytes = new byte[READ_CHUNK];
        int filled = 0;
        while (filled < length) {
            if (filled == bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(length, 2L * bytes.length));
            }
            int n = bytes.length - filled;
            in.readFully(bytes, filled, n);
            filled += n;
        }
        return bytes;
    }

    /** An initial collection capacity that a corrupt size cannot blow up. */
    static int safeCapacity(int size) {
        return Math.min(size, 1024);
    }

    static SerializationException corrupt(String detail) {
        return new SerializationException("Corrupt input: " + detail
                + ". The bytes are damaged or were written by a different serializer.");
    }

    /** Names the serializer that ran out of input; keeps the innermost description when nested. */
    static EOFException truncated(String format, EOFException cause) {
        if (cause instanceof TruncatedInputException) {
            return cause;
        }
        EOFException e = new TruncatedInputException("Input ended while reading a value in format '" + format
                + "': the bytes are truncated or were written by a different serializer.");
        e.initCause(cause);
        return e;
    }

    /**
     * Adds the field where a failure happened, building a path such as
     * {@code In com.acme.Order.customer -> com.acme.Customer.address: ...} for nested values.
     */
    static SerializationException inField(Class<?> owner, String field, SerializationException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String here = owner.getName() + "." + field;
        String wrapped = message.startsWith("In ")
                ? "In " + here + " -> " + message.substring(3)
                : "In " + here + ": " + message;
        return new SerializationException(wrapped, e);
    }

    static final class TruncatedInputException extends EOFException {
        private static final long serialVersionUID = 1L;

        TruncatedInputException(String message) {
            super(message);
        }
    }
}
