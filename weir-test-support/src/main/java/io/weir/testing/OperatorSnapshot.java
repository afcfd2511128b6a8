package io.weir.testing;

import java.util.List;

/**
 * A checkpoint of one operator subtask taken by a harness, in Weir's checkpoint format. Hand it
 * (or the snapshots of several subtasks, to test rescaling) to {@code initializeState} of a new harness.
 */
public final class OperatorSnapshot {
    private final byte[] bytes;

    OperatorSnapshot(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    byte[] bytes() {
        return bytes.clone();
    }

    public int sizeInBytes() {
        return bytes.length;
    }

    static List<byte[]> toBytes(List<OperatorSnapshot> snapshots) {
        return snapshots.stream().map(OperatorSnapshot::bytes).toList();
    }
}
