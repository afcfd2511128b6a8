package io.weir.runtime.internal.task;

import io.weir.api.connector.source.InputStatus;
import io.weir.api.environment.CheckpointingMode;
import io.weir.runtime.internal.graph.JobVertex;
import io.weir.runtime.internal.io.InputGate;
import io.weir.runtime.internal.io.RecordBatch;
import io.weir.runtime.internal.io.RecordWriter;
import io.weir.runtime.internal.io.StreamEvent;
import io.weir.runtime.internal.io.Wakeup;
import io.weir.runtime.internal.operators.LegacySourceSupport;
import io.weir.runtime.internal.operators.OperatorSnapshot;
import io.weir.runtime.internal.operators.SourceOperators.LegacySourceOperator;
import io.weir.runtime.internal.operators.SourceOperators.SourceReaderOperator;
import io.weir.runtime.internal.operators.StreamOperator;

import java.util.ArrayList;
import java.util.List;

/**
 * One subtask: a thread running a chain of operators in a mailbox loop.
 *
 * <p>Loop: run all mails (control actions), then process one input batch (or let the source emit
 * one), then repeat; when there is nothing to do, flush partial output batches and park until a
 * record or a mail arrives. User code therefore never runs concurrently with itself.
 *
 * <p>End of input: when every input has delivered end-of-data (or the source is exhausted), the
 * chain's {@code endInput} runs and end-of-data goes downstream; the task then stays alive,
 * taking part in checkpoints, until the master says the job is finished (after a final checkpoint
 * when checkpointing is on), and then sends end-of-partition and exits.
 */
