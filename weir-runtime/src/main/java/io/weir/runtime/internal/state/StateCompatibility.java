package io.weir.runtime.internal.state;

import io.weir.api.execution.RestoreRefusedException;
import io.weir.api.typeutils.TypeSerializer;

/**
 * Checks that state read back from a checkpoint is registered again with the kind and serializer that wrote it.
 * Weir does not migrate state: reading bytes with another type's serializer would fail somewhere inside the state
 * backend, or worse, produce wrong values. A mismatch is refused up front with a {@link RestoreRefusedException}
 * (the job fails at once, its checkpoints are kept) naming the state, the operator and both types.
 */
public final class StateCompatibility {
    private StateCompatibility() {}

    /** What a checkpoint records of a state's serializer(s): the value serializer's id, and the map key's for map state. */
    public static String identifier(TypeSerializer<?> values, TypeSerializer<?> mapKeys) {
        return mapKeys == null ? values.snapshotIdentifier() : "key " + mapKeys.snapshotIdentifier() + ", value " + values.snapshotIdentifier();
    }

    /**
     * @param writtenId the serializer id recorded in the checkpoint, or null when the checkpoint predates the record
     *     (then only the kind is compared)
     */
    public static void check(String operatorName, String state, String writtenKind, String writtenId, String nowKind, String nowId) {
        boolean kindChanged = !writtenKind.equals(nowKind);
        boolean typeChanged = writtenId != null && !writtenId.equals(nowId);
        if (!kindChanged && !typeChanged) {
            return;
        }
        throw new RestoreRefusedException("Cannot restore state '" + state + "' of operator '" + operatorName + "': the checkpoint holds it as "
                + describe(writtenKind, writtenId) + ", but the job now registers it as " + describe(nowKind, nowId) + ". Weir does not "
                + "convert state between types. Restore with the version of the job that wrote the checkpoint, or give the changed state "
                + "a new name (the old contents are then not read), or start from scratch without -s. The checkpoint was not changed.");
    }

    private static String describe(String kind, String id) {
        return kind + " state" + (id == null ? "" : " of type '" + id + "'");
    }
}
