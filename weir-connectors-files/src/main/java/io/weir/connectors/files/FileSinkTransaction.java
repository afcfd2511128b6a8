package io.weir.connectors.files;

import io.weir.api.typeutils.TypeSerializer;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One transaction of a {@link FileSink}: the part files written between two checkpoint barriers.
 * While the transaction is open it also holds one open part per bucket; those are not part of the
 * handle that goes into checkpoints, because a checkpoint only ever records a transaction that was
 * pre-committed (all parts closed and durable) or one that was just begun (no parts yet).
 */
public final class FileSinkTransaction {
    private final List<PartFile> parts;
    // task thread only; empty once pre-committed or aborted
    final Map<String, PartWriter> openParts = new LinkedHashMap<>();

    FileSinkTransaction() {
        this(new ArrayList<>());
    }

    private FileSinkTransaction(List<PartFile> parts) {
        this.parts = parts;
    }

    /** Parts closed so far (rolled, or all of them once pre-committed). */
    List<PartFile> parts() {
        return Collections.unmodifiableList(parts);
    }

    void addClosed(PartFile part) {
        parts.add(part);
    }

    /** The committed names of this transaction's closed parts, for logs and tests. */
    public List<String> partNames() {
        List<String> out = new ArrayList<>(parts.size());
        for (PartFile p : parts) {
            out.add(p.bucketId().isEmpty() ? p.name() : p.bucketId() + "/" + p.name());
        }
        return out;
    }

    @Override
    public String toString() {
        return "FileSinkTransaction" + partNames() + (openParts.isEmpty() ? "" : " open in buckets " + openParts.keySet());
    }

    /** Format, version 1: version byte, part count, then per part bucket id, name and size. */
    static final class Serializer implements TypeSerializer<FileSinkTransaction> {
        private static final long serialVersionUID = 1L;
        private static final int VERSION = 1;

        @Override
        public void serialize(FileSinkTransaction value, DataOutput out) throws IOException {
            if (!value.openParts.isEmpty()) {
                throw new IllegalStateException("A file sink transaction with open parts " + value.openParts.keySet()
                        + " cannot go into a checkpoint; only pre-committed or new transactions are recorded.");
            }
            out.writeByte(VERSION);
            out.writeInt(value.parts.size());
            for (PartFile p : value.parts) {
                out.writeUTF(p.bucketId());
                out.writeUTF(p.name());
                out.writeLong(p.size());
            }
        }

        @Override
        public FileSinkTransaction deserialize(DataInput in) throws IOException {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IOException("File sink transaction has format version " + version + "; this Weir reads version " + VERSION + ".");
            }
            int n = in.readInt();
            List<PartFile> parts = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                parts.add(new PartFile(in.readUTF(), in.readUTF(), in.readLong()));
            }
            return new FileSinkTransaction(parts);
        }

        @Override
        public FileSinkTransaction copy(FileSinkTransaction value) {
            return new FileSinkTransaction(new ArrayList<>(value.parts));
        }

        @Override
        public boolean isImmutableType() {
            return false;
        }

        @Override
        public TypeSerializer<FileSinkTransaction> duplicate() {
            return this;
        }

        @Override
        public String snapshotIdentifier() {
            return "weir-file-sink-transaction-v" + VERSION;
        }
    }
}
