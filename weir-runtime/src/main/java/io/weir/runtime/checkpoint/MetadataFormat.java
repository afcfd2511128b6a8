package io.weir.runtime.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/** Reads and writes the {@code _metadata} JSON with its self-checksum; the format is documented on {@link CheckpointMetadata}. */
final class MetadataFormat {
    static final String CHECKSUM_FIELD = "checksum";
    private static final byte[] CHECKSUM_MARK = "\"crc32c:".getBytes(StandardCharsets.US_ASCII);
    private static final int HEX_DIGITS = 8;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .build();

    /** Why a {@code _metadata} file cannot be used; the message is the problem, for users. */
    static final class FormatException extends Exception {
        private static final long serialVersionUID = 1L;

        FormatException(String problem) {
            super(problem, null, false, false);
        }
    }

    private MetadataFormat() {}

    static byte[] write(CheckpointMetadata metadata) {
        return writeTree(MAPPER.valueToTree(metadata));
    }

    /** Appends the checksum member to {@code tree} and serializes it. Tests use it to write other format versions. */
    static byte[] writeTree(ObjectNode tree) {
        tree.remove(CHECKSUM_FIELD);
        tree.put(CHECKSUM_FIELD, "crc32c:" + "0".repeat(HEX_DIGITS));
        byte[] bytes;
        try {
            bytes = (MAPPER.writeValueAsString(tree) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize checkpoint metadata", e);
        }
        int digits = checksumDigitsOffset(bytes);
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        byte[] hex = hex(crc.getValue());
        System.arraycopy(hex, 0, bytes, digits, HEX_DIGITS);
        return bytes;
    }

    static ObjectNode toTree(CheckpointMetadata metadata) {
        return MAPPER.valueToTree(metadata);
    }

    /**
     * Verifies and parses a {@code _metadata} file's bytes. Order matters for the message: the checksum is checked
     * before anything is interpreted, so a flipped byte is reported as damage, not as a strange value.
     */
    static CheckpointMetadata read(byte[] bytes) throws FormatException {
        if (bytes.length == 0) {
            throw new FormatException("the file is empty (the write was interrupted, or the file was truncated)");
        }
        int digits = checksumDigitsOffset(bytes);
        if (digits >= 0) {
            verifyChecksum(bytes, digits);
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(bytes);
        } catch (java.io.IOException e) {
            throw new FormatException("not valid JSON (truncated or damaged): " + firstLine(e.getMessage()));
        }
        if (tree == null || !tree.isObject()) {
            throw new FormatException("not a JSON object (truncated or damaged)");
        }
        JsonNode version = tree.get("formatVersion");
        if (version == null || !version.isInt()) {
            throw new FormatException("has no formatVersion number, so it is not Weir checkpoint metadata or is damaged");
        }
        if (version.intValue() != CheckpointMetadata.CURRENT_FORMAT_VERSION) {
            throw new FormatException("unknown format version " + version.intValue() + " (this Weir reads version "
                    + CheckpointMetadata.CURRENT_FORMAT_VERSION + "; was it written by a newer Weir?)");
        }
        if (digits < 0) {
            throw new FormatException("has no checksum member, so it is truncated or damaged");
        }
        ((ObjectNode) tree).remove(CHECKSUM_FIELD);
        if (!tree.has("lineage")) {
            ((ObjectNode) tree).putNull("lineage"); // optional member: absent in metadata written before lineages
        }
        try {
            return MAPPER.treeToValue(tree, CheckpointMetadata.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new FormatException("does not match format version 1: " + firstLine(e.getMessage()));
        }
    }

    private static void verifyChecksum(byte[] bytes, int digits) throws FormatException {
        String stored = new String(bytes, digits, HEX_DIGITS, StandardCharsets.US_ASCII);
        byte[] zeroed = bytes.clone();
        Arrays.fill(zeroed, digits, digits + HEX_DIGITS, (byte) '0');
        CRC32C crc = new CRC32C();
        crc.update(zeroed);
        String computed = new String(hex(crc.getValue()), StandardCharsets.US_ASCII);
        if (!computed.equals(stored)) {
            throw new FormatException("checksum mismatch (recorded crc32c " + stored + ", computed " + computed
                    + "): the file was changed or damaged after it was written");
        }
    }

    /**
     * Offset of the 8 hex digits of the last {@code "crc32c:XXXXXXXX"} string, or -1. The checksum is the object's
     * last member, so the last occurrence is it even if some string value contains the same characters.
     */
    private static int checksumDigitsOffset(byte[] bytes) {
        outer:
        for (int i = bytes.length - CHECKSUM_MARK.length - HEX_DIGITS - 1; i >= 0; i--) {
            for (int j = 0; j < CHECKSUM_MARK.length; j++) {
                if (bytes[i + j] != CHECKSUM_MARK[j]) {
                    continue outer;
                }
            }
            int digits = i + CHECKSUM_MARK.length;
            return bytes[digits + HEX_DIGITS] == '"' ? digits : -1;
        }
        return -1;
    }

    private static byte[] hex(long crc) {
        return String.format("%08x", crc).getBytes(StandardCharsets.US_ASCII);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
