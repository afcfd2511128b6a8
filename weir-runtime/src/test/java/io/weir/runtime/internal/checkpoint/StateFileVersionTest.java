package io.weir.runtime.internal.checkpoint;

import io.weir.api.execution.RestoreRefusedException;
import io.weir.runtime.internal.state.RestoredState;
import io.weir.runtime.internal.task.SubtaskSnapshotWriter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** State files of the previous format (2): operator list state still restores; keyed state is refused, not misplaced. */
class StateFileVersionTest {

    /** A version-2 state file of one operator with one list state and, if {@code keyed}, one key group of keyed state. */
    private static byte[] version2File(boolean keyed) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(SubtaskSnapshotWriter.MAGIC);
        out.writeInt(SubtaskSnapshotWriter.VERSION_WITHOUT_SERIALIZER_IDS);
        out.writeInt(1); // operators
        out.writeUTF("op");
        out.writeInt(1); // list states
        out.writeUTF("offsets");
        out.writeBoolean(false); // split, not union
        out.writeInt(1);
        out.writeInt(3);
        out.write(new byte[] {1, 2, 3});
        out.writeBoolean(keyed);
        if (keyed) {
            out.writeBoolean(true);
            out.writeUTF("count");
            out.writeByte(0);
            out.writeInt(5); // key group
            out.writeInt(0);
            out.writeBoolean(false);
        }
        out.writeInt(0); // in-flight blobs
        out.flush();
        return bytes.toByteArray();
    }

    @Test
    void whenAVersion2FileHoldsOnlyOperatorState_thenItRestores() throws IOException {
        RestoredState r = RestoreAssembler.fromSnapshots(List.of(version2File(false)), "op", 0, 1, 0, 127);

        assertThat(r.listStates.get("offsets").elements()).singleElement().isEqualTo(new byte[] {1, 2, 3});
        assertThat(r.listStates.get("offsets").serializerId()).as("unknown in format 2").isNull();
    }

    @Test
    void whenAVersion2FileHoldsKeyedState_thenTheRestoreIsRefusedNamingTheReason() {
        assertThatThrownBy(() -> RestoreAssembler.fromSnapshots(List.of(version2File(true)), "op", 0, 1, 0, 127))
                .isInstanceOf(RestoreRefusedException.class).hasMessageContaining("earlier version of Weir")
                .hasMessageContaining("key groups differently");
    }
}
