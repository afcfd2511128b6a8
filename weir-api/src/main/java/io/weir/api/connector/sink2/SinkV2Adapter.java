package io.weir.api.connector.sink2;

import io.weir.api.checkpoint.FunctionInitializationContext;
import io.weir.api.checkpoint.FunctionSnapshotContext;
import io.weir.api.configuration.Configuration;
import io.weir.api.io.SimpleVersionedSerializer;
import io.weir.api.eventtime.Watermark;
import io.weir.api.functions.sink.TwoPhaseCommitSinkFunction;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.typeutils.TypeSerializer;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Runs a {@link Sink} (Sink V2) as a Weir sink function; {@code DataStream.sinkTo} adds it. Built on
 * {@link TwoPhaseCommitSinkFunction}: the committables a {@link CommittingSinkWriter} prepares at a checkpoint are that
 * checkpoint's transaction, stored in the checkpoint and committed with the sink's {@link Committer} when it completes
 * (and again after a restore, which the committer must tolerate). The writer's state, for a sink that
 * {@link SupportsWriterState}, is checkpointed beside them. A sink without a committer is simply written and flushed.
 * Not for direct use; all methods run on the sink subtask's thread.
 *
 * @param <IN> the type of the elements written
 */
public final class SinkV2Adapter<IN> extends TwoPhaseCommitSinkFunction<IN, SinkV2Adapter.Committables, Void> {
    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(SinkV2Adapter.class.getName());
    /** How often a committer may ask to retry a committable in one commit before the job fails and recovers instead. */
    static final int MAX_COMMIT_ATTEMPTS = 10;
    private static final String WRITER_STATE = "sink-v2-writer-state";

    private final Sink<IN> sink;

    private transient SinkWriter<IN> writer;
    private transient Committer<Object> committer;
    private transient ListState<byte[]> writerState;
    private transient List<Object> restoredWriterState;
    private transient OptionalLong restoredCheckpointId;
    private transient boolean endOfInput;

    /** The committables of one checkpoint: the transaction of {@link TwoPhaseCommitSinkFunction}. */
    public static final class Committables {
        final List<Object> items = new ArrayList<>();
    }

    /** Wraps {@code sink}. */
    public SinkV2Adapter(Sink<IN> sink) {
        super(new CommittablesSerializer(Objects.requireNonNull(sink, "sinkTo(...) needs a sink, got null")));
        this.sink = sink;
    }

    /** The wrapped sink. */
    public Sink<IN> getSink() {
        return sink;
    }

    private final class InitContextImpl implements WriterInitContext, CommitterInitContext, Sink.InitContext {
        @Override
        public int getSubtaskId() {
            return getRuntimeContext().getIndexOfThisSubtask();
        }

        @Override
        public int getNumberOfParallelSubtasks() {
            return getRuntimeContext().getNumberOfParallelSubtasks();
        }

        @Override
        public int getAttemptNumber() {
            return getRuntimeContext().getAttemptNumber();
        }

