package io.weir.runtime.internal.task;

import io.weir.runtime.checkpoint.StateFileHandle;
import io.weir.runtime.checkpoint.StateFileOutputStream;
import io.weir.runtime.checkpoint.SubtaskStateMetadata;
import io.weir.runtime.internal.graph.JobVertex;
import io.weir.runtime.internal.operators.OperatorSnapshot;
import io.weir.runtime.internal.state.RestoredState;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The asynchronous part of a subtask's checkpoint: serializes the operators' snapshots into one
 * state file, then acknowledges to the master (or declines with the cause).
 *
 * <p>File layout (inside the storage's checksummed file): magic {@code WEIR}, format version, then
 * per operator: its id; its operator states (name, mode byte: split, union or broadcast, serializer id, elements as length-prefixed blobs); and
 * its keyed state as (state name, kind, serializer id, key group, length-prefixed entries) records, so that a
 * restore can pick key groups and deal list elements without knowing the value types. Last, the
 * input records an unaligned checkpoint overtook, as blobs (channel, count, (timestamp, record)*). A serializer id
 * ({@code ""} when unknown) lets a restore refuse a state registered with another type instead of misreading it.
 */
public final class SubtaskSnapshotWriter {
    public static final int MAGIC = 0x57454952; // "WEIR"
    public static final int VERSION = 4;
    /** The previous version, still read: the same, but an operator state's mode could only be split (0) or union (1). */
    public static final int VERSION_WITHOUT_BROADCAST_STATE = 3;
    /** An older version, still read: as version 3 without serializer ids. */
    public static final int VERSION_WITHOUT_SERIALIZER_IDS = 2;

    private SubtaskSnapshotWriter() {}

    static void writeAndAcknowledge(TaskServices services, JobVertex vertex, int subtask, long checkpointId,
            List<OperatorSnapshot> snapshots, List<byte[]> inFlight, boolean endOfInput, long syncMillis, long alignmentMillis) {
        long start = services.clock().relativeTimeNanos();
        try {
            String fileName = vertex.taskId() + "-" + subtask + ".state";
            StateFileHandle handle;
            try (StateFileOutputStream raw = services.storage().createStateFile(checkpointId, fileName)) {
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
                write(snapshots, inFlight, out);
                out.flush();
                handle = raw.closeAndGetHandle();
            }
            List<String> operators = new ArrayList<>();
            int first = -1;
            int last = -1;
            for (OperatorSnapshot s : snapshots) {
                operators.add(s.operatorId());
                if (s.keyedState() != null) {
                    first = s.keyedState().firstKeyGroup();
                    last = s.keyedState().lastKeyGroup();
                }
            }
            SubtaskStateMetadata meta = new SubtaskStateMetadata(vertex.taskId(), vertex.name(), subtask, vertex.parallelism(),
                    vertex.maxParallelism(), first, last, operators, endOfInput, handle);
            services.localSnapshots().put(checkpointId, vertex.index(), subtask,
                    new io.weir.runtime.internal.checkpoint.LocalSnapshots.Entry(snapshots, inFlight, endOfInput));
            long asyncMillis = (services.clock().relativeTimeNanos() - start) / 1_000_000L;
            services.listener().acknowledgeCheckpoint(services.attempt(), checkpointId, meta,
                    new TaskListener.SnapshotStats(syncMillis, asyncMillis, alignmentMillis, handle.sizeBytes()));
        } catch (Throwable t) {
            services.listener().declineCheckpoint(services.attempt(), checkpointId, vertex.name(), subtask, t);
        }
    }

    public static void write(List<OperatorSnapshot> snapshots, DataOutputStream out) throws IOException {
        write(snapshots, List.of(), out);
    }

    public static void write(List<OperatorSnapshot> snapshots, List<byte[]> inFlight, DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(snapshots.size());
        for (OperatorSnapshot s : snapshots) {
            out.writeUTF(s.operatorId());
            Map<String, RestoredState.ListStateData> lists = s.operatorState().states();
            out.writeInt(lists.size());
            for (Map.Entry<String, RestoredState.ListStateData> e : lists.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeByte(e.getValue().mode().ordinal());
                out.writeUTF(orEmpty(e.getValue().serializerId()));
                out.writeInt(e.getValue().elements().size());
                for (byte[] b : e.getValue().elements()) {
                    out.writeInt(b.length);
                    out.write(b);
                }
            }
            if (s.keyedState() == null) {
                out.writeBoolean(false);
                continue;
            }
            out.writeBoolean(true);
            s.keyedState().write((state, type, serializerId, keyGroup, entries) -> {
                out.writeBoolean(true);
                out.writeUTF(state);
                out.writeByte(type);
                out.writeUTF(orEmpty(serializerId));
                out.writeInt(keyGroup);
                out.writeInt(entries.length);
                out.write(entries);
            });
            out.writeBoolean(false);
        }
        out.writeInt(inFlight.size());
        for (byte[] b : inFlight) {
            out.writeInt(b.length);
            out.write(b);
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
