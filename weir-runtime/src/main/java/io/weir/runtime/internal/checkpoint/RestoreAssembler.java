package io.weir.runtime.internal.checkpoint;

import io.weir.runtime.checkpoint.CompletedCheckpoint;
import io.weir.runtime.checkpoint.SubtaskStateMetadata;
import io.weir.runtime.internal.graph.JobGraph;
import io.weir.runtime.internal.graph.JobVertex;
import io.weir.runtime.internal.graph.OperatorSpec;
import io.weir.runtime.internal.state.KeyGroups;
import io.weir.runtime.internal.state.RestoredState;
import io.weir.runtime.internal.task.SubtaskSnapshotWriter;
import io.weir.runtime.internal.task.TaskRestore;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a completed checkpoint and deals its state to the subtasks of a job graph, possibly at a
 * different parallelism: keyed state by key group; split list state element by element, round
 * robin; union list state to everyone.
 */
public final class RestoreAssembler {
    private RestoreAssembler() {}

    /** In-flight records of unaligned checkpoints, per task id and old subtask. */
    private static final class InFlight {
        final Map<String, Map<Integer, List<byte[]>>> byTask = new HashMap<>();
        final Map<String, Integer> oldParallelism = new HashMap<>();
    }

    /** One operator's state as written by one old subtask. */
    private static final class OldOperatorState {
        final Map<String, RestoredState.ListStateData> lists = new LinkedHashMap<>();
        final List<Object[]> keyGroups = new ArrayList<>(); // {state, type, kg, bytes}
    }

    /**
     * Keyed state is stored per key group, and the number of key groups is the max parallelism: restoring it under
     * another max parallelism would look every key up in another key group and find nothing (silently empty state).
     * Flink refuses this too.
     */
    private static void checkMaxParallelism(CompletedCheckpoint checkpoint, JobGraph graph) {
        Map<String, JobVertex> vertexOf = new HashMap<>();
        for (JobVertex v : graph.vertices()) {
            for (OperatorSpec op : v.chain()) {
                vertexOf.put(op.operatorId(), v);
            }
        }
        for (SubtaskStateMetadata s : checkpoint.metadata().subtasks()) {
            if (s.keyGroupStart() < 0) {
                continue;
            }
            for (String op : s.operators()) {
                JobVertex v = vertexOf.get(op);
                if (v != null && v.maxParallelism() != s.maxParallelism()) {
                    throw new io.weir.api.execution.RestoreRefusedException("Checkpoint " + checkpoint.directory() + " holds keyed state of task '"
                            + s.taskName() + "' with max parallelism " + s.maxParallelism() + " (its number of key groups), but the job now "
                            + "runs operator '" + op + "' in task '" + v.name() + "' with max parallelism " + v.maxParallelism() + ". Keyed state "
                            + "cannot move to another number of key groups. Set the old value with setMaxParallelism(" + s.maxParallelism()
                            + ") on the operator or the environment (pipeline.max-parallelism), or start without restoring.");
                }
            }
        }
    }

