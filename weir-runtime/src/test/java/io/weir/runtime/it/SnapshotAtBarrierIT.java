package io.weir.runtime.it;

import io.weir.api.configuration.Configuration;
import io.weir.api.connector.source.lib.NumberSequenceSource;
import io.weir.api.environment.CheckpointingMode;
import io.weir.api.environment.ExternalizedCheckpointRetention;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobClient;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.functions.sink.DiscardingSink;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.typeutils.TypeSerializer;
import io.weir.runtime.checkpoint.CheckpointInfo;
import io.weir.runtime.checkpoint.CompletedCheckpoint;
import io.weir.runtime.checkpoint.FileCheckpointStorage;
import io.weir.runtime.checkpoint.SubtaskStateMetadata;
import io.weir.runtime.internal.checkpoint.RestoreAssembler;
import io.weir.runtime.internal.state.HeapKeyedStateBackend;
import io.weir.runtime.internal.state.RestoredState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored state of a checkpoint is exactly the state at its barrier: for every retained
 * checkpoint, the per-key counts in the keyed state equal the counts of exactly the records the
 * source had emitted before the barrier (its checkpointed position), while records kept flowing
 * during the asynchronous writes.
 */
class SnapshotAtBarrierIT {
    static final long KEYS = 97;

    @TempDir
    Path dir;

    static final class Count extends RichMapFunction<Long, Long> {
        private transient ValueState<Long> count;

        @Override
        public void open(Configuration parameters) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public Long map(Long value) throws Exception {
            Long c = count.value();
            count.update(c == null ? 1 : c + 1);
            return value;
        }
    }

    @Test
    void everyStoredSnapshotHoldsExactlyTheEffectsOfTheRecordsBeforeItsBarrier() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(15, CheckpointingMode.EXACTLY_ONCE);
        env.getCheckpointConfig().setCheckpointStorage(dir.toUri().toString());
        env.getCheckpointConfig().setNumRetainedCheckpoints(1000);
        env.getCheckpointConfig().setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        env.fromSequence(0, Long.MAX_VALUE - 1).uid("source").setParallelism(1)
                .keyBy(i -> i % KEYS).map(new Count()).uid("counter")
                .addSink(new DiscardingSink<>());
        JobClient client = env.executeAsync("barrier");
        FileCheckpointStorage storage = new FileCheckpointStorage(dir.toUri().toString(), "barrier", 1000);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (storage.listCheckpoints().stream().filter(CheckpointInfo::complete).count() < 8 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        client.cancel().get(10, TimeUnit.SECONDS);
        List<CheckpointInfo> complete = storage.listCheckpoints().stream().filter(CheckpointInfo::complete).toList();
        assertThat(complete).hasSizeGreaterThanOrEqualTo(8);
        long previousPosition = -1;
        for (CheckpointInfo info : complete) {
            CompletedCheckpoint cp = FileCheckpointStorage.load(info.directory());
            long position = sourcePosition(cp);
            Map<Long, Long> counts = keyedCounts(cp);
            Map<Long, Long> expected = new HashMap<>();
            for (long k = 0; k < KEYS; k++) {
                long c = position / KEYS + (k < position % KEYS ? 1 : 0);
                if (c > 0) {
                    expected.put(k, c);
                }
            }
            assertThat(counts).as("keyed counts in checkpoint %d (source position %d)", info.checkpointId(), position).isEqualTo(expected);
            assertThat(position).isNotEqualTo(previousPosition);
            previousPosition = position;
        }
    }

    /** Files of the subtasks that hold state of {@code operator}, read as raw snapshots in subtask order. */
    private static List<byte[]> files(CompletedCheckpoint cp, String operator) throws Exception {
        List<SubtaskStateMetadata> subs = new ArrayList<>();
        for (SubtaskStateMetadata s : cp.metadata().subtasks()) {
            if (s.operators().contains(operator)) {
                subs.add(s);
            }
        }
        subs.sort((a, b) -> Integer.compare(a.subtaskIndex(), b.subtaskIndex()));
        List<byte[]> out = new ArrayList<>();
        for (SubtaskStateMetadata s : subs) {
            try (InputStream in = cp.openStateFile(s.stateFile())) {
                out.add(in.readAllBytes());
            }
        }
        return out;
    }

    private static long sourcePosition(CompletedCheckpoint cp) throws Exception {
        RestoredState r = RestoreAssembler.fromSnapshots(files(cp, "source"), "source", 0, 1, 0, 127);
        TypeSerializer<NumberSequenceSource.Range> ser = new NumberSequenceSource(0, 1).getSplitSerializer();
        List<byte[]> splits = r.listStates.get("__weir_source_splits").elements();
        assertThat(splits).hasSize(1);
        return ser.deserialize(new DataInputStream(new ByteArrayInputStream(splits.get(0)))).next();
    }

    private static Map<Long, Long> keyedCounts(CompletedCheckpoint cp) throws Exception {
        List<byte[]> snapshots = files(cp, "counter");
        Map<Long, Long> counts = new HashMap<>();
        int parallelism = snapshots.size();
        for (int s = 0; s < parallelism; s++) {
            int first = io.weir.runtime.internal.state.KeyGroups.rangeStart(s, 128, parallelism);
            int last = io.weir.runtime.internal.state.KeyGroups.rangeEnd(s, 128, parallelism);
            RestoredState r = RestoreAssembler.fromSnapshots(snapshots, "counter", s, parallelism, first, last);
            HeapKeyedStateBackend backend = new HeapKeyedStateBackend("counter", 128, first, last);
            backend.restore(r);
            backend.getState(new ValueStateDescriptor<>("count", Long.class));
            backend.forEachEntry("count", (key, kg, value) -> counts.put((Long) key, (Long) value));
        }
        return counts;
    }
}
