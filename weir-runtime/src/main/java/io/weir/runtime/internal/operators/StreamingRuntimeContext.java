package io.weir.runtime.internal.operators;

import io.weir.api.functions.RuntimeContext;
import io.weir.api.state.KeyedStateStore;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;

/** The {@link RuntimeContext} given to rich functions. */
final class StreamingRuntimeContext implements RuntimeContext {
    private final OperatorContext ctx;
    private final KeyedStateStore keyed;

    StreamingRuntimeContext(OperatorContext ctx, KeyedStateStore keyed) {
        this.ctx = ctx;
        this.keyed = keyed;
    }

    @Override
    public String getTaskName() {
        return ctx.taskName();
    }

    @Override
    public String getTaskNameWithSubtasks() {
        return ctx.taskNameWithSubtasks();
    }

    @Override
    public int getIndexOfThisSubtask() {
        return ctx.subtaskIndex();
    }

    @Override
    public int getNumberOfParallelSubtasks() {
        return ctx.parallelism();
    }

    @Override
    public int getMaxNumberOfParallelSubtasks() {
        return ctx.maxParallelism();
    }

    @Override
    public int getAttemptNumber() {
        return ctx.attemptNumber();
    }

    @Override
    public String getJobName() {
        return ctx.jobName();
    }

    @Override
    public io.weir.api.common.JobInfo getJobInfo() {
        io.weir.api.common.JobID id = ctx.jobId() == null ? null : new io.weir.api.common.JobID(ctx.jobId());
        String name = ctx.jobName();
        return new io.weir.api.common.JobInfo() {
            @Override
            public io.weir.api.common.JobID getJobId() {
                return id;
            }

            @Override
            public String getJobName() {
                return name;
            }
        };
    }

    @Override
    public java.util.Map<String, String> getGlobalJobParameters() {
        return ctx.globalJobParameters();
    }

    private KeyedStateStore keyed() {
        if (keyed == null) {
            throw new UnsupportedOperationException("Keyed state is only available on a keyed stream: operator '" + ctx.operatorName()
                    + "' is not after keyBy(...). Use operator state (CheckpointedFunction) or key the stream first.");
        }
        return keyed;
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
        return keyed().getState(descriptor);
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
        return keyed().getListState(descriptor);
    }

    @Override
    public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor) {
        return keyed().getMapState(descriptor);
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
        return keyed().getReducingState(descriptor);
    }

    @Override
    public <IN, ACC, OUT> io.weir.api.state.AggregatingState<IN, OUT> getAggregatingState(
            io.weir.api.state.AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
        return keyed().getAggregatingState(descriptor);
    }
}
