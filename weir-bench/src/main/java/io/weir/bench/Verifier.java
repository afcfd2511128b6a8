package io.weir.bench;

import io.weir.api.checkpoint.CheckpointedFunction;
import io.weir.api.checkpoint.FunctionInitializationContext;
import io.weir.api.checkpoint.FunctionSnapshotContext;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.sink.RichSinkFunction;
import io.weir.api.state.CheckpointListener;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.typeutils.TypeSerializer;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * Sums {@code count}, {@code key * count} (wrapping) and the number of outputs; the sums are
 * checkpointed, so a restored attempt continues from the checkpoint, and they are published to
 * {@link Probes} once, in {@link #finish()} of the attempt that reaches the end of input. Counts
 * the checkpoint ids notified complete.
 */
final class Verifier extends RichSinkFunction<Tuple2<Long, Long>> implements CheckpointListener, CheckpointedFunction {
    private static final long serialVersionUID = 1L;

    private transient ListState<long[]> state;
    private long sumCounts;
    private long keyCountSum;
    private long outputs;

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        state = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("verifier-sums", new LongArraySerializer()));
        sumCounts = 0;
        keyCountSum = 0;
        outputs = 0;
        if (context.isRestored()) {
            for (long[] s : state.get()) {
                sumCounts += s[0];
                keyCountSum += s[1];
                outputs += s[2];
            }
        }
    }

    @Override
    public void open(OpenContext openContext) {
        Probes.attemptStarted(getRuntimeContext().getAttemptNumber());
    }

    @Override
    public void invoke(Tuple2<Long, Long> value, Context context) {
        long c = value.f1;
        sumCounts += c;
        keyCountSum += value.f0 * c;
        outputs++;
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        state.update(List.of(new long[] {sumCounts, keyCountSum, outputs}));
    }

    @Override
    public void finish() {
        Probes.sumCounts.addAndGet(sumCounts);
        Probes.keyCountSum.addAndGet(keyCountSum);
        Probes.outputs.addAndGet(outputs);
        Probes.finishedVerifiers.incrementAndGet();
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        Probes.verifierCheckpoints.add(checkpointId);
        Probes.checkpointCompleted(checkpointId);
    }

    /** {@code long[]} as length + values. */
    static final class LongArraySerializer implements TypeSerializer<long[]> {
        private static final long serialVersionUID = 1L;

        @Override
        public void serialize(long[] value, DataOutput out) throws IOException {
            out.writeInt(value.length);
            for (long v : value) {
                out.writeLong(v);
            }
        }

        @Override
        public long[] deserialize(DataInput in) throws IOException {
            long[] v = new long[in.readInt()];
            for (int i = 0; i < v.length; i++) {
                v[i] = in.readLong();
            }
            return v;
        }

        @Override
        public long[] copy(long[] value) {
            return value.clone();
        }

        @Override
        public boolean isImmutableType() {
            return false;
        }

        @Override
        public TypeSerializer<long[]> duplicate() {
            return this;
        }

        @Override
        public String snapshotIdentifier() {
            return "weir-bench:long-array:v1";
        }
    }
}