    /** Restore data per vertex index and subtask. */
    public static Map<Integer, TaskRestore[]> assemble(CompletedCheckpoint checkpoint, JobGraph graph) throws IOException {
        long id = checkpoint.metadata().checkpointId();
        // operator id -> old subtask index -> state
        Map<String, Map<Integer, OldOperatorState>> byOperator = new HashMap<>();
        Map<String, Boolean> endOfInputByTask = new HashMap<>();
        InFlight inFlight = new InFlight();
        for (SubtaskStateMetadata s : checkpoint.metadata().subtasks()) {
            endOfInputByTask.merge(s.taskId(), s.endOfInput(), Boolean::logicalAnd);
            inFlight.oldParallelism.put(s.taskId(), s.parallelism());
            if (s.stateFile() == null) {
                continue;
            }
            try (InputStream in = checkpoint.openStateFile(s.stateFile())) {
                List<byte[]> blobs = read(new DataInputStream(new BufferedInputStream(in, 1 << 16)), s, byOperator, checkpoint);
                if (!blobs.isEmpty()) {
                    inFlight.byTask.computeIfAbsent(s.taskId(), k -> new HashMap<>()).put(s.subtaskIndex(), blobs);
                }
            }
        }
        checkMaxParallelism(checkpoint, graph);
        Set<String> known = new HashSet<>();
        Map<Integer, TaskRestore[]> result = new HashMap<>();
        for (JobVertex v : graph.vertices()) {
            TaskRestore[] perSubtask = new TaskRestore[v.parallelism()];
            boolean endOfInput = endOfInputByTask.getOrDefault(v.taskId(), false);
            Map<Integer, List<byte[]>> taskInFlight = inFlight.byTask.getOrDefault(v.taskId(), Map.of());
            if (!taskInFlight.isEmpty() && inFlight.oldParallelism.get(v.taskId()) != v.parallelism()) {
                throw new io.weir.api.execution.RestoreRefusedException("Checkpoint " + checkpoint.directory() + " is unaligned and holds in-flight records of task '"
                        + v.name() + "' at parallelism " + inFlight.oldParallelism.get(v.taskId()) + "; restoring them at parallelism "
                        + v.parallelism() + " is not supported yet. Restore at the old parallelism, or from an aligned checkpoint.");
            }
            for (int i = 0; i < v.parallelism(); i++) {
                Map<String, RestoredState> states = new HashMap<>();
                int first = KeyGroups.rangeStart(i, v.maxParallelism(), v.parallelism());
                int last = KeyGroups.rangeEnd(i, v.maxParallelism(), v.parallelism());
                for (OperatorSpec op : v.chain()) {
                    known.add(op.operatorId());
                    Map<Integer, OldOperatorState> old = byOperator.get(op.operatorId());
                    states.put(op.operatorId(), old == null ? new RestoredState()
                            : deal(old, inFlight.oldParallelism.getOrDefault(v.taskId(), -1), i, v.parallelism(), first, last));
                }
                perSubtask[i] = new TaskRestore(id, states, endOfInput, taskInFlight.getOrDefault(i, List.of()));
            }
            result.put(v.index(), perSubtask);
        }
        for (String op : byOperator.keySet()) {
            if (!known.contains(op)) {
                throw new io.weir.api.execution.RestoreRefusedException("Checkpoint " + checkpoint.directory() + " holds state of operator '" + op
                        + "', which this job does not have. Restoring would drop that state. Give the operator the same uid(...) as before, "
                        + "or start the job without restoring (drop -s / execution.checkpointing.restore).");
            }
        }
        return result;
    }

    /**
     * Restores one operator of one new subtask from raw subtask snapshots (as written by
     * {@link SubtaskSnapshotWriter}), one per old subtask in old-subtask order: used by the
     * operator test harness, also to test restores at another parallelism.
     */
    public static RestoredState fromSnapshots(List<byte[]> oldSubtaskSnapshots, String operatorId, int subtask, int parallelism,
            int firstKeyGroup, int lastKeyGroup) throws IOException {
        Map<String, Map<Integer, OldOperatorState>> byOperator = new HashMap<>();
        for (int i = 0; i < oldSubtaskSnapshots.size(); i++) {
            readFile(new DataInputStream(new java.io.ByteArrayInputStream(oldSubtaskSnapshots.get(i))), i, "snapshot of subtask " + i, byOperator);
        }
        Map<Integer, OldOperatorState> old = byOperator.get(operatorId);
        return old == null ? new RestoredState() : deal(old, oldSubtaskSnapshots.size(), subtask, parallelism, firstKeyGroup, lastKeyGroup);
    }

