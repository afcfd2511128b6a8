package io.weir.runtime.internal.graph;

import java.util.List;

/** The executable graph: tasks in topological order (sources first). */
public record JobGraph(String jobName, List<JobVertex> vertices) {

    public int totalSubtasks() {
        int n = 0;
        for (JobVertex v : vertices) {
            n += v.parallelism();
        }
        return n;
    }
}
