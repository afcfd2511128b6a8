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
 * What a rich function knows about where it runs. The runtime sets it on the function before
 * {@code open} ({@code AbstractRichFunction#getRuntimeContext()} throws before that); it belongs to one
 * subtask and one execution attempt, and is used on that subtask's thread only. Keyed state is only
 * available on a keyed stream (after {@code keyBy}); asking for it elsewhere throws
 * {@link UnsupportedOperationException} naming the operator. State handles may be obtained once in
 * {@code open} and kept: they always act on the key of the element being processed.
 */
public interface RuntimeContext {

    /** The name of the task (the chain of operators) this function runs in. Never null. */
    String getTaskName();

    /** The task name with this subtask's position and attempt, such as {@code "Map -> Sink (2/4)#0"}, for messages. */
    String getTaskNameWithSubtasks();

    /** This subtask's index, from 0 to {@link #getNumberOfParallelSubtasks()} - 1. */
    int getIndexOfThisSubtask();

    /** The operator's parallelism in this execution. */
    int getNumberOfParallelSubtasks();

    /** The operator's maximum parallelism: the number of key groups. */
    int getMaxNumberOfParallelSubtasks();

    /** 0 for the first execution attempt, incremented on every restart of the job. */
    int getAttemptNumber();

    /** The job's name as given to {@code execute(name)}. */
    String getJobName();

    /** This subtask's information (name, index, parallelism, attempt) as one object, as Flink 1.19+ offers it. */
    default io.weir.api.common.TaskInfo getTaskInfo() {
        RuntimeContext self = this;
        return new io.weir.api.common.TaskInfo() {
            @Override
            public String getTaskName() {
                return self.getTaskName();
            }

            @Override
            public int getMaxNumberOfParallelSubtasks() {
                return self.getMaxNumberOfParallelSubtasks();
            }

            @Override
            public int getIndexOfThisSubtask() {
                return self.getIndexOfThisSubtask();
            }

            @Override
            public int getNumberOfParallelSubtasks() {
                return self.getNumberOfParallelSubtasks();
            }

            @Override
            public int getAttemptNumber() {
                return self.getAttemptNumber();
            }

            @Override
            public String getTaskNameWithSubtasks() {
                return self.getTaskNameWithSubtasks();
            }
        };
    }

    /**
     * The job's id and name, as Flink 1.19+ offers them. The default knows only the name (its id is null); Weir's
     * runtime gives both.
     */
    default io.weir.api.common.JobInfo getJobInfo() {
        String name = getJobName();
        return new io.weir.api.common.JobInfo() {
            @Override
            public io.weir.api.common.JobID getJobId() {
                return null;
            }

            @Override
            public String getJobName() {
                return name;
            }
        };
    }

    /**
     * The job's global parameters ({@code env.getConfig().setGlobalJobParameters(...)}, or settings
     * {@code pipeline.global-job-parameters.<key>}), as Flink 1.19+ gives them: an unmodifiable map, empty when none
     * were set. To read them with getters, wrap them: {@code ParameterTool.fromMap(getGlobalJobParameters())}.
     */
    java.util.Map<String, String> getGlobalJobParameters();

    /**
     * The keyed state described by {@code descriptor} (created empty the first time; restored from the checkpoint
     * after a restore).
     *
     * @throws UnsupportedOperationException on a non-keyed stream, naming the operator
     * @throws io.weir.api.execution.RestoreRefusedException if restored state of that name was written with another
     *     kind or type (the job then fails at once and its checkpoint is kept)
     */
    <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor);

    /** Keyed list state; see {@link #getState} for when it throws. */
    <T> ListState<T> getListState(ListStateDescriptor<T> descriptor);

    /** Keyed map state; see {@link #getState} for when it throws. */
    <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor);

    /** Keyed reducing state; see {@link #getState} for when it throws. */
    <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor);

    /** Keyed aggregating state; see {@link #getState} for when it throws. */
    <IN, ACC, OUT> io.weir.api.state.AggregatingState<IN, OUT> getAggregatingState(
            io.weir.api.state.AggregatingStateDescriptor<IN, ACC, OUT> descriptor);
}
