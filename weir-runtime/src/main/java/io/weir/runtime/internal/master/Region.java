package io.weir.runtime.internal.master;

import io.weir.runtime.internal.graph.JobGraph;
import io.weir.runtime.internal.graph.JobEdge;
import io.weir.runtime.internal.graph.JobVertex;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A pipelined region: tasks connected by data exchanges. Regions share no records, so one can
 * restart from a checkpoint while the others keep running. Master thread only.
 */
final class Region {
    final int index;
    final Set<Integer> vertices;
    final int subtasks;
    /** User-visible attempt number of this region's tasks (0 for the first). */
    int attemptNumber = -1;
    /** Identifies the current attempt in reports from tasks; unique across regions and attempts. */
    int token = -1;
    ExecutionAttempt attempt;
    boolean restarting;

    private Region(int index, Set<Integer> vertices, int subtasks) {
        this.index = index;
        this.vertices = vertices;
        this.subtasks = subtasks;
    }

    /** The connected components of the graph, in order of their first vertex. */
    static List<Region> of(JobGraph graph) {
        int n = graph.vertices().size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (JobVertex v : graph.vertices()) {
            for (JobEdge e : v.outputs()) {
                union(parent, e.source().index(), e.target().index());
            }
        }
        List<Region> regions = new ArrayList<>();
        List<Integer> roots = new ArrayList<>();
        for (JobVertex v : graph.vertices()) {
            int root = find(parent, v.index());
            if (!roots.contains(root)) {
                roots.add(root);
            }
        }
        for (int root : roots) {
            Set<Integer> members = new TreeSet<>();
            int subtasks = 0;
            for (JobVertex v : graph.vertices()) {
                if (find(parent, v.index()) == root) {
                    members.add(v.index());
                    subtasks += v.parallelism();
                }
            }
            regions.add(new Region(regions.size(), members, subtasks));
        }
        return regions;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }

    @Override
    public String toString() {
        return "region " + index + " " + vertices;
    }
}
