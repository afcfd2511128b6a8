package io.weir.runtime.internal.graph;

import java.util.ArrayList;
import java.util.List;

/** A task: a chain of operators run by one thread per subtask. */
public final class JobVertex {
    private final int index;
    private final List<OperatorSpec> chain;
    private final int parallelism;
    private final int maxParallelism;
    private final boolean objectReuse;
    final List<JobEdge> inputs = new ArrayList<>();
    final List<JobEdge> outputs = new ArrayList<>();

    JobVertex(int index, List<OperatorSpec> chain, int parallelism, int maxParallelism, boolean objectReuse) {
        this.index = index;
        this.chain = List.copyOf(chain);
        this.parallelism = parallelism;
        this.maxParallelism = maxParallelism;
        this.objectReuse = objectReuse;
    }

    public int index() {
        return index;
    }

    /** Id of the task in checkpoints: the head operator's id. */
    public String taskId() {
        return chain.get(0).operatorId();
    }

    public String name() {
        StringBuilder sb = new StringBuilder();
        for (OperatorSpec op : chain) {
            if (sb.length() > 0) {
                sb.append(" -> ");
            }
            sb.append(op.name());
        }
        return sb.toString();
    }

    public List<OperatorSpec> chain() {
        return chain;
    }

    public int parallelism() {
        return parallelism;
    }

    public int maxParallelism() {
        return maxParallelism;
    }

    /**
     * The job's {@code pipeline.object-reuse}: whether this task's operators pass records and state
     * values on without copies. The same for every vertex of a job; kept here so that whatever sets
     * up a task finds it next to the task's other settings.
     */
    public boolean objectReuse() {
        return objectReuse;
    }

    public List<JobEdge> inputs() {
        return inputs;
    }

    public List<JobEdge> outputs() {
        return outputs;
    }

    public boolean isSource() {
        return inputs.isEmpty();
    }

    /** Total input channels of one subtask. */
    public int inputChannelCount() {
        int n = 0;
        for (JobEdge e : inputs) {
            n += e.channelsPerTarget();
        }
        return n;
    }

    /**
     * For each input channel of a subtask (in gate order), whether it feeds the second input of the
     * head operator; null when the head has one input.
     */
    public boolean[] secondInputChannels() {
        boolean any = false;
        for (JobEdge e : inputs) {
            any |= e.targetInput() == 1;
        }
        if (!any) {
            return null;
        }
        boolean[] second = new boolean[inputChannelCount()];
        int offset = 0;
        for (JobEdge e : inputs) {
            java.util.Arrays.fill(second, offset, offset + e.channelsPerTarget(), e.targetInput() == 1);
            offset += e.channelsPerTarget();
        }
        return second;
    }

    @Override
    public String toString() {
        return name() + " (" + parallelism + ")";
    }
}
