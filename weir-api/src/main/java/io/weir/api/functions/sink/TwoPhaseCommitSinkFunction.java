package io.weir.api.functions.sink;

import io.weir.api.checkpoint.CheckpointedFunction;
import io.weir.api.checkpoint.FunctionInitializationContext;
import io.weir.api.checkpoint.FunctionSnapshotContext;
import io.weir.api.execution.RestoreRefusedException;
import io.weir.api.state.CheckpointListener;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.typeutils.TypeSerializer;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Base class of sinks whose output becomes visible outside Weir exactly once, by tying a
 * transaction of the external system to each checkpoint.
 *
 * <p>Between two checkpoint barriers every element goes into one open transaction. At a barrier
 * the open transaction is <em>pre-committed</em>: everything it wrote is made durable, but not yet
 * visible, and a new transaction begins for the elements after the barrier. Only when the
 * checkpoint is complete (its metadata is durable, so Weir would restore it after any failure) is
 * the pre-committed transaction <em>committed</em>, that is, made visible. A failure before that
 * point rolls the job back to an earlier checkpoint, which replays the same elements into a new
 * transaction, and the old one is never committed. A failure after that point restores this very
 * checkpoint, which names the transaction as pre-committed, so the restored sink commits it again.
 * Each element therefore becomes visible once.
 *
 * <h2>What a subclass implements</h2>
 *
 * <ul>
 *   <li>{@link #beginTransaction()}: open a transaction and return a handle for it. The handle is
 *       what goes into the checkpoint (through the {@link TypeSerializer} given to the
 *       constructor), so it must name the external transaction in a way that a later process can
 *       use to finish it, for instance a file name or a transactional id. Nothing needs to be
 *       written to the external system yet.</li>
 *   <li>{@link #invoke(Object, Object, Context)}: write one element into the transaction.</li>
 *   <li>{@link #preCommit(Object)}: make everything the transaction wrote durable (flush, fsync,
 *       flush the producer) so that {@link #commit} can no longer fail for lack of data. After it
 *       returns, the transaction receives no more elements. An exception fails the checkpoint and
 *       the task.</li>
 *   <li>{@link #commit(Object)}: make the transaction visible. It must be <strong>idempotent</strong>:
 *       after a crash between a commit and the next checkpoint, the restored sink commits the same
 *       transaction again through {@link #recoverAndCommit}, and that second commit must succeed
 *       without writing the data twice (a commit that finds its work done does nothing). A commit
 *       that throws fails the task; the job then restores the completed checkpoint and the commit is
 *       retried, so a commit should fail only when retrying can help.</li>
 *   <li>{@link #abort(Object)}: discard a transaction that will never be committed. Best effort:
 *       after a crash nobody calls it, so the external system (or the sink's recovery) must also
 *       cope with transactions that were simply abandoned.</li>
 * </ul>
 *
 * <h2>Call order</h2>
 *
 * Calls come one at a time, never concurrently, and each sees what the previous one did; a
 * subclass needs no locks for state that only these methods touch. They run on the subtask's thread
 * (except that, behind a chained classic {@code SourceFunction}, elements arrive on the source's
 * thread while it holds the checkpoint lock, as in Flink). Per execution attempt of a subtask:
 *
 * <ol>
 *   <li>{@link #initializeState}: registers this class's operator list state. On a restore it first
 *       calls {@link #recoverAndCommit} for every transaction that the restored checkpoint recorded
 *       as pre-committed, in checkpoint order, then {@link #recoverAndAbort} for every transaction
 *       that was open when that checkpoint was taken, then {@link #finishRecoveringContext}. On a
 *       fresh start, or when the restored state holds no context, it calls
 *       {@link #initializeUserContext()}. Either way it then calls {@link #beginTransaction()} for
 *       the first open transaction.</li>
 *   <li>{@code open}, then {@link #invoke(Object, Object, Context)} for each element, into the open
 *       transaction.</li>
 *   <li>At each checkpoint barrier, {@link #snapshotState}: {@link #preCommit} of the open
 *       transaction, which becomes pending under that checkpoint's id, then
 *       {@link #beginTransaction()} for the next one, then the pending transactions, the new open
 *       transaction and the user context are written to state.</li>
 *   <li>{@link #notifyCheckpointComplete(long) notifyCheckpointComplete(n)}: {@link #commit} of
 *       every pending transaction pre-committed at a checkpoint {@code <= n}, oldest first. A
 *       notification may be skipped when a later checkpoint completes first; the later one then
 *       commits both.</li>
 *   <li>{@link #notifyCheckpointAborted(long)} does nothing: a transaction pre-committed for an
 *       aborted checkpoint stays pending, is recorded again by the next checkpoint, and is committed
 *       when that one completes.</li>
 *   <li>At the end of a bounded input, {@link #finish()}: {@link #preCommit} of the open transaction,
 *       and no new one begins. Weir then takes a final checkpoint and waits for its completion
 *       notification, which commits it. Elements after {@code finish} are refused.</li>
 *   <li>{@link #close()}, always, also after a failure or a cancellation: {@link #abort} of the open
 *       transaction, if any. Pending (pre-committed) transactions are left alone: their checkpoint
 *       may already be durable, in which case the next attempt commits them.</li>
 * </ol>
 *
 * <h2>After a crash</h2>
 *
 * Weir restores the latest complete checkpoint. What happened to each transaction since then is
 * one of:
 *
 * <ul>
 *   <li>pre-committed before that checkpoint's barrier and recorded in it: committed by
 *       {@link #recoverAndCommit}, whether or not the dead attempt had already committed it;</li>
 *   <li>open at the barrier: recorded in the checkpoint and handed to {@link #recoverAndAbort}. It
 *       holds elements after the barrier, which the job replays;</li>
 *   <li>begun after the barrier (for instance pre-committed for a checkpoint that never completed):
 *       not in the checkpoint at all, so this class never sees it again. A sink must find and
 *       discard such leftovers itself, for instance by listing what its own name space holds that
 *       the restored checkpoint does not mention, or by fencing transactional ids.</li>
 * </ul>
 *
 * <h2>Rewind fence (Weir-specific)</h2>
 *
 * Restoring a checkpoint <em>older</em> than the newest one whose transactions were committed (for instance with
 * {@code -s chk-40} after chk-57 completed, or after the newest {@code _metadata} was deleted) replays elements that
 * committed transactions already made visible: the output would hold them twice. Flink does not detect this; Weir
 * lets a sink detect and refuse it. A sink that keeps a durable record of its commits beside its output implements
 * {@link #lastCommittedCheckpointId(String)} and {@link #recordCommit(String, long, List)}; this class then calls
 * {@code recordCommit} <em>before</em> each commit (so the record is never behind what is visible) and, on a restore
 * of checkpoint {@code n} whose lineage ({@link FunctionInitializationContext#getJobLineage()}) has a record
 * {@code m > n}, throws {@link RestoreRefusedException} (the job fails at once, its checkpoints are kept) unless the
 * user allowed the rewind ({@link FunctionInitializationContext#isRewindAllowed()}); then it calls
 * {@link #rewindAccepted(long, long)} and goes on. A sink that implements neither method (the default) has no fence.
 * Records are kept per lineage, so output of an earlier, unrelated run into the same place (a fresh start) is never
 * mistaken for a rewind.
 *
 * <h2>State and rescaling</h2>
 *
 * Each subtask keeps one element of operator list state: its pending transactions, its open
 * transaction and its user context. At an unchanged parallelism each subtask gets its own element
 * back. At a lower parallelism a subtask may get several and recovers the transactions of all of
 * them (the context of the first element is kept); at a higher one some subtasks get none and start
 * fresh. Transaction handles must therefore make sense on any subtask.
 *
 * <p>Subclasses that override {@link #initializeState}, {@link #snapshotState}, {@link #finish()}
 * or {@link #close()} must call the super method; {@code beginTransaction} and
 * {@code recoverAndCommit} run inside {@code super.initializeState}, so prepare what they need
 * first.
 *
 * @param <IN> the type of the elements written
 * @param <TXN> the transaction handle, stored in checkpoints with the serializer given to the constructor
 * @param <CONTEXT> optional state shared by all transactions of a subtask (use {@code Void} if none)
 */
public abstract class TwoPhaseCommitSinkFunction<IN, TXN, CONTEXT> extends RichSinkFunction<IN>
        implements CheckpointedFunction, CheckpointListener {
    private static final long serialVersionUID = 1L;

    /** Name of the operator list state that holds the transactions. */
    public static final String STATE_NAME = "two-phase-commit-sink-state";

    /** Checkpoint id of a transaction pre-committed by {@link #finish()} until the next barrier assigns one. */
    private static final long AWAITING_CHECKPOINT = Long.MAX_VALUE;

    /**
     * Life cycle of one execution attempt; each state lists where it may go.
     *
     * <pre>
     *   CREATED --initializeState--> RUNNING --finish--> FINISHED
     *   CREATED | RUNNING | FINISHED --close--> CLOSED
     * </pre>
     */
    private enum Phase {
        CREATED, RUNNING, FINISHED, CLOSED
    }

    private final TypeSerializer<TXN> transactionSerializer;
    private final TypeSerializer<CONTEXT> contextSerializer;

    // all fields below: task thread only, per attempt
    private transient Phase phase;
    private transient TXN openTransaction;
    private transient List<Pending<TXN>> pending;
    private transient CONTEXT userContext;
    private transient ListState<SubtaskState<TXN, CONTEXT>> state;
    /** The job's lineage, or null (no rewind fence). */
    private transient String lineage;
    /** The highest checkpoint id passed to {@link #recordCommit} in this attempt. */
    private transient long recordedCommit;

    /** A sink without a user context. */
    protected TwoPhaseCommitSinkFunction(TypeSerializer<TXN> transactionSerializer) {
        this(transactionSerializer, null);
    }

    /**
     * @param transactionSerializer writes transaction handles into checkpoints
     * @param contextSerializer writes the user context into checkpoints, or {@code null} when
     *     {@link #initializeUserContext()} always returns empty
     */
    protected TwoPhaseCommitSinkFunction(TypeSerializer<TXN> transactionSerializer, TypeSerializer<CONTEXT> contextSerializer) {
        this.transactionSerializer = Objects.requireNonNull(transactionSerializer, "transactionSerializer");
        this.contextSerializer = contextSerializer;
    }

    // ------------------------------------------------------------------ what subclasses implement

    /** Opens a new transaction and returns its handle. Called on the task thread. */
    protected abstract TXN beginTransaction() throws Exception;

    /**
     * Writes one element into {@code transaction}, the open transaction. Called on the task thread
     * (see the call order above).
     *
     * <p>With object reuse disabled (the default) {@code value} belongs to this sink: Weir hands over a
     * copy made with the type's serializer (the object itself for immutable types), so it may be kept in
     * the transaction until commit even when the function before the sink reuses its output objects.
     * With object reuse enabled it is the emitted object itself, which the upstream may change after
     * this call returns: write it out, or copy it, before returning.
     */
    protected abstract void invoke(TXN transaction, IN value, Context context) throws Exception;

    /**
     * Makes everything {@code transaction} wrote durable, without making it visible. Called at a
     * checkpoint barrier and from {@link #finish()}; the transaction receives no more elements.
     */
    protected abstract void preCommit(TXN transaction) throws Exception;

    /**
     * Makes a pre-committed transaction visible. Must be idempotent: it may be called again for a
     * transaction that is already committed (through {@link #recoverAndCommit} after a crash).
     */
    protected abstract void commit(TXN transaction) throws Exception;

    /** Discards a transaction that will never be committed (best effort; not called after a crash). */
    protected abstract void abort(TXN transaction) throws Exception;

    /**
     * Commits a transaction recorded as pre-committed in the restored checkpoint, which the dead
     * attempt may or may not have committed already. The default calls {@link #commit}; override it
     * when recovery needs more (for instance to resume a transaction by its id first).
     */
    protected void recoverAndCommit(TXN transaction) throws Exception {
        commit(transaction);
    }

    /**
     * Discards a transaction that was open when the restored checkpoint was taken; the elements it
     * received after that checkpoint are replayed into a new transaction. The default calls
     * {@link #abort}.
     */
    protected void recoverAndAbort(TXN transaction) throws Exception {
        abort(transaction);
    }

    /**
     * The context of a fresh start, or of a restore whose state holds none. The default is empty. A non-empty context
     * needs a context serializer in the constructor.
     */
    protected Optional<CONTEXT> initializeUserContext() {
        return Optional.empty();
    }

    /**
     * Called at the end of a restore, after {@link #recoverAndCommit} and {@link #recoverAndAbort},
     * with every transaction handled (committed or aborted). The restored context is available
     * through {@link #getUserContext()}. The default does nothing.
     */
    protected void finishRecoveringContext(Collection<TXN> handledTransactions) throws Exception {}

    /**
     * Rewind fence: the highest checkpoint id that {@link #recordCommit} durably recorded for {@code lineage}, over all
     * subtasks of this sink (also those of an earlier parallelism), or empty if none. Called on the task thread in
     * {@link #initializeState}, on a restore, before anything is committed. The default returns empty: no fence.
     *
     * @throws Exception when the record cannot be read; the restore fails with it (and is retried by the restart
     *     strategy), so that an unreadable record never turns into a silent rewind
     */
    protected OptionalLong lastCommittedCheckpointId(String lineage) throws Exception {
        return OptionalLong.empty();
    }

    /**
     * Rewind fence: durably records that the {@code transactions} pre-committed for checkpoint {@code checkpointId} of
     * {@code lineage} are about to be committed (this subtask's record; a later call replaces it). Called on the task
     * thread right before their {@link #commit} (or {@link #recoverAndCommit}), only when {@code checkpointId} is
     * higher than any id recorded earlier in this attempt, and only when the job has a lineage. It must be durable when
     * it returns (write, fsync, atomic rename); an exception fails the task before anything is committed. A sink may
     * skip transactions that made nothing visible (an empty list of parts, say). The default does nothing.
     */
    protected void recordCommit(String lineage, long checkpointId, List<TXN> transactions) throws Exception {}

    /**
     * Rewind fence: the user allowed restoring checkpoint {@code restoredCheckpointId} although transactions up to
     * checkpoint {@code lastCommittedCheckpointId} are already committed; the elements after the restored checkpoint
     * will be written and committed again. Called on the task thread in {@link #initializeState}, before the restored
     * transactions are committed. A sink should report what was committed after the restored checkpoint and reset its
     * record (with {@link #recordCommit}) so that later restores of the new run are not refused. The default does
     * nothing.
     */
    protected void rewindAccepted(long restoredCheckpointId, long lastCommittedCheckpointId) throws Exception {}

    // ------------------------------------------------------------------ for subclasses

    /** The context of this subtask, if any. */
    protected final Optional<CONTEXT> getUserContext() {
        return Optional.ofNullable(userContext);
    }

    /** The open transaction, or {@code null} before {@link #initializeState} and after {@link #finish()} or {@link #close()}. */
    protected final TXN currentTransaction() {
        return openTransaction;
    }

    /** The pre-committed transactions not yet committed, oldest first (a read-only snapshot). */
    protected final List<TXN> pendingTransactions() {
        if (pending == null) {
            return List.of();
        }
        List<TXN> out = new ArrayList<>(pending.size());
        for (Pending<TXN> p : pending) {
            out.add(p.transaction);
        }
        return Collections.unmodifiableList(out);
    }

    // ------------------------------------------------------------------ the protocol

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        checkPhase(Phase.CREATED, "initializeState");
        state = context.getOperatorStateStore().getListState(
                new ListStateDescriptor<>(STATE_NAME, new StateSerializer<>(transactionSerializer, contextSerializer)));
        pending = new ArrayList<>();
        userContext = null;
        lineage = context.getJobLineage().orElse(null);
        recordedCommit = Long.MIN_VALUE;
        if (context.isRestored()) {
            checkRewind(context);
            recover(state.get());
        }
        if (userContext == null) {
            userContext = initializeUserContext().orElse(null);
            if (userContext != null && contextSerializer == null) {
                throw new IllegalStateException(getClass().getName() + ".initializeUserContext() returned a context, but the sink "
                        + "has no context serializer to checkpoint it with: pass one to the TwoPhaseCommitSinkFunction constructor.");
            }
        }
        state.clear();
        openTransaction = beginTransaction();
        phase = Phase.RUNNING;
    }

    private void checkRewind(FunctionInitializationContext context) throws Exception {
        OptionalLong restoredId = context.getRestoredCheckpointId();
        if (lineage == null || restoredId.isEmpty()) {
            return;
        }
        OptionalLong committed = lastCommittedCheckpointId(lineage);
        if (committed.isEmpty() || committed.getAsLong() <= restoredId.getAsLong()) {
            return;
        }
        if (!context.isRewindAllowed()) {
            throw new RestoreRefusedException("Sink " + describe() + " refuses to restore checkpoint " + restoredId.getAsLong()
                    + ": it has already committed the output of checkpoint " + committed.getAsLong() + ", so resuming from the older "
                    + "checkpoint would write the records after checkpoint " + restoredId.getAsLong() + " a second time. Resume from "
                    + "checkpoint " + committed.getAsLong() + " or later if it is intact (weir checkpoints list DIR), or accept the "
                    + "duplicates with --allow-rewind (weir.restore.allow-rewind=true). Nothing was changed.");
        }
        rewindAccepted(restoredId.getAsLong(), committed.getAsLong());
        recordedCommit = restoredId.getAsLong();
    }

    /** Records the commit of {@code transactions} of checkpoint {@code checkpointId} before they are committed. */
    private void beforeCommit(long checkpointId, List<TXN> transactions) throws Exception {
        if (lineage != null && checkpointId > recordedCommit) {
            recordCommit(lineage, checkpointId, transactions);
            recordedCommit = checkpointId;
        }
    }

    private void recover(Iterable<SubtaskState<TXN, CONTEXT>> restored) throws Exception {
        List<Pending<TXN>> toCommit = new ArrayList<>();
        List<TXN> toAbort = new ArrayList<>();
        for (SubtaskState<TXN, CONTEXT> s : restored) {
            toCommit.addAll(s.pending);
            if (s.open != null) {
                toAbort.add(s.open);
            }
            if (userContext == null && s.context != null) {
                userContext = s.context;
            }
        }
        toCommit.sort(Comparator.comparingLong(p -> p.checkpointId)); // stable: keeps each subtask's order
        List<TXN> handled = new ArrayList<>(toCommit.size() + toAbort.size());
        if (!toCommit.isEmpty()) {
            List<TXN> transactions = new ArrayList<>(toCommit.size());
            for (Pending<TXN> p : toCommit) {
                transactions.add(p.transaction);
            }
            beforeCommit(toCommit.get(toCommit.size() - 1).checkpointId, transactions);
        }
        for (Pending<TXN> p : toCommit) {
            recoverAndCommit(p.transaction);
            handled.add(p.transaction);
        }
        for (TXN t : toAbort) {
            recoverAndAbort(t);
            handled.add(t);
        }
        finishRecoveringContext(Collections.unmodifiableList(handled));
    }

    /** Writes {@code value} into the open transaction; refused after {@link #finish()}. */
    @Override
    public final void invoke(IN value, Context context) throws Exception {
        if (phase != Phase.RUNNING) {
            throw new IllegalStateException("Sink " + describe() + " received an element in phase " + currentPhase()
                    + "; elements are only accepted between initializeState() and finish().");
        }
        invoke(openTransaction, value, context);
    }

    /**
     * Pre-commits the open transaction under this checkpoint's id and begins the next one (after
     * {@link #finish()}: assigns this checkpoint's id to the transaction that {@code finish}
     * pre-committed), then records the pending and open transactions in state.
     */
    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        long checkpointId = context.getCheckpointId();
        if (phase == Phase.RUNNING) {
            preCommit(openTransaction);
            pending.add(new Pending<>(checkpointId, openTransaction));
            openTransaction = null;
            openTransaction = beginTransaction();
        } else if (phase == Phase.FINISHED) {
            for (Pending<TXN> p : pending) {
                if (p.checkpointId == AWAITING_CHECKPOINT) {
                    p.checkpointId = checkpointId;
                }
            }
        } else {
            throw new IllegalStateException("Sink " + describe() + " was asked to snapshot checkpoint " + checkpointId + " in phase " + currentPhase() + ".");
        }
        state.update(List.of(new SubtaskState<>(new ArrayList<>(pending), openTransaction, userContext)));
    }

    /** Commits every pending transaction pre-committed at a checkpoint {@code <= checkpointId}, oldest first. */
    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        if (phase != Phase.RUNNING && phase != Phase.FINISHED) {
            return; // not initialized, or closed: the next attempt recovers whatever is pending
        }
        int due = 0;
        while (due < pending.size() && pending.get(due).checkpointId <= checkpointId) {
            due++;
        }
        if (due == 0) {
            return;
        }
        List<TXN> transactions = new ArrayList<>(due);
        for (int i = 0; i < due; i++) {
            transactions.add(pending.get(i).transaction);
        }
        beforeCommit(pending.get(due - 1).checkpointId, transactions);
        while (!pending.isEmpty() && pending.get(0).checkpointId <= checkpointId) {
            commit(pending.get(0).transaction);
            pending.remove(0); // only after a successful commit: a failed one is retried from the checkpoint
        }
    }

    /** Does nothing: the transactions of an aborted checkpoint stay pending and commit with the next completed one. */
    @Override
    public void notifyCheckpointAborted(long checkpointId) throws Exception {}

    /** Pre-commits the open transaction at the end of the input; the final checkpoint commits it. */
    @Override
    public void finish() throws Exception {
        checkPhase(Phase.RUNNING, "finish");
        preCommit(openTransaction);
        pending.add(new Pending<>(AWAITING_CHECKPOINT, openTransaction));
        openTransaction = null;
        phase = Phase.FINISHED;
    }

    /** Aborts the open transaction, if any; pending transactions are left for recovery. */
    @Override
    public void close() throws Exception {
        TXN open = openTransaction;
        openTransaction = null;
        phase = Phase.CLOSED;
        if (open != null) {
            abort(open);
        }
    }

    private Phase currentPhase() {
        return phase == null ? Phase.CREATED : phase;
    }

    private void checkPhase(Phase expected, String call) {
        Phase actual = currentPhase();
        if (actual != expected) {
            throw new IllegalStateException("Sink " + describe() + ": " + call + "() called in phase " + actual + ", expected " + expected + ".");
        }
    }

    private String describe() {
        try {
            return "'" + getRuntimeContext().getTaskNameWithSubtasks() + "'";
        } catch (IllegalStateException noContext) {
            return getClass().getName();
        }
    }

    // ------------------------------------------------------------------ state layout

    /** A pre-committed transaction and the checkpoint it belongs to. */
    private static final class Pending<TXN> {
        long checkpointId;
        final TXN transaction;

        Pending(long checkpointId, TXN transaction) {
            this.checkpointId = checkpointId;
            this.transaction = transaction;
        }
    }

    /** The one list-state element of a subtask. */
    private static final class SubtaskState<TXN, CONTEXT> {
        final List<Pending<TXN>> pending;
        final TXN open;
        final CONTEXT context;

        SubtaskState(List<Pending<TXN>> pending, TXN open, CONTEXT context) {
            this.pending = pending;
            this.open = open;
            this.context = context;
        }
    }

    /**
     * Format, version 1: version byte; pending count, then per pending transaction its checkpoint id
     * and handle; a flag and the open handle; a flag and the context.
     */
    private static final class StateSerializer<TXN, CONTEXT> implements TypeSerializer<SubtaskState<TXN, CONTEXT>> {
        private static final long serialVersionUID = 1L;
        private static final int VERSION = 1;

        private final TypeSerializer<TXN> txn;
        private final TypeSerializer<CONTEXT> ctx;

        StateSerializer(TypeSerializer<TXN> txn, TypeSerializer<CONTEXT> ctx) {
            this.txn = txn;
            this.ctx = ctx;
        }

        @Override
        public void serialize(SubtaskState<TXN, CONTEXT> value, DataOutput out) throws IOException {
            out.writeByte(VERSION);
            out.writeInt(value.pending.size());
            for (Pending<TXN> p : value.pending) {
                out.writeLong(p.checkpointId);
                txn.serialize(p.transaction, out);
            }
            out.writeBoolean(value.open != null);
            if (value.open != null) {
                txn.serialize(value.open, out);
            }
            out.writeBoolean(value.context != null);
            if (value.context != null) {
                ctx.serialize(value.context, out);
            }
        }

        @Override
        public SubtaskState<TXN, CONTEXT> deserialize(DataInput in) throws IOException {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IOException("Two-phase-commit sink state has format version " + version + "; this Weir reads version "
                        + VERSION + ".");
            }
            int n = in.readInt();
            List<Pending<TXN>> pending = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                long id = in.readLong();
                pending.add(new Pending<>(id, txn.deserialize(in)));
            }
            TXN open = in.readBoolean() ? txn.deserialize(in) : null;
            CONTEXT context = null;
            if (in.readBoolean()) {
                if (ctx == null) {
                    throw new IOException("The restored two-phase-commit sink state holds a user context, but the sink has no "
                            + "context serializer; pass the one the checkpoint was written with to the constructor.");
                }
                context = ctx.deserialize(in);
            }
            return new SubtaskState<>(pending, open, context);
        }

        @Override
        public SubtaskState<TXN, CONTEXT> copy(SubtaskState<TXN, CONTEXT> v) {
            List<Pending<TXN>> pending = new ArrayList<>(v.pending.size());
            for (Pending<TXN> p : v.pending) {
                pending.add(new Pending<>(p.checkpointId, txn.copy(p.transaction)));
            }
            return new SubtaskState<>(pending, v.open == null ? null : txn.copy(v.open), v.context == null ? null : ctx.copy(v.context));
        }

        @Override
        public boolean isImmutableType() {
            return false;
        }

        @Override
        public TypeSerializer<SubtaskState<TXN, CONTEXT>> duplicate() {
            return new StateSerializer<>(txn.duplicate(), ctx == null ? null : ctx.duplicate());
        }

        @Override
        public String snapshotIdentifier() {
            return "two-phase-commit-state-v" + VERSION + "(" + txn.snapshotIdentifier() + ", "
                    + (ctx == null ? "no-context" : ctx.snapshotIdentifier()) + ")";
        }
    }
}
