package io.weir.runtime.internal.operators;

import io.weir.runtime.internal.io.RecordBatch;
import io.weir.runtime.internal.state.HeapKeyedStateBackend;
import io.weir.runtime.internal.state.KeyGroups;
import io.weir.runtime.internal.state.OperatorStateBackend;

/**
 * Base of every operator. Call order on the task thread, per execution attempt:
 * {@link #setup}, {@link #initializeState}, {@link #open}, then any of {@link #processElement},
 * {@link #processWatermark}, {@link #snapshotState}, {@link #notifyCheckpointComplete}, then at
 * most once {@link #endInput}, and finally {@link #close} (always, also on failure and
 * cancellation). Exceptions from user code leave as {@link OperatorException} naming the operator.
 */
public abstract class StreamOperator {
    protected OperatorContext context;
    protected Output output;
    protected OperatorStateBackend operatorState;
    protected HeapKeyedStateBackend keyedState;
    private io.weir.api.functions.KeySelector<Object, ?> keySelector;
    protected long currentWatermark = Long.MIN_VALUE;
    private boolean closed;

    @SuppressWarnings("unchecked")
    public void setup(OperatorContext context, Output output) {
        this.context = context;
        this.output = output;
        this.keySelector = (io.weir.api.functions.KeySelector<Object, ?>) context.stateKeySelector();
    }

    public final String name() {
        return context.operatorName();
    }

    /** Creates the state backends, restores them, then calls {@link #initializeUserState()}. */
    public final void initializeState() throws Exception {
        operatorState = new OperatorStateBackend(context.operatorName());
        if (context.isKeyed()) {
            int p = context.parallelism();
            int maxP = context.maxParallelism();
            int i = context.subtaskIndex();
            keyedState = new HeapKeyedStateBackend(context.operatorName(), maxP, KeyGroups.rangeStart(i, maxP, p), KeyGroups.rangeEnd(i, maxP, p),
                    context.objectReuse());
            if (context.processingTime() != null) {
                keyedState.setTtlClock(() -> context.processingTime().currentProcessingTime());
            }
        }
        if (context.restored() != null) {
            operatorState.restore(context.restored());
            if (keyedState != null) {
                keyedState.restore(context.restored());
            }
        }
        try {
            initializeUserState();
        } catch (OperatorException e) {
            throw e;
        } catch (Exception e) {
            throw new OperatorException(name(), context.subtaskIndex(), e);
        }
    }

    protected void initializeUserState() throws Exception {}

    public void open() throws Exception {}

    /** Processes one record; sets the current key first on keyed inputs. */
    public final void processElement(Object record, long timestamp) {
        try {
            if (keySelector != null) {
                keyedState.setCurrentKey(keySelector.getKey(record));
            }
            process(record, timestamp);
        } catch (OperatorException | io.weir.runtime.internal.io.RecordWriter.TaskCancelledException e) {
            throw e;
        } catch (Exception e) {
            throw new OperatorException(name(), context.subtaskIndex(), e);
        }
    }

    protected abstract void process(Object record, long timestamp) throws Exception;

    /** Advances event time; the default fires due timers (keyed operators) and forwards the watermark. */
    public void processWatermark(long watermark) {
        currentWatermark = watermark;
        try {
            onWatermark(watermark);
        } catch (OperatorException | io.weir.runtime.internal.io.RecordWriter.TaskCancelledException e) {
            throw e;
        } catch (Exception e) {
            throw new OperatorException(name(), context.subtaskIndex(), e);
        }
        output.emitWatermark(watermark);
    }

    protected void onWatermark(long watermark) throws Exception {}

    /** An input became idle or active again; the default passes the status on. */
    public void processWatermarkStatus(boolean idle) {
        output.emitWatermarkStatus(idle);
    }

    /** Counters of this operator by name (for example {@code numLateRecordsDropped}); empty by default. */
    public java.util.Map<String, Long> metrics() {
        return java.util.Map.of();
    }

    /** All input has ended (not called when restored from a checkpoint taken after end of input). */
    public void endInput() throws Exception {}

    /**
     * Whether the operator takes more input now. An operator that holds a bounded amount of work started for earlier
     * elements (async I/O at its capacity) answers false while it is full: the task then takes nothing from its input
     * (records, watermarks and aligned barriers stay queued, which is back-pressure upstream) but keeps running mails,
     * which complete that work, and asks again at its next step. Task thread; asked before every input batch (and
     * every source record), so it must be cheap. The default is always ready.
     */
    public boolean isReadyForInput() {
        return true;
    }

    /**
     * Whether work the operator started has not yet produced its output (async requests in flight). After
     * {@link #endInput} the task keeps running mails, and does not end the input of the next operator of its chain
     * nor send end-of-data, until this is false. Task thread. The default has none.
     */
    public boolean hasPendingWork() {
        return false;
    }

    /** Synchronous part of a checkpoint. */
    public OperatorSnapshot snapshotState(long checkpointId, long timestamp) throws Exception {
        try {
            snapshotUserState(checkpointId, timestamp);
        } catch (OperatorException e) {
            throw e;
        } catch (Exception e) {
            throw new OperatorException(name(), context.subtaskIndex(), e);
        }
        return new OperatorSnapshot(context.operatorId(), operatorState.snapshot(), keyedState == null ? null : keyedState.snapshot());
    }

    protected void snapshotUserState(long checkpointId, long timestamp) throws Exception {}

    public void notifyCheckpointComplete(long checkpointId) throws Exception {}

    public void notifyCheckpointAborted(long checkpointId) throws Exception {}

    /** Releases resources; called exactly once per attempt, also after failures. */
    public final void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        doClose();
    }

    protected void doClose() throws Exception {}

    /** The keyed state store with {@code key} as current key; for the test harness. */
    public io.weir.api.state.KeyedStateStore keyedStateFor(Object key) {
        if (keyedState == null) {
            throw new IllegalStateException("Operator '" + name() + "' is not keyed.");
        }
        keyedState.setCurrentKey(key);
        return keyedState;
    }

    protected static long noTimestamp() {
        return RecordBatch.NO_TIMESTAMP;
    }
}
