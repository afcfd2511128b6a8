package io.weir.runtime.internal.task;

import io.weir.api.connector.source.InputStatus;
import io.weir.runtime.internal.graph.JobVertex;
import io.weir.runtime.internal.io.InputGate;
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
 * One subtask: a chain of operators driven as a state machine by {@link #step()}.
 *
 * <pre>
 *   CREATED --> INITIALIZING --> RUNNING --> FINISHING --> FINISHED
 *      |             |              |            |
 *      +-------------+--------------+------------+--cancel()--> CANCELING --> CANCELED
 *      +-------------+--------------+------------+--failure---> FAILED
 * </pre>
 *
 * <p>Each step does a bounded amount of work and says what it did: run the mails (control
 * actions: checkpoint triggers, timers, notifications, finish), then process one input batch or
 * event (or let the source emit a burst). Output goes to the writers' outboxes, which never block:
 * a step that finds an outbox not yet drained reports {@link StepResult#BACKPRESSURED} and takes
 * no input. A {@link io.weir.runtime.internal.exec.TaskRunner} calls {@code step()} from one
 * thread at a time (a thread per subtask in production, the simulator's thread in tests), so user
 * code never runs concurrently with itself. Only {@link #cancel()} and the mail-putting methods may
 * be called from other threads.
 *
 * <p>An operator may hold input back ({@link StreamOperator#isReadyForInput()}: async I/O at its capacity): the
 * step then takes no input, flushes its output and reports {@link StepResult#IDLE}; mails still run, and they are
 * what frees the operator (completed requests), so a waiting runner wakes on the next mail.
 *
 * <p>End of input: when every input has delivered end-of-data (or the source is exhausted), the
 * chain's {@code endInput} runs, operator by operator in chain order; an operator with pending work
 * ({@link StreamOperator#hasPendingWork()}: async requests in flight) holds back the rest while the
 * following steps run mails, until its work is done. Then end-of-data goes downstream; the task then stays RUNNING,
 * taking part in checkpoints, until the master says the job is finished (after a final checkpoint
 * when checkpointing is on). It then sends end-of-partition (FINISHING, until its outboxes are
 * drained), closes its operators and is FINISHED.
 */
public final class StreamTask {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StreamTask.class);
    /** Records a split-based source may emit in one step before the task looks at its mails again. */
    private static final int SOURCE_BURST = 64;

    /** The lifecycle of a subtask; see the class comment for the diagram. */
    public enum State {
        CREATED, INITIALIZING, RUNNING, FINISHING, FINISHED, CANCELING, CANCELED, FAILED;

        public boolean isTerminal() {
            return this == FINISHED || this == CANCELED || this == FAILED;
        }

        /** Whether the lifecycle allows moving from this state to {@code next}. */
        public boolean canMoveTo(State next) {
            switch (this) {
                case CREATED: return next == INITIALIZING || next == CANCELING || next == FAILED;
                case INITIALIZING: return next == RUNNING || next == CANCELING || next == FAILED;
                case RUNNING: return next == FINISHING || next == CANCELING || next == FAILED;
                case FINISHING: return next == FINISHED || next == CANCELING || next == FAILED;
                case CANCELING: return next == CANCELED;
                default: return false;
            }
        }
    }

    /** What one {@link #step()} did. */
    public enum StepResult {
        /** Did some work; step again. */
        PROGRESS,
        /** Nothing to do until a record, an event or a mail arrives. */
        IDLE,
        /** Output is full: nothing was taken from the input; step again when a consumer made room. */
        BACKPRESSURED,
        /** The task reached a terminal state; never step it again. */
        DONE
    }

    private final JobVertex vertex;
    private final int subtask;
    private final TaskServices services;
    private final StreamOperator[] chain;
    private final TaskInput input; // null for sources
    private final RecordWriter[] writers;
    private final Wakeup wakeup;
    private final Mailbox mailbox;
    private final TaskRestore restore;
    private final String name;

    private volatile State state = State.CREATED; // written by the stepping thread only
    private volatile boolean cancelRequested;
    private volatile Thread thread;
    private boolean endOfDataSent;
    /** -1 until the input ends; then how many operators of the chain have ended their input and finished their pending work. */
    private int inputEndedOperators = -1;
    /** The endInput of {@code chain[inputEndedOperators]} ran, but that operator still has pending work. */
    private boolean awaitingPendingWork;
    /** The last input step took nothing because an operator of the chain was not ready for input. */
    private boolean inputHeldByOperator;
    private boolean finishRequested;
    private boolean endOfInputRestored;
    private long lastFlushNanos;
    private boolean initializationStarted; // operators are closed only if they were set up for running

    private long lastSourceCheckpoint = -1;

    // classic source
    private volatile boolean legacySourceEnded;
    private final SourceReaderOperator readerSource;
    private final LegacySourceOperator legacySource;

    public StreamTask(JobVertex vertex, int subtask, TaskServices services, StreamOperator[] chain, InputGate gate,
            RecordWriter[] writers, Wakeup wakeup, TaskRestore restore) {
        this.vertex = vertex;
        this.subtask = subtask;
        this.services = services;
        this.chain = chain;
        this.writers = writers;
        this.wakeup = wakeup;
        this.mailbox = new Mailbox(wakeup);
        this.restore = restore;
        this.name = vertex.name() + " (" + (subtask + 1) + "/" + vertex.parallelism() + ")";
        this.readerSource = chain[0] instanceof SourceReaderOperator ? (SourceReaderOperator) chain[0] : null;
        this.legacySource = chain[0] instanceof LegacySourceOperator ? (LegacySourceOperator) chain[0] : null;
        this.input = gate == null ? null : new TaskInput(services, gate, chain[0], vertex.secondInputChannels(), vertex.name(), subtask,
                new TaskInput.Owner() {
            @Override
            public void checkpoint(long id, long timestamp, long alignmentNanos, boolean unaligned) throws Exception {
                performCheckpoint(id, timestamp, alignmentNanos, unaligned);
            }

            @Override
            public void allInputsEnded() throws Exception {
                if (endOfInputRestored) {
                    signalEndOfData();
                } else {
                    endOfInput();
                }
            }
        });
    }

    public String name() {
        return name;
    }

    public Mailbox mailbox() {
        return mailbox;
    }

    /** What wakes this task: a record or event in its input, a mail, or room in its output. */
    public Wakeup wakeup() {
        return wakeup;
    }

    public State state() {
        return state;
    }

    /** Whether cancellation was requested (the task may still be closing). Any thread. */
    public boolean isCancelled() {
        return cancelRequested;
    }


    /** The thread currently stepping this task (set by a threaded runner), or null. */
    public Thread thread() {
        return thread;
    }

    /** Called by a threaded runner on the thread that will step this task. */
    public void bindThread(Thread t) {
        this.thread = t;
    }

    /**
     * Asks the task to stop: its next step closes the operators and ends CANCELED. Wakes it and
     * interrupts its thread (if a threaded runner runs it) so blocking user code returns. Any thread.
     */
    public void cancel() {
        cancelRequested = true;
        wakeup.signal();
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            t.interrupt();
        }
        if (legacySource != null) {
            try {
                legacySource.cancelSource();
            } catch (RuntimeException e) {
                LOG.warn("{}: the source's cancel() failed (its thread is interrupted anyway): {}", name, e.toString(), e);
            }
        }
    }

    private void moveTo(State next) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException("Task " + name + " cannot move from " + state + " to " + next);
        }
        state = next;
    }

    // ------------------------------------------------------------------ stepping

    /** Does a bounded amount of work; see {@link StepResult}. Called by one thread at a time. */
    public StepResult step() {
        State s = state;
        if (s.isTerminal()) {
            return StepResult.DONE;
        }
        try {
            if (cancelRequested && s != State.CANCELING) {
                moveTo(State.CANCELING);
                s = State.CANCELING;
            }
            switch (s) {
                case CREATED:
                    moveTo(State.INITIALIZING);
                    initializationStarted = true;
                    initialize();
                    moveTo(State.RUNNING);
                    return StepResult.PROGRESS;
                case RUNNING:
                    if (input != null) {
                        return stepInputs();
                    }
                    return readerSource != null ? stepSource() : stepLegacySource();
                case FINISHING:
                    return stepFinishing();
                case CANCELING:
                    stopCancelled(null);
                    return StepResult.DONE;
                default:
                    throw new IllegalStateException("Task " + name + " cannot step in state " + s);
            }
        } catch (Throwable t) {
            if (cancelRequested) {
                stopCancelled(t);
            } else {
                fail(t);
            }
            return StepResult.DONE;
        }
    }

    private void initialize() throws Exception {
        for (StreamOperator op : chain) {
            op.initializeState();
        }
        for (StreamOperator op : chain) {
            op.open();
        }
        endOfInputRestored = restore != null && restore.endOfInput();
        lastFlushNanos = services.clock().relativeTimeNanos();
        if (input != null) {
            input.replay(restore);
        } else if (readerSource != null) {
            if (endOfInputRestored) {
                signalRestoredEndOfInput();
            }
        } else if (endOfInputRestored) {
            synchronized (legacySource.checkpointLock()) {
                signalRestoredEndOfInput();
            }
        } else {
            legacySource.start(failure -> mailbox.put(() -> {
                if (failure != null) {
                    throw LegacySourceSupport.rethrow(failure);
                }
                legacySourceEnded = true;
            }));
        }
    }

    private StepResult stepInputs() throws Exception {
        mailbox.runAll();
        input.handlePriorityWork();
        if (awaitingPendingWork) {
            continueEndOfInput();
        }
        if (finishRequested && input.allFinished()) {
            return beginFinishing();
        }
        if (!outputsAvailable()) {
            return StepResult.BACKPRESSURED;
        }
        inputHeldByOperator = !chainReadyForInput();
        if (inputHeldByOperator) {
            flushOutputs();
            return StepResult.IDLE;
        }
        if (!input.processNext()) {
            flushOutputs();
            return StepResult.IDLE;
        }
        return StepResult.PROGRESS;
    }

    private StepResult stepSource() throws Exception {
        mailbox.runAll();
        if (awaitingPendingWork) {
            continueEndOfInput();
        }
        if (finishRequested) {
            return beginFinishing();
        }
        if (inputEndedOperators >= 0 || endOfDataSent) {
            flushOutputs();
            return StepResult.IDLE;
        }
        if (!outputsAvailable()) {
            return StepResult.BACKPRESSURED;
        }
        if (!chainReadyForInput()) {
            flushOutputs();
            return StepResult.IDLE;
        }
        for (int i = 0; i < SOURCE_BURST; i++) {
            InputStatus status = readerSource.emitNext();
            if (status == InputStatus.END_OF_INPUT) {
                endOfInput();
                return StepResult.PROGRESS;
            }
            if (status == InputStatus.NOTHING_AVAILABLE) {
                flushOutputs();
                return StepResult.IDLE;
            }
            if (!outputsAvailable() || !mailbox.isEmpty() || !chainReadyForInput()) {
                break;
            }
        }
        long now = services.clock().relativeTimeNanos();
        if (now - lastFlushNanos > services.flushIntervalNanos()) {
            flushOutputs();
            lastFlushNanos = now;
        }
        return StepResult.PROGRESS;
    }

    /** A classic source emits from its own thread; the task thread runs mails and flushes under the checkpoint lock. */
    private StepResult stepLegacySource() throws Exception {
        synchronized (legacySource.checkpointLock()) {
            mailbox.runAll();
            if (awaitingPendingWork) {
                continueEndOfInput();
            }
            if (legacySourceEnded && inputEndedOperators < 0 && !endOfDataSent) {
                endOfInput();
            }
            flushOutputs();
        }
        if (finishRequested) {
            return beginFinishing();
        }
        return StepResult.IDLE;
    }

    private StepResult beginFinishing() throws Exception {
        if (!endOfDataSent) {
            // finishing without end of data would skip endInput (unflushed windows, aborted transactions)
            throw new IllegalStateException("Task " + name + " was asked to finish before its input ended; this is a bug in Weir."
                    + " The task fails instead, so that the job restarts from its latest checkpoint.");
        }
        moveTo(State.FINISHING);
        for (RecordWriter w : writers) {
            w.broadcastEvent(StreamEvent.END_OF_PARTITION);
        }
        return stepFinishing();
    }

    /** End-of-partition is in the outboxes: wait until they are drained, then close. */
    private StepResult stepFinishing() throws Exception {
        if (!drainOutputs()) {
            return StepResult.BACKPRESSURED;
        }
        Throwable closeFailure = closeChain(null);
        if (closeFailure != null) {
            reportFailed(closeFailure);
            return StepResult.DONE;
        }
        moveTo(State.FINISHED);
        services.listener().taskExited(services.attempt(), vertex.index(), subtask);
        return StepResult.DONE;
    }

    /**
     * Cancellation: close every operator (user {@code close()} runs even though the thread may be
     * interrupted; the interrupt status is cleared for it and restored afterwards) and end CANCELED.
     * A failure that is not just how cancellation surfaced is logged, never swallowed silently.
     */
    private void stopCancelled(Throwable during) {
        if (state != State.CANCELING) {
            state = State.CANCELING; // a failure of the step that noticed the cancellation
        }
        boolean interrupted = Thread.interrupted();
        Throwable failure = closeChain(during);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            if (isCancellationArtifact(failure)) {
                LOG.debug("{} stopped by cancellation: {}", name, failure.toString());
            } else {
                LOG.warn("{} failed while being cancelled: {}", name, failure.toString(), failure);
            }
        }
        moveTo(State.CANCELED);
        services.listener().taskExited(services.attempt(), vertex.index(), subtask);
    }

    private void fail(Throwable t) {
        reportFailed(closeChain(t));
    }

    private void reportFailed(Throwable failure) {
        state = State.FAILED;
        services.listener().taskFailed(services.attempt(), failingOperator(failure), subtask, unwrap(failure));
        services.listener().taskExited(services.attempt(), vertex.index(), subtask);
    }

    /**
     * The idle strategy of a threaded runner: after a step that found nothing to do (or full
     * output), park until a record, an event, a mail or room in the output arrives, or briefly.
     */
    public void awaitWork(StepResult last) {
        wakeup.prepare();
        boolean wait;
        long nanos;
        if (last == StepResult.BACKPRESSURED) {
            // park until a consumer frees space: not just until the outbox is empty, or a source whose
            // channels are full would spin and take the CPU from the very consumer it waits for
            if (state == State.FINISHING) {
                // a finishing task only drains its outbox: mails and input must not keep it awake
                wait = !cancelRequested && !drainOutputs();
            } else {
                wait = mailbox.isEmpty() && (input == null || !input.hasPriority()) && !cancelRequested && !outputsAvailable();
            }
            nanos = 10_000_000L;
        } else if (legacySource != null) {
            wait = mailbox.isEmpty() && !cancelRequested;
            nanos = services.flushIntervalNanos();
        } else {
            // input held back by an operator waits for a mail (a completion), not for more input
            wait = mailbox.isEmpty() && (input == null || ((inputHeldByOperator || !input.hasReadableData()) && !input.hasPriority()))
                    && !cancelRequested;
            nanos = input == null ? 1_000_000L : 50_000_000L;
        }
        if (wait) {
            wakeup.park(nanos);
        } else {
            wakeup.cancelPrepare();
        }
    }

    /** Whether every operator of the chain takes input now (see {@link StreamOperator#isReadyForInput()}). */
    private boolean chainReadyForInput() {
        for (StreamOperator op : chain) {
            if (!op.isReadyForInput()) {
                return false;
            }
        }
        return true;
    }

    /** Whether the outboxes are drained and every output can take a few more batches. */
    private boolean outputsAvailable() {
        if (!drainOutputs()) {
            return false;
        }
        for (RecordWriter w : writers) {
            if (!w.isAvailable(2)) {
                return false;
            }
        }
        return true;
    }

    /** Moves outbox contents into the channels; true when every outbox is empty. */
    private boolean drainOutputs() {
        boolean drained = true;
        for (RecordWriter w : writers) {
            drained &= w.drain();
        }
        return drained;
    }

    private void flushOutputs() {
        for (RecordWriter w : writers) {
            w.flush();
        }
    }

    // ------------------------------------------------------------------ end of input

    private void endOfInput() throws Exception {
        if (chain[0] instanceof SourceReaderOperator || chain[0] instanceof LegacySourceOperator) {
            chain[0].processWatermark(Long.MAX_VALUE);
        }
        inputEndedOperators = 0;
        continueEndOfInput();
    }

    /**
     * Ends the input of the chain's operators in order. An operator with pending work after its endInput (async
     * requests in flight) stops the sequence; the steps that follow run mails and call this again, until its work is
     * done. Only then does the next operator's input end, so it sees every result; end-of-data goes last.
     */
    private void continueEndOfInput() throws Exception {
        while (inputEndedOperators < chain.length) {
            StreamOperator op = chain[inputEndedOperators];
            if (!awaitingPendingWork) {
                op.endInput();
            }
            awaitingPendingWork = op.hasPendingWork();
            if (awaitingPendingWork) {
                flushOutputs();
                return;
            }
            inputEndedOperators++;
        }
        signalEndOfData();
    }

    /**
     * A source restored from a checkpoint taken after its end of input emits the final watermark
     * again before end-of-data: an unaligned barrier may have overtaken that watermark, so the
     * restored downstream may not have seen it (its event-time timers would never fire). Watermarks
     * never go back, so downstream tasks that did see it are unaffected.
     */
    private void signalRestoredEndOfInput() {
        chain[0].processWatermark(Long.MAX_VALUE);
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
            if (input != null) {
                input.abort(id);
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
        InFlightCapture c = input == null ? null : input.captureFor(id);
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
        if (!initializationStarted) {
            return result;
        }
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
