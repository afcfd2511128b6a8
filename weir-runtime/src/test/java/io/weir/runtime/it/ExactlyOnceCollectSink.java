package io.weir.runtime.it;

import io.weir.api.checkpoint.CheckpointedFunction;
import io.weir.api.checkpoint.FunctionInitializationContext;
import io.weir.api.checkpoint.FunctionSnapshotContext;
import io.weir.api.functions.sink.RichSinkFunction;
import io.weir.api.state.CheckpointListener;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.tuple.Tuple2;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory two-phase-commit sink for tests: records since the last checkpoint form a
 * transaction; a checkpoint pre-commits it (into operator state), and completion of the checkpoint
 * commits it into {@link #committed(String)}. After a restore the transactions of the restored
 * checkpoint are committed (idempotently, by transaction id) and later ones are lost with the
 * failed attempt, so the committed records are exactly-once when the job is.
 */
final class ExactlyOnceCollectSink<T> extends RichSinkFunction<T> implements CheckpointedFunction, CheckpointListener {
    private static final Map<String, Map<String, List<Object>>> COMMITTED = new ConcurrentHashMap<>();

    private final String collectorId;
    private transient List<Object> open;
    private transient TreeMap<Long, Tuple2<String, ArrayList<Object>>> preCommitted;
    private transient ListState<Tuple2<String, ArrayList<Object>>> state;

    ExactlyOnceCollectSink(String collectorId) {
        this.collectorId = collectorId;
        COMMITTED.put(collectorId, new ConcurrentHashMap<>());
    }

    /** Everything committed so far by the sinks with this id, in no particular order. */
    static List<Object> committed(String collectorId) {
        List<Object> all = new ArrayList<>();
        COMMITTED.getOrDefault(collectorId, Map.of()).values().forEach(all::addAll);
        return all;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void initializeState(FunctionInitializationContext context) throws Exception {
        open = new ArrayList<>();
        preCommitted = new TreeMap<>();
        state = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("transactions", (Class) Tuple2.class));
        for (Tuple2<String, ArrayList<Object>> txn : state.get()) {
            commit(txn);
        }
        state.clear();
    }

    @Override
    public void invoke(T value, Context context) {
        open.add(value);
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        String id = getRuntimeContext().getAttemptNumber() + "/" + getRuntimeContext().getIndexOfThisSubtask() + "/" + context.getCheckpointId();
        preCommitted.put(context.getCheckpointId(), Tuple2.of(id, new ArrayList<>(open)));
        open = new ArrayList<>();
        state.update(new ArrayList<>(preCommitted.values()));
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        while (!preCommitted.isEmpty() && preCommitted.firstKey() <= checkpointId) {
            commit(preCommitted.pollFirstEntry().getValue());
        }
    }

    private void commit(Tuple2<String, ArrayList<Object>> txn) {
        COMMITTED.get(collectorId).putIfAbsent(txn.f0, List.copyOf(txn.f1));
    }
}
