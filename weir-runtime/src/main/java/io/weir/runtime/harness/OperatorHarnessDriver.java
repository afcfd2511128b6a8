package io.weir.runtime.harness;

import io.weir.api.functions.Function;
import io.weir.api.functions.KeySelector;
import io.weir.api.graph.OperatorKind;
import io.weir.api.state.KeyedStateStore;
import io.weir.api.util.OutputTag;
import io.weir.runtime.internal.checkpoint.RestoreAssembler;
import io.weir.runtime.internal.io.RecordBatch;
import io.weir.runtime.internal.operators.OperatorContext;
import io.weir.runtime.internal.operators.OperatorFactory;
import io.weir.runtime.internal.operators.OperatorSnapshot;
import io.weir.runtime.internal.operators.Output;
import io.weir.runtime.internal.operators.ProcessingTimeService;
import io.weir.runtime.internal.operators.StreamOperator;
import io.weir.runtime.internal.operators.TwoInputUdfOperator;
import io.weir.runtime.internal.state.KeyGroups;
import io.weir.runtime.internal.state.RestoredState;
import io.weir.runtime.internal.task.SubtaskSnapshotWriter;
import io.weir.runtime.internal.util.JavaSerialization;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Runs one built-in operator synchronously on the caller's thread, with manual processing time,
 * captured output, and snapshots as bytes in the checkpoint format. The engine behind
 * {@code weir-test-support}'s operator harnesses; it uses the same operator classes, state
 * backends and snapshot format as a running job. Not thread-safe, except that operators may hand
 * work to the caller's thread from any thread (as async I/O completions do): such mails run after
 * each call of the driver, and when {@link #processMails()} is called.
 */
public final class OperatorHarnessDriver {
    /** All snapshots of one harness belong to one lineage, as the checkpoints of one job (and its restores) do. */
    static final String HARNESS_LINEAGE = "operator-test-harness";

    private static final String OPERATOR_ID = "harness-operator";

    /** One emitted record with its timestamp (null if none). */
    public record Emitted(Object value, Long timestamp) {}

    private record Scheduled(long time, long seq, Runnable action) {}

    private final StreamOperator operator;
    private final int subtask;
    private final int parallelism;
    private final int maxParallelism;
    private final List<Emitted> output = new ArrayList<>();
    private final List<Long> watermarks = new ArrayList<>();
    private final Map<String, List<Emitted>> sideOutputs = new HashMap<>();
    private final List<Boolean> watermarkStatuses = new ArrayList<>();
    private final PriorityQueue<Scheduled> scheduled = new PriorityQueue<>((a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
    private final java.util.concurrent.ConcurrentLinkedQueue<Runnable> mails = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private long processingTime;
    private long seq;
    private boolean opened;

    /**
     * @param kind           the operator kind (as built by the DataStream API)
     * @param function       the user function; the driver works on a serialized copy, as a job would
     * @param keySelector    the key for keyed operators, else null
     * @param restoreFrom    snapshots of the old subtasks (in old-subtask order) to restore, or null for a fresh start
     */
    public OperatorHarnessDriver(OperatorKind kind, Function function, KeySelector<?, ?> keySelector, int subtask, int parallelism,
            int maxParallelism, List<byte[]> restoreFrom) throws Exception {
        this(kind, false, function, keySelector, null, subtask, parallelism, maxParallelism, restoreFrom);
    }

    /**
     * A driver for a two-input operator ({@code CO_MAP}, {@code CO_FLAT_MAP}, {@code CO_PROCESS},
     * {@code KEYED_CO_PROCESS}, {@code INTERVAL_JOIN}): feed the first input with {@link #processElement}, the second with
     * {@link #processElement2}. {@link #processWatermark} gives the operator its combined watermark
     * (in a job, the minimum of both inputs').
     *
     * @param keySelector1 the first input's key when both inputs are keyed, else null
     * @param keySelector2 the second input's key when both inputs are keyed, else null
     */
    public static OperatorHarnessDriver twoInput(OperatorKind kind, Function function, KeySelector<?, ?> keySelector1,
            KeySelector<?, ?> keySelector2, int subtask, int parallelism, int maxParallelism, List<byte[]> restoreFrom) throws Exception {
        return new OperatorHarnessDriver(kind, true, function, keySelector1, keySelector2, List.of(), subtask, parallelism, maxParallelism,
                restoreFrom);
    }

    /**
     * A driver for a broadcast-connected operator ({@code CO_BROADCAST_PROCESS}, {@code CO_KEYED_BROADCAST_PROCESS}):
     * feed the (keyed or not) stream with {@link #processElement}, the broadcast stream with {@link #processElement2}.
     *
     * @param keySelector the first input's key for {@code CO_KEYED_BROADCAST_PROCESS}, else null
     * @param broadcastState the descriptors given to {@code broadcast(...)}
     */
    public static OperatorHarnessDriver broadcast(OperatorKind kind, Function function, KeySelector<?, ?> keySelector,
            List<io.weir.api.state.MapStateDescriptor<?, ?>> broadcastState, int subtask, int parallelism, int maxParallelism,
            List<byte[]> restoreFrom) throws Exception {
        return new OperatorHarnessDriver(kind, true, function, keySelector, null, broadcastState, subtask, parallelism, maxParallelism,
                restoreFrom);
    }

    private OperatorHarnessDriver(OperatorKind kind, boolean twoInput, Function function, KeySelector<?, ?> keySelector,
            KeySelector<?, ?> keySelector2, int subtask, int parallelism, int maxParallelism, List<byte[]> restoreFrom) throws Exception {
        this(kind, twoInput, function, keySelector, keySelector2, List.of(), subtask, parallelism, maxParallelism, restoreFrom);
    }

    private OperatorHarnessDriver(OperatorKind kind, boolean twoInput, Function function, KeySelector<?, ?> keySelector,
            KeySelector<?, ?> keySelector2, List<io.weir.api.state.MapStateDescriptor<?, ?>> broadcastState, int subtask, int parallelism,
            int maxParallelism, List<byte[]> restoreFrom) throws Exception {
        this.subtask = subtask;
        this.parallelism = parallelism;
        this.maxParallelism = maxParallelism;
        Object[] copy = (Object[]) JavaSerialization.deserialize(JavaSerialization.serialize(
                new Object[] {function, keySelector, keySelector2, new java.util.ArrayList<>(broadcastState)}, "operator under test"),
                "operator under test");
        @SuppressWarnings("unchecked")
        List<io.weir.api.state.MapStateDescriptor<?, ?>> descriptors = (List<io.weir.api.state.MapStateDescriptor<?, ?>>) copy[3];
        this.operator = twoInput ? OperatorFactory.createTwoInput(kind, copy[0], (KeySelector<?, ?>) copy[2], descriptors)
                : OperatorFactory.create(kind, copy[0]);
        RestoredState restored = null;
        if (restoreFrom != null) {
            restored = RestoreAssembler.fromSnapshots(restoreFrom, OPERATOR_ID, subtask, parallelism,
                    KeyGroups.rangeStart(subtask, maxParallelism, parallelism), KeyGroups.rangeEnd(subtask, maxParallelism, parallelism));
        }
        ProcessingTimeService pts = new ProcessingTimeService() {
            @Override
            public long currentProcessingTime() {
                return processingTime;
            }

            @Override
            public void scheduleAt(long timestamp, Runnable action) {
                scheduled.add(new Scheduled(timestamp, seq++, action));
            }

            @Override
            public void runOnTaskThread(Runnable action) {
                mails.add(action);
            }
        };
        OperatorContext ctx = new OperatorContext("harness-job", OPERATOR_ID, "operator under test", "harness task", subtask, parallelism,
                maxParallelism, 0, (KeySelector<?, ?>) copy[1], restored, restoreFrom == null ? -1 : 0, pts, false,
                HARNESS_LINEAGE, false, null, null);
        operator.setup(ctx, new Output() {
            @Override
            public void collect(Object record, long timestamp) {
                output.add(new Emitted(record, timestamp == RecordBatch.NO_TIMESTAMP ? null : timestamp));
            }

            @Override
            public void emitWatermark(long watermark) {
                watermarks.add(watermark);
            }

            @Override
            public void collect(OutputTag<?> tag, Object record, long timestamp) {
                sideOutputs.computeIfAbsent(tag.getId(), k -> new ArrayList<>())
                        .add(new Emitted(record, timestamp == RecordBatch.NO_TIMESTAMP ? null : timestamp));
            }

            @Override
            public void emitWatermarkStatus(boolean idle) {
                watermarkStatuses.add(idle);
            }
        });
    }

    /** The user function instance inside the operator (a copy of the one given). */
    public Object userFunction() {
        return operator instanceof io.weir.runtime.internal.operators.UdfOperator
                ? ((io.weir.runtime.internal.operators.UdfOperator<?>) operator).getUserFunction() : null;
    }

    public void open() throws Exception {
        operator.initializeState();
        operator.open();
        opened = true;
        processMails();
    }

    /**
     * Runs the mails operators put (work completed on other threads, such as async I/O results), in order, on the
     * caller's thread, until none is left; returns how many ran. The driver also runs them after each of its calls.
     */
    public int processMails() {
        int n = 0;
        Runnable m;
        while ((m = mails.poll()) != null) {
            m.run();
            n++;
        }
        return n;
    }

    /** Whether the operator takes input now (false: a running task would hold its input back). */
    public boolean isReadyForInput() {
        return operator.isReadyForInput();
    }

    /** Whether the operator still has work in flight (a running task waits for it at end of input). */
    public boolean hasPendingWork() {
        return operator.hasPendingWork();
    }

    private void checkOpen() {
        if (!opened) {
            throw new IllegalStateException("Call open() first.");
        }
    }

    public void processElement(Object value, Long timestamp) {
        checkOpen();
        operator.processElement(value, timestamp == null ? RecordBatch.NO_TIMESTAMP : timestamp);
        processMails();
    }

    /** A record of the second input of a two-input operator (see {@link #twoInput}). */
    public void processElement2(Object value, Long timestamp) {
        checkOpen();
        if (!(operator instanceof TwoInputUdfOperator)) {
            throw new IllegalStateException("processElement2 needs a two-input operator; this driver runs '" + operator.getClass().getSimpleName()
                    + "', which has one input. Create the driver with OperatorHarnessDriver.twoInput(...).");
        }
        ((TwoInputUdfOperator<?>) operator).processElement2(value, timestamp == null ? RecordBatch.NO_TIMESTAMP : timestamp);
    }

    public void processWatermark(long watermark) {
        checkOpen();
        operator.processWatermark(watermark);
        processMails();
    }

    /** An idle (true) or active (false) status from the input. */
    public void processWatermarkStatus(boolean idle) {
        checkOpen();
        operator.processWatermarkStatus(idle);
    }

    /** Moves processing time forward (or back) and runs the callbacks that are due, in time order. */
    public void setProcessingTime(long time) {
        checkOpen();
        processingTime = time;
        processMails();
        while (!scheduled.isEmpty() && scheduled.peek().time <= time) {
            scheduled.poll().action().run();
            processMails();
        }
    }

    public long getProcessingTime() {
        return processingTime;
    }

    /** Takes a checkpoint of the operator and returns it in the state-file format. */
    public byte[] snapshot(long checkpointId, long timestamp) throws Exception {
        return snapshotDeferred(checkpointId, timestamp).call();
    }

    /**
     * Takes the synchronous part of a snapshot now and returns its asynchronous part, the serialization, to be run
     * later, as a task does on its I/O thread: a test may process more records in between and check that the snapshot
     * still holds the state as it was at the barrier.
     */
    public java.util.concurrent.Callable<byte[]> snapshotDeferred(long checkpointId, long timestamp) throws Exception {
        checkOpen();
        OperatorSnapshot s = operator.snapshotState(checkpointId, timestamp);
        return () -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            SubtaskSnapshotWriter.write(List.of(s), out);
            out.flush();
            return bytes.toByteArray();
        };
    }

    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        operator.notifyCheckpointComplete(checkpointId);
    }

    public void notifyCheckpointAborted(long checkpointId) throws Exception {
        operator.notifyCheckpointAborted(checkpointId);
    }

    public void endInput() throws Exception {
        operator.endInput();
        processMails();
    }

    public void close() throws Exception {
        operator.close();
    }

    /** Records emitted so far, oldest first. */
    public List<Emitted> output() {
        return output;
    }

    /** Watermarks forwarded so far. */
    public List<Long> watermarks() {
        return watermarks;
    }

    /** Records emitted so far to the side output {@code tag}, oldest first. */
    public List<Emitted> sideOutput(OutputTag<?> tag) {
        return sideOutputs.getOrDefault(tag.getId(), List.of());
    }

    /** Records emitted so far to side outputs, by tag id. */
    public Map<String, List<Emitted>> sideOutputs() {
        return sideOutputs;
    }

    /** Watermark statuses emitted so far: true for idle, false for active again. */
    public List<Boolean> watermarkStatuses() {
        return watermarkStatuses;
    }

    /** The operator's counters (for example {@code numLateRecordsDropped} of a window operator). */
    public Map<String, Long> metrics() {
        return operator.metrics();
    }

    /** Keyed state of the operator with {@code key} as the current key (keyed operators only). */
    public KeyedStateStore keyedState(Object key) {
        return operator.keyedStateFor(key);
    }

    public int subtask() {
        return subtask;
    }

    public int parallelism() {
        return parallelism;
    }

    public int maxParallelism() {
        return maxParallelism;
    }
}
