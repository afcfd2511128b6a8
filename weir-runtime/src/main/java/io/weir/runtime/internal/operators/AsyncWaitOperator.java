package io.weir.runtime.internal.operators;

import io.weir.api.datastream.AsyncDataStream;
import io.weir.api.functions.async.AsyncFunction;
import io.weir.api.functions.async.AsyncRetryPredicate;
import io.weir.api.functions.async.AsyncRetryStrategy;
import io.weir.api.functions.async.ResultFuture;
import io.weir.api.graph.AsyncOperatorSpec;
import io.weir.api.state.ListState;
import io.weir.api.typeutils.TypeSerializer;
import io.weir.runtime.internal.io.RecordWriter;
import io.weir.runtime.serialization.Serializers;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * The operator of {@link AsyncDataStream}: starts a request per element through the user's {@link AsyncFunction} and
 * emits the results, in input order or as they complete (never across a watermark), on the task thread.
 *
 * <p>Threads: everything here runs on the task thread, except {@link Attempt#complete} and
 * {@link Attempt#completeExceptionally}, which user code calls from any thread; they only put a mail that carries the
 * outcome to the task thread. Timeouts and retry backoffs are processing-time callbacks, so the simulator runs them
 * on virtual time.
 *
 * <p>Capacity: at most {@code capacity} entries (elements with a request started, watermarks) are in the queue. Entries
 * that arrive while it is full (the rest of an input batch, or everything a chained operator emits for one record)
 * wait in the backlog without a request, and the operator reports itself not ready for input, so the task takes no
 * more. Flink instead blocks the task inside processElement until a slot frees (yielding to its mailbox); both keep
 * at most {@code capacity} requests outstanding.
 *
 * <p>End of input: the task waits for {@link #hasPendingWork()} to turn false, while timeouts and retries go on as
 * configured (the task runs processing-time callbacks until it sends end-of-data). Flink 1.20 instead starts pending
 * retries at once in endInput and retries nothing after it, so an attempt failing near the end of the input fails the
 * job there; Weir retries it like any other.
 *
 * <p>Checkpoints: the queue and the backlog, in arrival order, go into operator list state. A restored operator puts
 * them into its backlog and starts their requests again at its first step, before new input (a mail, so that nothing
 * is emitted before every operator of the chain is open).
 */
public final class AsyncWaitOperator extends UdfOperator<AsyncFunction<Object, Object>> {
    /** The name of the list state of held elements, Flink's. */
    static final String STATE_NAME = "_async_wait_operator_state_";

    private final long timeoutMillis;
    private final int capacity;
    private final AsyncRetryStrategy<Object> retryStrategy;
    private final Predicate<Collection<Object>> retryOnResult; // null: never
    private final Predicate<Throwable> retryOnError; // null: never
    private final AsyncQueue queue;
    /** Entries beyond the capacity, or restored, whose requests have not started; in arrival order, after the queue's. */
    private final ArrayDeque<AsyncQueue.Entry> backlog = new ArrayDeque<>();
    /** Elements with a timeout, in the order they started, so in deadline order; done ones are dropped lazily. */
    private final ArrayDeque<AsyncQueue.Element> deadlines = new ArrayDeque<>();
    private final Emitter emitter = new Emitter();
    private TypeSerializer<Object> copier;
    private ListState<AsyncQueue.Entry> heldState;
    private boolean timeoutTimerSet;
    private boolean closed;

    @SuppressWarnings("unchecked")
    public AsyncWaitOperator(AsyncOperatorSpec spec) {
        super((AsyncFunction<Object, Object>) spec.getFunction());
        this.timeoutMillis = spec.getTimeoutMillis();
        this.capacity = spec.getCapacity();
        this.retryStrategy = (AsyncRetryStrategy<Object>) spec.getRetryStrategy();
        AsyncRetryPredicate<Object> p = retryStrategy.getRetryPredicate();
        this.retryOnResult = p == null ? null : p.resultPredicate().orElse(null);
        this.retryOnError = p == null ? null : p.exceptionPredicate().orElse(null);
        this.queue = spec.getOutputMode() == AsyncDataStream.OutputMode.ORDERED ? AsyncQueue.ordered() : AsyncQueue.unordered();
    }

    @Override
    protected void initializeUserState() throws Exception {
        copier = Serializers.dynamic();
        heldState = operatorState.getListState(STATE_NAME, new EntrySerializer(), false);
        for (AsyncQueue.Entry e : heldState.get()) {
            backlog.add(e);
        }
        heldState.clear();
        super.initializeUserState();
    }

    @Override
    public void open() throws Exception {
        super.open();
        if (!backlog.isEmpty()) {
            context.processingTime().runOnTaskThread(() -> guarded(this::drain));
        }
    }

    @Override
    protected void process(Object record, long timestamp) throws Exception {
        // held across calls, and possibly reused by a chained operator before it: take a copy (identity if immutable)
        backlog.add(new AsyncQueue.Element(copier.copy(record), timestamp));
        drain();
    }

    @Override
    public void processWatermark(long watermark) {
        guarded(() -> {
            backlog.add(new AsyncQueue.Watermark(watermark));
            drain();
        });
    }

    @Override
    public boolean isReadyForInput() {
        return backlog.isEmpty() && queue.size() < capacity;
    }

    @Override
    public boolean hasPendingWork() {
        return queue.size() > 0 || !backlog.isEmpty();
    }

    @Override
    protected void snapshotUserState(long checkpointId, long timestamp) throws Exception {
        super.snapshotUserState(checkpointId, timestamp);
        java.util.List<AsyncQueue.Entry> held = new ArrayList<>(queue.size() + backlog.size());
        queue.forEach(held::add);
        held.addAll(backlog);
        heldState.update(held);
    }

    @Override
    protected void doClose() throws Exception {
        closed = true;
        super.doClose();
    }

    // ------------------------------------------------------------------ requests (task thread)

    /** Emits what may be emitted, and starts backlog entries while the queue has room. */
    private void drain() throws Exception {
        while (true) {
            queue.emitReady(emitter);
            if (backlog.isEmpty() || queue.size() >= capacity) {
                return;
            }
            AsyncQueue.Entry e = backlog.poll();
            queue.add(e);
            if (e instanceof AsyncQueue.Element) {
                start((AsyncQueue.Element) e);
            }
        }
    }

    private void start(AsyncQueue.Element e) throws Exception {
        if (timeoutMillis > 0) {
            dropDoneDeadlines();
            e.deadline = context.processingTime().currentProcessingTime() + timeoutMillis;
            deadlines.add(e);
            armTimeoutTimer();
        }
        attempt(e);
    }

    private void attempt(AsyncQueue.Element e) throws Exception {
        e.attempts++;
        Attempt a = new Attempt(e, context.processingTime());
        e.currentAttempt = a;
        userFunction.asyncInvoke(e.value, a);
    }

    /** An attempt's outcome, on the task thread. Stale attempts (replaced by a retry) and late completions are ignored. */
    private void onCompletion(Attempt a, Collection<Object> results, Throwable error) throws Exception {
        AsyncQueue.Element e = a.element;
        boolean viaTimeout = a == e.timeoutFuture;
        if (closed || e.done || (!viaTimeout && a != e.currentAttempt)) {
            return;
        }
        if (!viaTimeout && e.timeoutFuture == null && shouldRetry(e, results, error)) {
            e.currentAttempt = null;
            e.retryPending = true;
            int attempts = e.attempts;
            long at = context.processingTime().currentProcessingTime() + retryStrategy.getBackoffTimeMillis(attempts);
            context.processingTime().scheduleAt(at, () -> guarded(() -> onRetryTimer(e, attempts)));
            return;
        }
        if (error != null) {
            throw new OperatorException(name(), context.subtaskIndex(), failure(e, error, viaTimeout));
        }
        e.done = true;
        e.results = results;
        e.currentAttempt = null;
        queue.completed(e);
        drain();
    }

    private boolean shouldRetry(AsyncQueue.Element e, Collection<Object> results, Throwable error) {
        boolean matches = error == null ? retryOnResult != null && retryOnResult.test(results) : retryOnError != null && retryOnError.test(error);
        return matches && retryStrategy.canRetry(e.attempts);
    }

    private void onRetryTimer(AsyncQueue.Element e, int attemptsWhenScheduled) throws Exception {
        if (!e.retryPending || e.attempts != attemptsWhenScheduled || closed) {
            return; // the timeout took over
        }
        e.retryPending = false;
        attempt(e);
    }

    private void dropDoneDeadlines() {
        while (!deadlines.isEmpty() && deadlines.peek().done) {
            deadlines.poll();
        }
    }

    /** One timer at a time, for the earliest deadline: requests start in deadline order, as the timeout is fixed. */
    private void armTimeoutTimer() {
        dropDoneDeadlines();
        if (timeoutTimerSet || deadlines.isEmpty()) {
            return;
        }
        timeoutTimerSet = true;
        context.processingTime().scheduleAt(deadlines.peek().deadline, () -> guarded(this::onTimeoutTimer));
    }

    private void onTimeoutTimer() throws Exception {
        timeoutTimerSet = false;
        if (closed) {
            return;
        }
        long now = context.processingTime().currentProcessingTime();
        AsyncQueue.Element e;
        while ((e = deadlines.peek()) != null && (e.done || e.deadline <= now)) {
            deadlines.poll();
            if (!e.done && e.timeoutFuture == null) {
                timeout(e);
            }
        }
        armTimeoutTimer();
    }

    /** Hands the element to the user's {@code timeout()}; no retry follows, and the first completion (of either future) counts. */
    private void timeout(AsyncQueue.Element e) throws Exception {
        e.retryPending = false;
        Attempt f = new Attempt(e, context.processingTime());
        e.timeoutFuture = f;
        userFunction.timeout(e.value, f);
    }

    /**
     * The failure of an element's request. Its stack trace is the error's own: the failure is the request's (user code
     * or the external system), and the job master classifies a failure by where it was raised.
     */
    private Exception failure(AsyncQueue.Element e, Throwable error, boolean viaTimeout) {
        String element = describe(e);
        String message = viaTimeout && error instanceof TimeoutException
                ? "Async request for element " + element + " timed out after " + timeoutMillis + " ms, and AsyncFunction.timeout(...)"
                        + " completed it with " + error + ". Override timeout(...) to emit a fallback result instead of failing the"
                        + " job, or raise the timeout."
                : "Could not complete the async request for element " + element
                        + (e.attempts > 1 ? " after " + e.attempts + " attempts" : "") + ": " + error;
        Exception f = new Exception(message, error);
        f.setStackTrace(error.getStackTrace());
        return f;
    }

    private static String describe(AsyncQueue.Element e) {
        String v = String.valueOf(e.value);
        if (v.length() > 200) {
            v = v.substring(0, 200) + "...";
        }
        return v + (e.timestamp == noTimestamp() ? "" : " (timestamp " + e.timestamp + ")");
    }

    /** Runs {@code body}; an exception (of user code) fails the task naming this operator. */
    private void guarded(Body body) {
        try {
            body.run();
        } catch (OperatorException | RecordWriter.TaskCancelledException e) {
            throw e;
        } catch (Exception e) {
            throw new OperatorException(name(), context.subtaskIndex(), e);
        }
    }

    @FunctionalInterface
    private interface Body {
        void run() throws Exception;
    }

    /** Emits a done element's results (with its timestamp) and watermarks. */
    private final class Emitter implements AsyncQueue.Emitter {
        @Override
        public void element(AsyncQueue.Element e) {
            for (Object r : e.results) {
                output.collect(r, e.timestamp);
            }
            e.results = null;
        }

        @Override
        public void watermark(long watermark) {
            currentWatermark = watermark;
            output.emitWatermark(watermark);
        }
    }

    /**
     * The future of one attempt (or of the timeout) of one element, handed to user code. Completion may come from any
     * thread; only the first counts, and it just puts a mail, so user threads never touch the operator.
     */
    private final class Attempt implements ResultFuture<Object> {
        final AsyncQueue.Element element;
        private final ProcessingTimeService taskThread; // final: safe to use from the thread that completes
        private final AtomicBoolean completed = new AtomicBoolean();

        Attempt(AsyncQueue.Element element, ProcessingTimeService taskThread) {
            this.element = element;
            this.taskThread = taskThread;
        }

        @Override
        public void complete(Collection<Object> result) {
            if (result == null) {
                throw new NullPointerException("ResultFuture.complete needs a collection of results (an empty one to emit nothing),"
                        + " got null.");
            }
            if (completed.compareAndSet(false, true)) {
                taskThread.runOnTaskThread(() -> guarded(() -> onCompletion(this, result, null)));
            }
        }

        @Override
        public void completeExceptionally(Throwable error) {
            Throwable e = error != null ? error : new NullPointerException("ResultFuture.completeExceptionally was called with null.");
            if (completed.compareAndSet(false, true)) {
                taskThread.runOnTaskThread(() -> guarded(() -> onCompletion(this, null, e)));
            }
        }
    }

    /** Held entries in operator state: a tag, the timestamp, and for an element its value (in the dynamic format). */
    static final class EntrySerializer implements TypeSerializer<AsyncQueue.Entry> {
        private static final long serialVersionUID = 1L;
        private static final int ELEMENT = 0;
        private static final int WATERMARK = 1;
        private final TypeSerializer<Object> values = Serializers.dynamic();

        @Override
        public void serialize(AsyncQueue.Entry entry, DataOutput out) throws IOException {
            if (entry instanceof AsyncQueue.Watermark) {
                out.writeByte(WATERMARK);
                out.writeLong(((AsyncQueue.Watermark) entry).timestamp);
            } else {
                AsyncQueue.Element e = (AsyncQueue.Element) entry;
                out.writeByte(ELEMENT);
                out.writeLong(e.timestamp);
                values.serialize(e.value, out);
            }
        }

        @Override
        public AsyncQueue.Entry deserialize(DataInput in) throws IOException {
            int tag = in.readByte();
            switch (tag) {
                case ELEMENT: {
                    long timestamp = in.readLong();
                    return new AsyncQueue.Element(values.deserialize(in), timestamp);
                }
                case WATERMARK: return new AsyncQueue.Watermark(in.readLong());
                default: throw new IOException("Unknown entry tag " + tag + " in async operator state; the checkpoint is damaged"
                        + " or from another format.");
            }
        }

        @Override
        public AsyncQueue.Entry copy(AsyncQueue.Entry value) {
            return value;
        }

        @Override
        public boolean isImmutableType() {
            return true;
        }

        @Override
        public TypeSerializer<AsyncQueue.Entry> duplicate() {
            return new EntrySerializer();
        }

        @Override
        public String snapshotIdentifier() {
            return "weir:async-entry";
        }
    }
}