        @Override
        public OptionalLong getRestoredCheckpointId() {
            return restoredCheckpointId == null ? OptionalLong.empty() : restoredCheckpointId;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void initializeState(FunctionInitializationContext context) throws Exception {
        restoredCheckpointId = context.getRestoredCheckpointId();
        super.initializeState(context); // commits the restored checkpoint's committables
        writerState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>(WRITER_STATE, byte[].class));
        if (context.isRestored() && sink instanceof SupportsWriterState) {
            SimpleVersionedSerializer<Object> serializer =
                    ((SupportsWriterState<IN, Object>) sink).getWriterStateSerializer();
            restoredWriterState = new ArrayList<>();
            for (byte[] b : writerState.get()) {
                restoredWriterState.add(readVersioned(serializer, b));
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open(Configuration parameters) throws Exception {
        super.open(parameters);
        writer = restoredWriterState != null
                ? ((SupportsWriterState<IN, Object>) sink).restoreWriter(new InitContextImpl(), restoredWriterState)
                : sink.createWriter((WriterInitContext) new InitContextImpl());
        if (writer == null) {
            throw new IllegalStateException("Sink " + sink.getClass().getName() + " created a null writer.");
        }
        if (sink instanceof SupportsCommitter && !(writer instanceof CommittingSinkWriter)) {
            throw new IllegalStateException("Sink " + sink.getClass().getName() + " supports a committer, but its writer "
                    + writer.getClass().getName() + " is not a CommittingSinkWriter, so it cannot hand over committables.");
        }
        restoredWriterState = null;
    }

    @Override
    protected Committables beginTransaction() {
        return new Committables();
    }

    @Override
    protected void invoke(Committables transaction, IN value, io.weir.api.functions.sink.SinkFunction.Context context) throws Exception {
        writer.write(value, new SinkWriter.Context() {
            @Override
            public long currentWatermark() {
                return context.currentWatermark();
            }

            @Override
            public Long timestamp() {
                return context.timestamp();
            }
        });
    }

    /** Flushes the writer and takes its committables into {@code transaction}. */
    @Override
    @SuppressWarnings("unchecked")
    protected void preCommit(Committables transaction) throws Exception {
        writer.flush(endOfInput);
        if (writer instanceof CommittingSinkWriter) {
            transaction.items.addAll(((CommittingSinkWriter<IN, Object>) writer).prepareCommit());
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        super.snapshotState(context);
        if (writer instanceof StatefulSinkWriter && sink instanceof SupportsWriterState) {
            SimpleVersionedSerializer<Object> serializer = ((SupportsWriterState<IN, Object>) sink).getWriterStateSerializer();
            List<byte[]> blobs = new ArrayList<>();
            for (Object s : ((StatefulSinkWriter<IN, Object>) writer).snapshotState(context.getCheckpointId())) {
                blobs.add(writeVersioned(serializer, s));
            }
            writerState.update(blobs);
        }
    }

    @Override
    protected void commit(Committables transaction) throws Exception {
        commitAll(transaction.items);
    }

    @Override
    protected void abort(Committables transaction) {
        // the open transaction's elements were never handed over as committables: nothing to undo
    }

    @Override
    public void finish() throws Exception {
        endOfInput = true;
        super.finish();
    }

    @Override
    public void close() throws Exception {
        try {
            super.close();
        } finally {
            try {
                if (writer != null) {
                    writer.close();
                }
            } finally {
                writer = null;
                if (committer != null) {
                    committer.close();
                    committer = null;
                }
            }
        }
    }

    /** Commits {@code items} with the sink's committer, retrying what it asks to retry up to {@link #MAX_COMMIT_ATTEMPTS}. */
    @SuppressWarnings("unchecked")
    private void commitAll(List<Object> items) throws Exception {
        if (items.isEmpty()) {
            return;
        }
        if (!(sink instanceof SupportsCommitter)) {
            throw new IllegalStateException("Sink " + sink.getClass().getName() + " has committables but no committer.");
        }
        if (committer == null) {
            committer = ((SupportsCommitter<Object>) sink).createCommitter(new InitContextImpl());
        }
        List<Request> open = new ArrayList<>();
        for (Object c : items) {
            open.add(new Request(c));
        }
        for (int attempt = 1; !open.isEmpty(); attempt++) {
            if (attempt > MAX_COMMIT_ATTEMPTS) {
                throw new IOException("The committer of sink " + sink.getClass().getName() + " asked to retry " + open.size()
                        + " committable(s) " + MAX_COMMIT_ATTEMPTS + " times; failing so that the job recovers and commits them again.");
            }
            committer.commit(new ArrayList<>(open));
            List<Request> again = new ArrayList<>();
            for (Request r : open) {
                if (r.failure != null) {
                    throw new IOException("The committer of sink " + sink.getClass().getName() + " failed to commit " + r.committable
                            + " for an unknown reason; the job recovers and commits it again.", r.failure);
                }
                if (r.retry) {
                    r.retry = false;
                    r.retries++;
                    again.add(r);
                }
            }
            open = again;
        }
    }

    private static Object readVersioned(SimpleVersionedSerializer<Object> serializer, byte[] b) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(b);
        int version = buf.getInt();
        byte[] body = new byte[buf.remaining()];
        buf.get(body);
        return serializer.deserialize(version, body);
    }

    private static byte[] writeVersioned(SimpleVersionedSerializer<Object> serializer, Object value) throws IOException {
        byte[] body = serializer.serialize(value);
        return ByteBuffer.allocate(4 + body.length).putInt(serializer.getVersion()).put(body).array();
    }

    /** One committable's commit request. */
    private final class Request implements Committer.CommitRequest<Object> {
        Object committable;
        int retries;
        boolean retry;
        Throwable failure;

        Request(Object committable) {
            this.committable = committable;
        }

        @Override
        public Object getCommittable() {
            return committable;
        }

        @Override
        public int getNumberOfRetries() {
            return retries;
        }

        @Override
        public void signalFailedWithKnownReason(Throwable t) {
            LOG.log(System.Logger.Level.WARNING, "Sink " + sink.getClass().getName() + " dropped committable " + committable
                    + ", which failed to commit for a known reason: " + t, t);
        }

        @Override
        public void signalFailedWithUnknownReason(Throwable t) {
            failure = t == null ? new IOException("unknown commit failure") : t;
        }

        @Override
        public void retryLater() {
            retry = true;
        }

        @Override
        public void updateAndRetryLater(Object committable) {
            this.committable = committable;
            retry = true;
        }

        @Override
        public void signalAlreadyCommitted() {
            // visible already: nothing more to do
        }
    }

    /** Writes a checkpoint's committables with the sink's versioned committable serializer. */
    private static final class CommittablesSerializer implements TypeSerializer<Committables> {
        private static final long serialVersionUID = 1L;
        private final Sink<?> sink;

        CommittablesSerializer(Sink<?> sink) {
            this.sink = sink;
        }

        @SuppressWarnings("unchecked")
        private SimpleVersionedSerializer<Object> committableSerializer() {
            return ((SupportsCommitter<Object>) sink).getCommittableSerializer();
        }

        @Override
        public void serialize(Committables value, DataOutput out) throws IOException {
            out.writeInt(value.items.size());
            if (value.items.isEmpty()) {
                return;
            }
            SimpleVersionedSerializer<Object> s = committableSerializer();
            for (Object c : value.items) {
                byte[] b = writeVersioned(s, c);
                out.writeInt(b.length);
                out.write(b);
            }
        }

        @Override
        public Committables deserialize(DataInput in) throws IOException {
            Committables c = new Committables();
            int n = in.readInt();
            SimpleVersionedSerializer<Object> s = n == 0 ? null : committableSerializer();
            for (int i = 0; i < n; i++) {
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                c.items.add(readVersioned(s, b));
            }
            return c;
        }

        @Override
        public Committables copy(Committables value) {
            Committables c = new Committables();
            c.items.addAll(value.items);
            return c;
        }

        @Override
        public boolean isImmutableType() {
            return false;
        }

        @Override
        public TypeSerializer<Committables> duplicate() {
            return new CommittablesSerializer(sink);
        }

        @Override
        public String snapshotIdentifier() {
            return "sink-v2-committables";
        }
    }
}
