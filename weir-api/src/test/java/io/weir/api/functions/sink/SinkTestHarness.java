package io.weir.api.functions.sink;

import io.weir.api.checkpoint.CheckpointedFunction;
import io.weir.api.checkpoint.FunctionInitializationContext;
import io.weir.api.checkpoint.FunctionSnapshotContext;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.RichFunction;
import io.weir.api.functions.RuntimeContext;
import io.weir.api.state.CheckpointListener;
import io.weir.api.state.KeyedStateStore;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.OperatorStateStore;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.typeutils.TypeSerializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Drives one subtask of a sink function by hand, on the test's thread, with the same call order
 * and operator-state semantics as the runtime: {@link #initialize} (runtime context,
 * initializeState, open), {@link #invoke}, {@link #snapshot} (snapshotState, then the operator list
 * state serialized to bytes), {@link #notifyComplete}, {@link #finish}, {@link #close}. A
 * {@link Snapshot} restores into a fresh instance; {@link #redistribute} deals snapshots to a new
 * parallelism (split list state round robin over all elements, union list state to everyone).
 * Only operator list state is supported; keyed state throws.
 */
public final class SinkTestHarness<IN> {

    /** One list state of a snapshot: its mode and its serialized elements. */
    public record ListData(boolean union, List<byte[]> elements) {}

    /** The serialized operator state of one subtask. */
    public record Snapshot(Map<String, ListData> states) {
        public static final Snapshot EMPTY = new Snapshot(Map.of());
    }

    private final SinkFunction<IN> function;
    private final int subtask;
    private final int parallelism;
    private final int attempt;
    private final FakeOperatorStateStore store = new FakeOperatorStateStore();
    private long processingTime;
    private String lineage;
    private boolean rewindAllowed;

    public SinkTestHarness(SinkFunction<IN> function, int subtask, int parallelism, int attempt) {
        this.function = function;
        this.subtask = subtask;
        this.parallelism = parallelism;
        this.attempt = attempt;
    }

    public SinkTestHarness(SinkFunction<IN> function) {
        this(function, 0, 1, 0);
    }

    /** The job lineage the function sees in {@code initializeState} (none by default). */
    public SinkTestHarness<IN> withLineage(String lineage) {
        this.lineage = lineage;
        return this;
    }

    /** Whether the function sees a restore of an older checkpoint as allowed (weir.restore.allow-rewind). */
    public SinkTestHarness<IN> withRewindAllowed(boolean allowed) {
        this.rewindAllowed = allowed;
        return this;
    }

    public SinkFunction<IN> function() {
        return function;
    }

    public void setProcessingTime(long millis) {
        processingTime = millis;
    }

    /** Fresh start: runtime context, initializeState (not restored), open. */
    public void initialize() throws Exception {
        initialize(null, -1);
    }

    /** Restore from {@code restored} (taken at {@code checkpointId}), or a fresh start if it is null. */
    public void initialize(Snapshot restored, long checkpointId) throws Exception {
        if (restored != null) {
            store.restore(restored);
        }
        if (function instanceof RichFunction) {
            ((RichFunction) function).setRuntimeContext(new FakeRuntimeContext());
        }
        if (function instanceof CheckpointedFunction) {
            boolean isRestored = restored != null;
            ((CheckpointedFunction) function).initializeState(new FunctionInitializationContext() {
                @Override
                public boolean isRestored() {
                    return isRestored;
                }

                @Override
                public OptionalLong getRestoredCheckpointId() {
                    return isRestored ? OptionalLong.of(checkpointId) : OptionalLong.empty();
                }

                @Override
                public OperatorStateStore getOperatorStateStore() {
                    return store;
                }

                @Override
                public java.util.Optional<String> getJobLineage() {
                    return java.util.Optional.ofNullable(lineage);
                }

                @Override
                public boolean isRewindAllowed() {
                    return rewindAllowed;
                }

                @Override
                public KeyedStateStore getKeyedStateStore() {
                    throw new UnsupportedOperationException("The sink test harness has no keyed state.");
                }
            });
        }
        if (function instanceof RichFunction) {
            ((RichFunction) function).open(new OpenContext() {});
        }
    }

    public void invoke(IN value) throws Exception {
        invoke(value, null);
    }

    public void invoke(IN value, Long timestamp) throws Exception {
        function.invoke(value, new SinkFunction.Context() {
            @Override
            public long currentProcessingTime() {
                return processingTime;
            }

            @Override
            public long currentWatermark() {
                return Long.MIN_VALUE;
            }

            @Override
            public Long timestamp() {
                return timestamp;
            }
        });
    }

    /** The synchronous part of checkpoint {@code checkpointId}: snapshotState, then the state serialized. */
    public Snapshot snapshot(long checkpointId) throws Exception {
        if (function instanceof CheckpointedFunction) {
            ((CheckpointedFunction) function).snapshotState(new FunctionSnapshotContext() {
                @Override
                public long getCheckpointId() {
                    return checkpointId;
                }

                @Override
                public long getCheckpointTimestamp() {
                    return processingTime;
                }
            });
        }
        return store.snapshot();
    }

    public void notifyComplete(long checkpointId) throws Exception {
        if (function instanceof CheckpointListener) {
            ((CheckpointListener) function).notifyCheckpointComplete(checkpointId);
        }
    }

    public void notifyAborted(long checkpointId) throws Exception {
        if (function instanceof CheckpointListener) {
            ((CheckpointListener) function).notifyCheckpointAborted(checkpointId);
        }
    }

    public void finish() throws Exception {
        function.finish();
    }

    public void close() throws Exception {
        if (function instanceof RichFunction) {
            ((RichFunction) function).close();
        }
    }

    /** Deals the snapshots of all old subtasks (in subtask order) to {@code parallelism} new ones, as the runtime does. */
    public static List<Snapshot> redistribute(List<Snapshot> old, int parallelism) {
        Map<String, Boolean> union = new LinkedHashMap<>();
        Map<String, List<byte[]>> all = new LinkedHashMap<>();
        for (Snapshot s : old) {
            for (Map.Entry<String, ListData> e : s.states().entrySet()) {
                union.put(e.getKey(), e.getValue().union());
                all.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).addAll(e.getValue().elements());
            }
        }
        List<Snapshot> out = new ArrayList<>();
        for (int i = 0; i < parallelism; i++) {
            Map<String, ListData> mine = new LinkedHashMap<>();
            for (Map.Entry<String, List<byte[]>> e : all.entrySet()) {
                boolean u = union.get(e.getKey());
                List<byte[]> elements = new ArrayList<>();
                for (int j = 0; j < e.getValue().size(); j++) {
                    if (u || j % parallelism == i) {
                        elements.add(e.getValue().get(j));
                    }
                }
                mine.put(e.getKey(), new ListData(u, elements));
            }
            out.add(new Snapshot(mine));
        }
        return out;
    }

    // ------------------------------------------------------------------ fakes

    private static final class FakeOperatorStateStore implements OperatorStateStore {
        private final Map<String, Entry<?>> states = new LinkedHashMap<>();
        private final Map<String, ListData> restored = new LinkedHashMap<>();

        @Override
        public <K, V> io.weir.api.state.BroadcastState<K, V> getBroadcastState(io.weir.api.state.MapStateDescriptor<K, V> descriptor) {
            throw new UnsupportedOperationException("The sink test harness has no broadcast state (sinks don't use it).");
        }

        private static final class Entry<S> implements ListState<S> {
            final boolean union;
            final TypeSerializer<S> serializer;
            final List<S> elements = new ArrayList<>();

            Entry(boolean union, TypeSerializer<S> serializer) {
                this.union = union;
                this.serializer = serializer;
            }

            @Override
            public Iterable<S> get() {
                return Collections.unmodifiableList(new ArrayList<>(elements));
            }

            @Override
            public void add(S value) {
                if (value == null) {
                    throw new NullPointerException("list state cannot hold null");
                }
                elements.add(value);
            }

            @Override
            public void update(List<S> values) {
                elements.clear();
                values.forEach(this::add);
            }

            @Override
            public void addAll(List<S> values) {
                values.forEach(this::add);
            }

            @Override
            public void clear() {
                elements.clear();
            }
        }

        void restore(Snapshot s) {
            restored.putAll(s.states());
        }

        @Override
        public <S> ListState<S> getListState(ListStateDescriptor<S> descriptor) {
            return register(descriptor, false);
        }

        @Override
        public <S> ListState<S> getUnionListState(ListStateDescriptor<S> descriptor) {
            return register(descriptor, true);
        }

        @SuppressWarnings("unchecked")
        private <S> ListState<S> register(ListStateDescriptor<S> d, boolean union) {
            Entry<?> existing = states.get(d.getName());
            if (existing != null) {
                return (ListState<S>) existing;
            }
            if (d.getSerializer() == null) {
                throw new UnsupportedOperationException("The sink test harness needs a TypeSerializer in the descriptor of '" + d.getName() + "'.");
            }
            Entry<S> e = new Entry<>(union, ((TypeSerializer<S>) d.getSerializer()).duplicate());
            ListData data = restored.remove(d.getName());
            if (data != null) {
                for (byte[] b : data.elements()) {
                    try {
                        e.elements.add(e.serializer.deserialize(new DataInputStream(new ByteArrayInputStream(b))));
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                }
            }
            states.put(d.getName(), e);
            return e;
        }

        Snapshot snapshot() throws IOException {
            Map<String, ListData> out = new LinkedHashMap<>(restored);
            for (Map.Entry<String, Entry<?>> s : states.entrySet()) {
                out.put(s.getKey(), serialize(s.getValue()));
            }
            return new Snapshot(out);
        }

        private static <S> ListData serialize(Entry<S> e) throws IOException {
            List<byte[]> blobs = new ArrayList<>();
            for (S v : e.elements) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                DataOutputStream out = new DataOutputStream(buf);
                e.serializer.serialize(v, out);
                out.flush();
                blobs.add(buf.toByteArray());
            }
            return new ListData(e.union, blobs);
        }
    }

    private final class FakeRuntimeContext implements RuntimeContext {
        @Override
        public java.util.Map<String, String> getGlobalJobParameters() {
            return java.util.Map.of();
        }

        @Override
        public String getTaskName() {
            return "Sink";
        }

        @Override
        public String getTaskNameWithSubtasks() {
            return "Sink (" + (subtask + 1) + "/" + parallelism + ")";
        }

        @Override
        public int getIndexOfThisSubtask() {
            return subtask;
        }

        @Override
        public int getNumberOfParallelSubtasks() {
            return parallelism;
        }

        @Override
        public int getMaxNumberOfParallelSubtasks() {
            return 128;
        }

        @Override
        public int getAttemptNumber() {
            return attempt;
        }

        @Override
        public String getJobName() {
            return "harness";
        }

        @Override
        public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
            throw new UnsupportedOperationException("The sink test harness has no keyed state.");
        }

        @Override
        public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
            throw new UnsupportedOperationException("The sink test harness has no keyed state.");
        }

        @Override
        public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor) {
            throw new UnsupportedOperationException("The sink test harness has no keyed state.");
        }

        @Override
        public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
            throw new UnsupportedOperationException("The sink test harness has no keyed state.");
        }

        @Override
        public <IN, ACC, OUT> io.weir.api.state.AggregatingState<IN, OUT> getAggregatingState(
                io.weir.api.state.AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
            throw new UnsupportedOperationException("The sink test harness has no keyed state.");
        }
    }
}
