package io.weir.api.functions;

import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;

/**
 * What a rich function knows about where it runs. Keyed state is only available on a keyed stream
 * (after {@code keyBy}); asking for it elsewhere throws {@link UnsupportedOperationException} naming
 * the operator. State handles may be obtained once in {@code open} and kept: they always act on the
 * key of the element being processed.
 */
public interface RuntimeContext {

    String getTaskName();

    String getTaskNameWithSubtasks();

    int getIndexOfThisSubtask();

    int getNumberOfParallelSubtasks();

    int getMaxNumberOfParallelSubtasks();

    /** 0 for the first execution attempt, incremented on every restart of the job. */
    int getAttemptNumber();

    String getJobName();

    <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor);

    <T> ListState<T> getListState(ListStateDescriptor<T> descriptor);

    <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor);

    <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor);
}