    /**
     * At unchanged parallelism a subtask gets back exactly its own split list state; otherwise all
     * elements are dealt round robin. Union list state always goes to everyone. Broadcast state is the same on every
     * subtask, so each new subtask takes one old subtask's copy whole, as Flink does: new subtask i that of old subtask
     * i mod old parallelism.
     */
    private static RestoredState deal(Map<Integer, OldOperatorState> old, int oldParallelism, int subtask, int parallelism, int firstKg,
            int lastKg) {
        boolean sameParallelism = oldParallelism == parallelism;
        RestoredState r = new RestoredState();
        Map<String, List<byte[]>> allElements = new LinkedHashMap<>();
        Map<String, RestoredState.Mode> modes = new HashMap<>();
        Map<String, String> serializerIds = new HashMap<>();
        Map<String, List<byte[]>> ownElements = new LinkedHashMap<>();
        int broadcastSource = subtask % oldParallelism;
        old.keySet().stream().sorted().forEach(oldIndex -> {
            OldOperatorState s = old.get(oldIndex);
            for (Map.Entry<String, RestoredState.ListStateData> e : s.lists.entrySet()) {
                allElements.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).addAll(e.getValue().elements());
                modes.put(e.getKey(), e.getValue().mode());
                serializerIds.put(e.getKey(), e.getValue().serializerId());
                if (oldIndex == (e.getValue().mode() == RestoredState.Mode.BROADCAST ? broadcastSource : subtask)) {
                    ownElements.put(e.getKey(), e.getValue().elements());
                }
            }
            for (Object[] kg : s.keyGroups) {
                int group = (Integer) kg[2];
                if (group >= firstKg && group <= lastKg) {
                    r.addKeyGroup((String) kg[0], (Byte) kg[1], group, (byte[]) kg[3], (String) kg[4]);
                }
            }
        });
        for (Map.Entry<String, List<byte[]>> e : allElements.entrySet()) {
            RestoredState.Mode mode = modes.get(e.getKey());
            if (mode == RestoredState.Mode.BROADCAST || (mode == RestoredState.Mode.SPLIT_DISTRIBUTE && sameParallelism)) {
                r.addListElements(e.getKey(), mode, ownElements.getOrDefault(e.getKey(), List.of()), serializerIds.get(e.getKey()));
                continue;
            }
            boolean union = mode == RestoredState.Mode.UNION;
            List<byte[]> mine = new ArrayList<>();
            List<byte[]> all = e.getValue();
            for (int j = 0; j < all.size(); j++) {
                if (union || j % parallelism == subtask) {
                    mine.add(all.get(j));
                }
            }
            r.addListElements(e.getKey(), mode, mine, serializerIds.get(e.getKey()));
        }
        return r;
    }

    private static List<byte[]> read(DataInputStream in, SubtaskStateMetadata s, Map<String, Map<Integer, OldOperatorState>> byOperator,
            CompletedCheckpoint checkpoint) throws IOException {
        String where = checkpoint.directory().resolve(s.stateFile().fileName()).toString();
        return readFile(in, s.subtaskIndex(), where, byOperator);
    }

    /** Reads one subtask's state file; returns its in-flight record blobs. */
    private static List<byte[]> readFile(DataInputStream in, int oldSubtask, String where, Map<String, Map<Integer, OldOperatorState>> byOperator)
            throws IOException {
        if (in.readInt() != SubtaskSnapshotWriter.MAGIC) {
            throw new IOException("State file " + where + " is not a Weir state file (bad magic number).");
        }
        int version = in.readInt();
        if (version != SubtaskSnapshotWriter.VERSION && version != SubtaskSnapshotWriter.VERSION_WITHOUT_BROADCAST_STATE
                && version != SubtaskSnapshotWriter.VERSION_WITHOUT_SERIALIZER_IDS) {
            throw new IOException("State file " + where + " has format version " + version + "; this Weir reads version "
                    + SubtaskSnapshotWriter.VERSION + ". Restore it with the Weir version that wrote it.");
        }
        int operators = in.readInt();
        for (int o = 0; o < operators; o++) {
            String opId = in.readUTF();
            OldOperatorState st = new OldOperatorState();
            byOperator.computeIfAbsent(opId, k -> new HashMap<>()).put(oldSubtask, st);
            int lists = in.readInt();
            for (int l = 0; l < lists; l++) {
                String name = in.readUTF();
                RestoredState.Mode mode = RestoredState.Mode.ofCode(in.readUnsignedByte(), where);
                String serializerId = version != SubtaskSnapshotWriter.VERSION_WITHOUT_SERIALIZER_IDS ? nullIfEmpty(in.readUTF()) : null;
                int n = in.readInt();
                List<byte[]> elements = new ArrayList<>(n);
                for (int j = 0; j < n; j++) {
                    byte[] b = new byte[in.readInt()];
                    in.readFully(b);
                    elements.add(b);
                }
                st.lists.put(name, new RestoredState.ListStateData(mode, elements, serializerId));
            }
            if (in.readBoolean()) {
                if (version == SubtaskSnapshotWriter.VERSION_WITHOUT_SERIALIZER_IDS) {
                    throw new io.weir.api.execution.RestoreRefusedException("State file " + where + " holds keyed state written by an earlier "
                            + "version of Weir (state file format " + version + "), which assigned keys to key groups differently from Flink "
                            + "and from this version: restored here, keys would be looked up in the wrong key groups. Finish or restore the "
                            + "job with the Weir version that wrote the checkpoint, or start it without restoring.");
                }
                while (in.readBoolean()) {
                    String state = in.readUTF();
                    byte type = in.readByte();
                    String serializerId = version != SubtaskSnapshotWriter.VERSION_WITHOUT_SERIALIZER_IDS ? nullIfEmpty(in.readUTF()) : null;
                    int kg = in.readInt();
                    byte[] b = new byte[in.readInt()];
                    in.readFully(b);
                    st.keyGroups.add(new Object[] {state, type, kg, b, serializerId});
                }
            }
        }
        int blobs = in.readInt();
        List<byte[]> inFlight = new ArrayList<>(blobs);
        for (int i = 0; i < blobs; i++) {
            byte[] b = new byte[in.readInt()];
            in.readFully(b);
            inFlight.add(b);
        }
        return inFlight;
    }

    private static String nullIfEmpty(String s) {
        return s.isEmpty() ? null : s;
    }
}
