package io.weir.runtime.checkpoint;

import java.util.Objects;

/**
 * Where one subtask's state lives inside a checkpoint folder, and how to tell that it is unchanged.
 *
 * @param fileName  the file's name relative to the checkpoint folder: a plain name, no separators, not starting with
 *                  {@code _} (names starting with {@code _} are reserved for storage files such as {@code _metadata})
 * @param sizeBytes the exact length of the file
 * @param crc32c    the CRC32C ({@link java.util.zip.CRC32C}) of the whole file, an unsigned 32-bit value
 */
public record StateFileHandle(String fileName, long sizeBytes, long crc32c) {

    public StateFileHandle {
        checkFileName(fileName);
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must be >= 0, was " + sizeBytes + " (state file " + fileName + ")");
        }
        if (crc32c < 0 || crc32c > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("crc32c must be an unsigned 32-bit value, was " + crc32c + " (state file " + fileName + ")");
        }
    }

    /** The checksum as the 8 lower-case hex digits that tools show. */
    public String crc32cHex() {
        return String.format("%08x", crc32c);
    }

    /**
     * Checks that {@code fileName} names a file directly inside a checkpoint folder, so that a damaged or hand-edited
     * {@code _metadata} can never make storage read or write outside it.
     */
    static void checkFileName(String fileName) {
        Objects.requireNonNull(fileName, "fileName");
        if (fileName.isEmpty() || fileName.equals(".") || fileName.equals("..") || fileName.startsWith("_")
                || fileName.length() > 200 || fileName.chars().anyMatch(c -> c == '/' || c == '\\' || c == ':' || c < 0x20)) {
            throw new IllegalArgumentException("state file name '" + fileName + "' is not allowed: use a plain file name of"
                    + " at most 200 characters without '/', '\\', ':' or control characters, not starting with '_'"
                    + " (reserved for storage files such as _metadata)");
        }
    }
}
