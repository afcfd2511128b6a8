package io.weir.runtime.internal.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * State of one operator read back from a checkpoint, still serialized: values are deserialized
 * when the operator registers the state with its descriptor (and so its serializer). State that is
 * never registered is carried over unchanged into later checkpoints.
 */
public final class RestoredState {
    /**
     * How operator state is redistributed on restore, as Flink's operator state modes: split list state is dealt out
     * round robin, union list state goes whole to every subtask, and broadcast state (whose elements are map entries)
     * goes to each new subtask as one old subtask held it. Stored in state files as the ordinal byte, so the order
     * must never change.
     */
    public enum Mode {
        SPLIT_DISTRIBUTE, UNION, BROADCAST;

        /** The mode stored as {@code code} in a state file; throws for a code this version does not know. */
        public static Mode ofCode(int code, String where) throws java.io.IOException {
            Mode[] all = values();
            if (code < 0 || code >= all.length) {
                throw new java.io.IOException("State file " + where + " holds operator state of unknown mode " + code
                        + "; was it written by a newer Weir?");
            }
            return all[code];
        }
    }

    /**
     * Operator state: mode, the (already redistributed) serialized elements, and the id of the serializer that
     * wrote them (null in checkpoints written before Weir recorded it).
     */
    public record ListStateData(Mode mode, List<byte[]> elements, String serializerId) {}

    /** Keyed state: kind, the serialized entries of each key group of this subtask, and the serializer id (or null). */
    public record KeyedStateData(byte type, Map<Integer, byte[]> keyGroups, String serializerId) {}

    public final Map<String, ListStateData> listStates = new HashMap<>();
    public final Map<String, KeyedStateData> keyedStates = new HashMap<>();
    /** Local recovery: the copy-on-write views of the checkpoint, adopted without deserializing. */
    final Map<String, KeyedSnapshot.TableView> liveTables = new HashMap<>();

    /** Restores from a snapshot still in memory (same JVM, same parallelism): its views are adopted, never copied up front. */
    public static RestoredState fromLocal(io.weir.runtime.internal.state.OperatorStateBackend.Snapshot operatorState, KeyedSnapshot keyed) {
        RestoredState r = new RestoredState();
        r.listStates.putAll(operatorState.states());
        if (keyed != null) {
            r.liveTables.putAll(keyed.views());
            r.keyedStates.putAll(keyed.carriedOver());
        }
        return r;
    }

    public void addListElements(String name, Mode mode, List<byte[]> elements, String serializerId) {
        listStates.computeIfAbsent(name, n -> new ListStateData(mode, new ArrayList<>(), serializerId)).elements().addAll(elements);
    }

    public void addKeyGroup(String name, byte type, int keyGroup, byte[] blob, String serializerId) {
        keyedStates.computeIfAbsent(name, n -> new KeyedStateData(type, new HashMap<>(), serializerId)).keyGroups().put(keyGroup, blob);
    }

    public boolean isEmpty() {
        return listStates.isEmpty() && keyedStates.isEmpty() && liveTables.isEmpty();
    }
}
