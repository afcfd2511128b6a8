package io.weir.testing;

import io.weir.api.functions.sink.TwoPhaseCommitSinkFunction;
import io.weir.api.typeutils.TypeSerializer;
import io.weir.runtime.serialization.Serializers;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * An exactly-once sink into memory, for tests: records become visible in {@link #committed()}
 * only when the checkpoint that covers them completes, through Weir's two-phase commit. After
 * any failure the committed records are exactly those of a failure-free run (as a multiset).
 * Works in jobs embedded in the test's JVM.
 */
public final class CollectingSink<T> extends TwoPhaseCommitSinkFunction<T, CollectingSink.Txn, Void> {
    private static final long serialVersionUID = 1L;
    private static final Map<String, ConcurrentSkipListMap<String, List<Object>>> COMMITTED = new ConcurrentHashMap<>();

    /** A transaction: an id and the records written in it. */
    public static final class Txn {
        final String id;
        final List<Object> records;

        Txn(String id, List<Object> records) {
            this.id = id;
            this.records = records;
        }
    }

    private final String sinkId;

    private CollectingSink(String sinkId) {
        this(sinkId, true);
    }

    private CollectingSink(String sinkId, boolean fresh) {
        super(new TxnSerializer());
        this.sinkId = sinkId;
        if (fresh) {
            COMMITTED.put(sinkId, new ConcurrentSkipListMap<>());
        }
    }

    public static <T> CollectingSink<T> create() {
        return new CollectingSink<>(UUID.randomUUID().toString());
    }

    /**
     * A sink whose committed records are kept under {@code id}: a sink created again with the same
     * id (by a job built again after a simulated process crash) sees what the earlier one
     * committed, as a real external system would. Release the records with {@link #discard}.
     */
    public static <T> CollectingSink<T> named(String id) {
        COMMITTED.computeIfAbsent(id, k -> new ConcurrentSkipListMap<>());
        return new CollectingSink<>(id, false);
    }

    /**
     * The sink of one simulated run: named by the run, so that it survives the run's simulated
     * process crashes, and forgotten when the run ends. Simulator thread.
     */
    public static <T> CollectingSink<T> forRun(io.weir.runtime.simulation.SimulatedJob.RunContext run) {
        run.onEnd(() -> discard(run.runId()));
        return named(run.runId());
    }

    /** Forgets everything committed under {@code id}. */
    public static void discard(String id) {
        COMMITTED.remove(id);
    }

    /** Every committed record, in no particular order across subtasks. */
    @SuppressWarnings("unchecked")
    public List<T> committed() {
        List<T> out = new ArrayList<>();
        for (List<Object> l : COMMITTED.get(sinkId).values()) {
            for (Object o : l) {
                out.add((T) o);
            }
        }
        return out;
    }

    /** Forgets what this sink committed. */
    public void clear() {
        COMMITTED.get(sinkId).clear();
    }

    @Override
    protected Txn beginTransaction() {
        return new Txn(getRuntimeContext().getIndexOfThisSubtask() + "-" + UUID.randomUUID(), new ArrayList<>());
    }

    @Override
    protected void invoke(Txn transaction, T value, Context context) {
        transaction.records.add(value);
    }

    @Override
    protected void preCommit(Txn transaction) {}

    @Override
    protected void commit(Txn transaction) {
        COMMITTED.get(sinkId).putIfAbsent(transaction.id, List.copyOf(transaction.records)); // idempotent
    }

    @Override
    protected void abort(Txn transaction) {
        transaction.records.clear();
    }

    /** Serializes transactions with their records (records through Weir's dynamic serializer). */
    static final class TxnSerializer implements TypeSerializer<Txn> {
        private static final long serialVersionUID = 1L;
        private transient TypeSerializer<Object> records;

        private TypeSerializer<Object> records() {
            if (records == null) {
                records = Serializers.dynamic();
            }
            return records;
        }

        @Override
        public void serialize(Txn value, DataOutput out) throws IOException {
            out.writeUTF(value.id);
            out.writeInt(value.records.size());
            for (Object o : value.records) {
                records().serialize(o, out);
            }
        }

        @Override
        public Txn deserialize(DataInput in) throws IOException {
            String id = in.readUTF();
            int n = in.readInt();
            List<Object> l = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                l.add(records().deserialize(in));
            }
            return new Txn(id, l);
        }

        @Override
        public Txn copy(Txn value) {
            return new Txn(value.id, new ArrayList<>(value.records));
        }

        @Override
        public boolean isImmutableType() {
            return false;
        }

        @Override
        public TypeSerializer<Txn> duplicate() {
            return new TxnSerializer();
        }

        @Override
        public String snapshotIdentifier() {
            return "weir-testing:collecting-sink-txn:v1";
        }
    }
}
