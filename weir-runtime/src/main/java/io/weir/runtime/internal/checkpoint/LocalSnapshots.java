package io.weir.runtime.internal.checkpoint;

import io.weir.runtime.internal.graph.JobGraph;
import io.weir.runtime.internal.graph.JobVertex;
import io.weir.runtime.internal.operators.OperatorSnapshot;
import io.weir.runtime.internal.state.RestoredState;
import io.weir.runtime.internal.task.TaskRestore;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Local recovery: the snapshots of recent checkpoints as they are in memory (copy-on-write views
 * of keyed state, serialized operator state), kept after their files are written. A restart in
 * the same JVM restores the latest completed checkpoint from here, adopting the views instead of
 * reading and deserializing the files. The files stay the source of truth for a restart of the
 * whole process. Written by I/O threads, read and pruned by the master thread.
 */
public final class LocalSnapshots {

    /** One subtask's part of a checkpoint. */
    public record Entry(List<OperatorSnapshot> operators, List<byte[]> inFlight, boolean endOfInput) {}

    private final ConcurrentSkipListMap<Long, Map<String, Entry>> byCheckpoint = new ConcurrentSkipListMap<>();

    public void put(long checkpointId, int vertex, int subtask, Entry entry) {
        byCheckpoint.computeIfAbsent(checkpointId, id -> new ConcurrentHashMap<>()).put(vertex + ":" + subtask, entry);
    }

    /** Checkpoint {@code id} completed: older ones are no longer needed. */
    public void completed(long id) {
        byCheckpoint.headMap(id).clear();
    }

    public void aborted(long id) {
        byCheckpoint.remove(id);
    }

    public void clear() {
        byCheckpoint.clear();
    }

    /** Restore data for every subtask from checkpoint {@code id}, or null if some subtask's part is not in memory. */
    public Map<Integer, TaskRestore[]> assemble(long id, JobGraph graph) {
        Map<String, Entry> parts = byCheckpoint.get(id);
        if (parts == null || parts.size() != graph.totalSubtasks()) {
            return null;
        }
        Map<Integer, TaskRestore[]> result = new HashMap<>();
        for (JobVertex v : graph.vertices()) {
            TaskRestore[] perSubtask = new TaskRestore[v.parallelism()];
            for (int i = 0; i < v.parallelism(); i++) {
                Entry e = parts.get(v.index() + ":" + i);
                if (e == null || e.operators().size() != v.chain().size()) {
                    return null;
                }
                Map<String, RestoredState> states = new HashMap<>();
                for (OperatorSnapshot s : e.operators()) {
                    states.put(s.operatorId(), RestoredState.fromLocal(s.operatorState(), s.keyedState()));
                }
                perSubtask[i] = new TaskRestore(id, states, e.endOfInput(), e.inFlight());
            }
            result.put(v.index(), perSubtask);
        }
        return result;
    }
}