public final class StreamTask implements Runnable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StreamTask.class);
    private final JobVertex vertex;
    private final int subtask;
    private final TaskServices services;
    private final StreamOperator[] chain;
    private final InputGate gate;
    private final RecordWriter[] writers;
    private final Wakeup wakeup;
    private final Mailbox mailbox;
    private final TaskRestore restore;
    private final String name;

    private volatile boolean cancelled;
    private volatile Thread thread;
    private boolean endOfDataSent;
    private boolean finishRequested;
    private boolean endOfInputRestored;
    private long lastFlushNanos;

    // barrier alignment (task thread only); null for sources
    private final BarrierAligner aligner;
    private long lastSourceCheckpoint = -1;

    // watermarks and idle statuses of the input channels (task thread only)
    private final WatermarkValve valve;
    private int endOfDataChannels;
    private boolean[] channelEndOfData;

    // unaligned checkpoints (task thread only)
    private final UnalignedCheckpoints unaligned; // null for sources

    // classic source
    private volatile boolean legacySourceEnded;

    public StreamTask(JobVertex vertex, int subtask, TaskServices services, StreamOperator[] chain, InputGate gate,
            RecordWriter[] writers, Wakeup wakeup, TaskRestore restore) {
        this.vertex = vertex;
        this.subtask = subtask;
        this.services = services;
        this.chain = chain;
        this.gate = gate;
        this.writers = writers;
        this.wakeup = wakeup;
        this.mailbox = new Mailbox(wakeup);
        this.restore = restore;
        this.name = vertex.name() + " (" + (subtask + 1) + "/" + vertex.parallelism() + ")";
        int inputs = gate == null ? 0 : gate.size();
        this.valve = new WatermarkValve(inputs, new WatermarkValve.Target() {
            @Override
            public void watermark(long watermark) {
                chain[0].processWatermark(watermark);
            }

            @Override
            public void status(boolean idle) {
                chain[0].processWatermarkStatus(idle);
            }
        });
        this.channelEndOfData = new boolean[inputs];
        this.aligner = gate == null ? null : new BarrierAligner(services.checkpointingMode(), new BarrierAligner.Inputs() {
            @Override
            public int size() {
                return gate.size();
            }

            @Override
            public boolean isFinished(int channel) {
                return gate.isFinished(channel);
            }

            @Override
            public boolean isBlocked(int channel) {
                return gate.isBlocked(channel);
            }

            @Override
            public void block(int channel) {
                gate.block(channel);
            }

            @Override
            public void unblockAll() {
                gate.unblockAll();
            }
        }, (id, ts, alignmentNanos) -> performCheckpoint(id, ts, alignmentNanos, false));
        this.unaligned = gate == null ? null : new UnalignedCheckpoints(services, gate, aligner, vertex.name(), subtask, this::performCheckpoint);
    }

    public String name() {
        return name;
    }

    public Mailbox mailbox() {
        return mailbox;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public Thread thread() {
        return thread;
    }

    /** Stops the task soon: sets the flag, wakes it, interrupts blocking user code. Any thread. */
    public void cancel() {
        cancelled = true;
        wakeup.signal();
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
        if (chain[0] instanceof LegacySourceOperator) {
            try {
                ((LegacySourceOperator) chain[0]).cancelSource();
            } catch (RuntimeException e) {
                // the source's own cancel() failed; the interrupt above still stops it
            }
        }
    }

    public void start() {
        Thread t = new Thread(this, "weir " + name);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    public void run() {
        Throwable failure = null;
        try {
            for (StreamOperator op : chain) {
                op.initializeState();
            }
            for (StreamOperator op : chain) {
                op.open();
            }
            endOfInputRestored = restore != null && restore.endOfInput();
            if (chain[0] instanceof SourceReaderOperator) {
                runSourceLoop((SourceReaderOperator) chain[0]);
            } else if (chain[0] instanceof LegacySourceOperator) {
                runLegacySourceLoop((LegacySourceOperator) chain[0]);
            } else {
                runInputLoop();
            }
            if (!cancelled) {
                for (RecordWriter w : writers) {
                    w.broadcastEvent(StreamEvent.END_OF_PARTITION);
                }
                closeChain(null);
            }
        } catch (Throwable t) {
            failure = t;
        } finally {
            if (failure != null) {
                failure = closeChain(failure);
                if (!cancelled) {
                    services.listener().taskFailed(services.attempt(), failingOperator(failure), subtask, unwrap(failure));
                } else if (!isCancellationArtifact(failure)) {
                    // the attempt is being torn down anyway; report what went wrong while stopping
                    LOG.warn("{} failed while being cancelled: {}", name, failure.toString(), failure);
                }
            }
            services.listener().taskExited(services.attempt(), vertex.index(), subtask);
        }
    }

    // ------------------------------------------------------------------ loops

    private void runInputLoop() throws Exception {
        StreamOperator head = chain[0];
        UnalignedCheckpoints.replay(restore, head);
        while (true) {
            checkCancelled();
            mailbox.runAll();
            unaligned.processPriorityEvents();
            unaligned.checkAlignmentTimeout();
            unaligned.maybeComplete();
            if (finishRequested && gate.allFinished()) {
                return;
            }
            if (!outputsAvailable()) {
                awaitCapacity();
                continue;
            }
            Object e = gate.poll();
            if (e == null) {
                idle();
                continue;
            }
            unaligned.onConsumed(gate.lastChannel(), e);
            if (e instanceof RecordBatch) {
                RecordBatch b = (RecordBatch) e;
                int n = b.size();
                for (int i = 0; i < n; i++) {
                    head.processElement(b.record(i), b.timestamp(i));
                }
            } else {
                onEvent((StreamEvent) e, gate.lastChannel());
            }
        }
    }

    private void runSourceLoop(SourceReaderOperator source) throws Exception {
        if (endOfInputRestored) {
            signalEndOfData();
        }
        lastFlushNanos = services.clock().relativeTimeNanos();
        while (true) {
            checkCancelled();
            mailbox.runAll();
            if (finishRequested) {
                return;
            }
            if (endOfDataSent) {
                idle();
                continue;
            }
            if (!outputsAvailable()) {
                awaitCapacity();
                continue;
            }
            InputStatus status = source.emitNext();
            if (status == InputStatus.END_OF_INPUT) {
                endOfInput();
            } else if (status == InputStatus.NOTHING_AVAILABLE) {
                idle();
            } else {
                long now = services.clock().relativeTimeNanos();
                if (now - lastFlushNanos > services.flushIntervalNanos()) {
                    flushOutputs();
                    lastFlushNanos = now;
                }
            }
        }
    }

    private void runLegacySourceLoop(LegacySourceOperator source) throws Exception {
        Object lock = source.checkpointLock();
        if (endOfInputRestored) {
            synchronized (lock) {
                signalEndOfData();
            }
        } else {
            source.start(failure -> mailbox.put(() -> {
                if (failure != null) {
                    throw LegacySourceSupport.rethrow(failure);
                }
                legacySourceEnded = true;
            }));
        }
        while (true) {
            checkCancelled();
            synchronized (lock) {
                mailbox.runAll();
                if (legacySourceEnded && !endOfDataSent) {
                    endOfInput();
                }
                flushOutputs();
            }
            if (finishRequested) {
                return;
            }
            wakeup.prepare();
            if (mailbox.isEmpty() && !cancelled) {
                wakeup.park(services.flushIntervalNanos());
            } else {
                wakeup.cancelPrepare();
            }
        }
    }

    private void idle() {
        flushOutputs();
        wakeup.prepare();
        if (mailbox.isEmpty() && (gate == null || (!gate.hasReadableData() && !gate.hasPriority())) && !cancelled) {
            wakeup.park(gate == null ? 1_000_000L : 50_000_000L);
        } else {
            wakeup.cancelPrepare();
        }
    }

    /** Whether every output can take a few more batches without blocking the task thread. */
    private boolean outputsAvailable() {
        for (RecordWriter w : writers) {
            if (!w.isAvailable(2)) {
                return false;
            }
        }
        return true;
    }

    /** Backpressure: wait for a consumer to free space, still handling mails and priority events. */
    private void awaitCapacity() {
        wakeup.prepare();
        if (mailbox.isEmpty() && (gate == null || !gate.hasPriority()) && !cancelled && !outputsAvailable()) {
            wakeup.park(10_000_000L);
        } else {
            wakeup.cancelPrepare();
        }
    }

    private void checkCancelled() {
        if (cancelled) {
            throw new RecordWriter.TaskCancelledException();
        }
    }

    private void flushOutputs() {
        for (RecordWriter w : writers) {
            w.flush();
        }
    }

    // ------------------------------------------------------------------ events

    private void onEvent(StreamEvent e, int channel) throws Exception {
        if (e instanceof StreamEvent.Watermark) {
            onWatermark(channel, ((StreamEvent.Watermark) e).timestamp);
        } else if (e instanceof StreamEvent.WatermarkStatus) {
            valve.onStatus(channel, ((StreamEvent.WatermarkStatus) e).idle);
        } else if (e instanceof StreamEvent.Barrier) {
            onBarrier(channel, (StreamEvent.Barrier) e);
        } else if (e instanceof StreamEvent.EndOfData) {
            if (!channelEndOfData[channel]) {
                channelEndOfData[channel] = true;
                if (++endOfDataChannels == gate.size()) {
                    if (endOfInputRestored) {
                        signalEndOfData();
                    } else {
                        endOfInput();
                    }
                }
            }
        } else if (e instanceof StreamEvent.EndOfPartition) {
            gate.markFinished(channel);
            unaligned.onEndOfPartition(channel);
            aligner.onEndOfPartition(services.clock().relativeTimeNanos());
        }
    }

    /** Watermark from one input channel; the valve decides whether event time advances (idle channels are left out). */
    private void onWatermark(int channel, long watermark) {
        valve.onWatermark(channel, watermark);
    }

    /** Checkpoint barrier from one input channel. */
    private void onBarrier(int channel, StreamEvent.Barrier b) throws Exception {
        if (!unaligned.onBarrier(channel, b.checkpointId, b.timestamp)) {
            aligner.onBarrier(channel, b.checkpointId, b.timestamp, services.clock().relativeTimeNanos());
        }
    }

    // ------------------------------------------------------------------ end of input

    private void endOfInput() throws Exception {
        if (chain[0] instanceof SourceReaderOperator || chain[0] instanceof LegacySourceOperator) {
            chain[0].processWatermark(Long.MAX_VALUE);
        }
        for (StreamOperator op : chain) {
            op.endInput();
        }
        signalEndOfData();
    }

    private void signalEndOfData() {
        endOfDataSent = true;
        for (RecordWriter w : writers) {
            w.broadcastEvent(StreamEvent.END_OF_DATA);
        }
        services.listener().endOfData(services.attempt(), vertex.index(), subtask);
    }

    // ------------------------------------------------------------------ mails from the master

    /** Source tasks: start checkpoint {@code id} (a mail). */
    public void triggerCheckpoint(long id, long timestamp) {
        mailbox.put(() -> {
            if (id > lastSourceCheckpoint) {
                lastSourceCheckpoint = id;
                performCheckpoint(id, timestamp, 0, services.unalignedEnabled() && services.alignedTimeoutNanos() == 0);
            }
        });
    }

    public void notifyCheckpointComplete(long id) {
        mailbox.put(() -> {
            for (StreamOperator op : chain) {
                op.notifyCheckpointComplete(id);
            }
        });
    }

    public void notifyCheckpointAborted(long id) {
        mailbox.put(() -> {
            if (aligner != null) {
                aligner.abort(id);
            }
            if (unaligned != null) {
                unaligned.abort(id);
            }
            lastSourceCheckpoint = Math.max(lastSourceCheckpoint, id);
            for (StreamOperator op : chain) {
                op.notifyCheckpointAborted(id);
            }
        });
    }

    /** The job is done: exit once all inputs have ended. */
    public void requestFinish() {
        mailbox.put(() -> finishRequested = true);
    }

    /**
     * Runs a processing-time callback on the task thread. After the task sent end-of-data nothing
     * may be emitted any more, so callbacks are dropped from then on (as Flink quiesces timers).
     */
    public void runOnTaskThread(Mailbox.Mail mail) {
        mailbox.put(() -> {
            if (!endOfDataSent) {
                mail.run();
            }
        });
    }

    // ------------------------------------------------------------------ checkpoint

    /**
     * The synchronous part of a checkpoint, on the task thread:
     * 1. forward the barrier (after any records emitted before it),
     * 2. snapshot every operator of the chain (copy-on-write views of keyed state),
     * 3. hand the write to an I/O thread, which acknowledges to the master when durable.
     */
    private void performCheckpoint(long id, long timestamp, long alignmentNanos, boolean priorityBarrier) throws Exception {
        long start = services.clock().relativeTimeNanos();
        for (RecordWriter w : writers) {
            if (priorityBarrier) {
                w.broadcastPriorityBarrier(new StreamEvent.Barrier(id, timestamp));
            } else {
                w.broadcastEvent(new StreamEvent.Barrier(id, timestamp));
            }
        }
        List<OperatorSnapshot> snapshots = new ArrayList<>(chain.length);
        for (StreamOperator op : chain) {
            snapshots.add(op.snapshotState(id, timestamp));
        }
        long syncMillis = (services.clock().relativeTimeNanos() - start) / 1_000_000L;
        boolean endOfInput = endOfDataSent;
        InFlightCapture c = unaligned == null ? null : unaligned.captureFor(id);
        Runnable write = () -> services.ioExecutor().execute(() -> SubtaskSnapshotWriter.writeAndAcknowledge(services, vertex, subtask, id,
                snapshots, c == null ? java.util.List.of() : c.blobs(), endOfInput, syncMillis, alignmentNanos / 1_000_000L));
        if (c == null) {
            write.run();
        } else {
            c.onComplete = write; // the write waits until every overtaken input record is captured
        }
    }

    // ------------------------------------------------------------------ closing

    /** Closes every operator; returns the failure with close errors attached (or the first close error). */
    private Throwable closeChain(Throwable failure) {
        Throwable result = failure;
        for (StreamOperator op : chain) {
            try {
                op.close();
            } catch (Throwable t) {
                if (result == null) {
                    result = new io.weir.runtime.internal.operators.OperatorException(op.name(), subtask, t);
                } else if (result != t) {
                    result.addSuppressed(t);
                }
            }
        }
        if (failure == null && result != null) {
            services.listener().taskFailed(services.attempt(), failingOperator(result), subtask, unwrap(result));
        }
        return result;
    }

    /** Whether a failure is just how cancellation surfaces (interrupts, abandoned waits), not a problem of its own. */
    private static boolean isCancellationArtifact(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof RecordWriter.TaskCancelledException || c instanceof InterruptedException
                    || c instanceof java.nio.channels.ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }

    private String failingOperator(Throwable t) {
        if (t instanceof io.weir.runtime.internal.operators.OperatorException) {
            return ((io.weir.runtime.internal.operators.OperatorException) t).operatorName();
        }
        return vertex.name();
    }

    private static Throwable unwrap(Throwable t) {
        if (t instanceof io.weir.runtime.internal.operators.OperatorException && t.getCause() != null) {
            Throwable cause = t.getCause();
            for (Throwable s : t.getSuppressed()) {
                cause.addSuppressed(s);
            }
            return cause;
        }
        return t;
    }
}
