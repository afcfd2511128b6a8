package io.weir.runtime.serialization;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Strings as a byte count followed by UTF-8, so there is no 64 KB limit as with {@code writeUTF}.
 * A lone surrogate (legal in a Java string, illegal in UTF-8) is written as its own 3-byte
 * sequence instead of being replaced by '?', so every string reads back equal; strings without
 * lone surrogates are plain UTF-8.
 */
final class StringSerializer extends ImmutableValueSerializer<String> {
    private static final long serialVersionUID = 1L;

    static final StringSerializer INSTANCE = new StringSerializer();

    private StringSerializer() {
        super("string");
    }

    @Override
    void write(String value, DataOutput out) throws IOException {
        int length = encodedLength(value);
        Io.writeVarInt(out, length);
        if (length == value.length()) {
            out.write(value.getBytes(StandardCharsets.ISO_8859_1)); // all ASCII
        } else {
            out.write(encode(value, length));
        }
    }

    @Override
    String read(DataInput in) throws IOException {
        byte[] bytes = Io.readBytes(in, Io.readLength(in, "string"));
        return decode(bytes);
    }

    private static int encodedLength(String s) {
        int n = s.length();
        long length = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    length += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    length += 2; // 4 bytes for 2 chars
                    i++;
                } else {
                    length += 2;
                }
            }
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw new SerializationException("A string of " + n + " chars encodes to " + length
                    + " bytes, more than a Java array holds; split the value.");
        }
        return (int) length;
    }

    private static byte[] encode(String s, int length) {
        byte[] bytes = new byte[length];
        int p = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes[p++] = (byte) c;
            } else if (c < 0x800) {
                bytes[p++] = (byte) (0xC0 | (c >> 6));
                bytes[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                bytes[p++] = (byte) (0xF0 | (cp >> 18));
                bytes[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                bytes[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                bytes[p++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                bytes[p++] = (byte) (0xE0 | (c >> 12));
                bytes[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                bytes[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return bytes;
    }

    private static String decode(byte[] bytes) {
        int n = bytes.length;
        int i = 0;
        while (i < n && bytes[i] >= 0) {
            i++;
        }
        if (i == n) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        char[] chars = new char[n];
        int p = 0;
        for (int j = 0; j < i; j++) {
            chars[p++] = (char) bytes[j];
        }
        while (i < n) {
            int b = bytes[i++];
            if (b >= 0) {
                chars[p++] = (char) b;
            } else if ((b & 0xE0) == 0xC0) {
                chars[p++] = (char) (((b & 0x1F) << 6) | continuation(bytes, i++));
            } else if ((b & 0xF0) == 0xE0) {
                chars[p++] = (char) (((b & 0x0F) << 12) | (continuation(bytes, i) << 6) | continuation(bytes, i + 1));
                i += 2;
            } else if ((b & 0xF8) == 0xF0) {
                int cp = ((b & 0x07) << 18) | (continuation(bytes, i) << 12)
                        | (continuation(bytes, i + 1) << 6) | continuation(bytes, i + 2);
                i += 3;
                if (cp < Character.MIN_SUPPLEMENTARY_CODE_POINT || cp > Character.MAX_CODE_POINT) {
                    throw Io.corrupt("code point " + Integer.toHexString(cp) + " in a 4-byte UTF-8 sequence");
                }
                chars[p++] = Character.highSurrogate(cp);
                chars[p++] = Character.lowSurrogate(cp);
            } else {
                throw Io.corrupt("byte 0x" + Integer.toHexString(b & 0xFF) + " cannot start a UTF-8 sequence");
            }
        }
        return new String(chars, 0, p);
    }

    private static int continuation(byte[] bytes, int i) {
        if (i >= bytes.length) {
            throw Io.corrupt("a UTF-8 sequence is cut off at the end of the string");
        }
        int b = bytes[i];
        if ((b & 0xC0) != 0x80) {
            throw Io.corrupt("byte 0x" + Integer.toHexString(b & 0xFF) + " is not a UTF-8 continuation byte");
        }
        return b & 0x3F;
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
