package io.weir.runtime.internal.graph;

import io.weir.api.configuration.IllegalConfigurationException;
import io.weir.api.configuration.ConfigKeys;
import io.weir.api.functions.KeySelector;
import io.weir.api.graph.OneInputTransformation;
import io.weir.api.graph.PartitionTransformation;
import io.weir.api.graph.SideOutputTransformation;
import io.weir.api.graph.SinkTransformation;
import io.weir.api.graph.SourceTransformation;
import io.weir.api.graph.Transformation;
import io.weir.api.graph.TwoInputTransformation;
import io.weir.api.graph.UnionTransformation;
import io.weir.api.spi.Pipeline;
import io.weir.api.util.OutputTag;
import io.weir.runtime.internal.io.RecordWriter;
import io.weir.runtime.internal.state.KeyGroups;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the user's transformations into tasks: resolves parallelism, validates settings, resolves
 * partitioning and unions into edges, and chains operators that connect one-to-one at equal
 * parallelism. Every error names the operator and the setting.
 */
public final class JobGraphBuilder {

    /** An operator node before chaining. */
    private static final class Node {
        final Transformation<?> t;
        final int index;
        final int parallelism;
        final int maxParallelism;
        final List<Edge> in = new ArrayList<>();
        final List<Edge> out = new ArrayList<>();

        Node(Transformation<?> t, int index, int parallelism, int maxParallelism) {
            this.t = t;
            this.index = index;
            this.parallelism = parallelism;
            this.maxParallelism = maxParallelism;
        }
    }

    /**
     * @param tag   the side output the edge carries, or null for the main output
     * @param input which input of {@code to} the edge feeds: 0, or 1 for the second input of a two-input operator
     */
    private record Edge(Node from, Node to, RecordWriter.Mode mode, KeySelector<?, ?> key, boolean explicit, OutputTag<?> tag, int input) {}

    private final Pipeline pipeline;
    private final Map<Transformation<?>, Node> nodes = new LinkedHashMap<>();
    private final Map<Transformation<?>, Integer> positions = new IdentityHashMap<>();
    private boolean objectReuse;
    private boolean chaining = true;
    /** {@code pipeline.auto-watermark-interval} of the job, for watermark operators that read it at run time. */
    private long autoWatermarkIntervalMillis;

    private JobGraphBuilder(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    public static JobGraph build(Pipeline pipeline) {
        return new JobGraphBuilder(pipeline).build();
    }

    private JobGraph build() {
        if (pipeline.parallelism() <= 0) {
            throw new IllegalConfigurationException("Invalid parallelism " + pipeline.parallelism()
                    + " (env.setParallelism / parallelism.default): it must be at least 1.");
        }
        if (pipeline.maxParallelism() != -1 && (pipeline.maxParallelism() <= 0 || pipeline.maxParallelism() > KeyGroups.UPPER_BOUND_MAX_PARALLELISM)) {
            throw new IllegalConfigurationException("Invalid max parallelism " + pipeline.maxParallelism()
                    + " (env.setMaxParallelism / pipeline.max-parallelism): it must be between 1 and " + KeyGroups.UPPER_BOUND_MAX_PARALLELISM + ".");
        }
        List<Transformation<?>> all = pipeline.transformations();
        for (int i = 0; i < all.size(); i++) {
            positions.put(all.get(i), i);
        }
        List<Transformation<?>> sinks = new ArrayList<>();
        for (Transformation<?> t : all) {
            if (t instanceof SinkTransformation) {
                sinks.add(t);
            }
        }
        if (sinks.isEmpty()) {
            throw new IllegalArgumentException("The job '" + pipeline.jobName() + "' has no sink, so it would compute nothing anyone sees."
                    + " Add one with addSink(...), print() or executeAndCollect() before execute().");
        }
        for (Transformation<?> s : sinks) {
            node(s);
        }
        checkUids();
        objectReuse = pipeline.configuration().getBoolean(ConfigKeys.OBJECT_REUSE, false);
        chaining = pipeline.configuration().getBoolean(ConfigKeys.OPERATOR_CHAINING, true);
        autoWatermarkIntervalMillis = new io.weir.api.common.ExecutionConfig(pipeline.configuration()).getAutoWatermarkInterval();
        return chain();
    }

    private Node node(Transformation<?> t) {
        Node existing = nodes.get(t);
        if (existing != null) {
            return existing;
        }
        int parallelism = t.getParallelism() == -1 ? pipeline.parallelism() : t.getParallelism();
        if (parallelism <= 0) {
            throw new IllegalArgumentException("Invalid parallelism " + parallelism + " for operator '" + t.getName() + "': it must be at least 1.");
        }
        if (t instanceof SourceTransformation && !((SourceTransformation<?>) t).isParallel()) {
            if (t.getParallelism() > 1) {
                throw new IllegalArgumentException("Source '" + t.getName() + "' is not parallel: its parallelism must be 1, not " + t.getParallelism() + ".");
            }
            parallelism = 1;
        }
        int maxParallelism = t.getMaxParallelism() != -1 ? t.getMaxParallelism()
                : pipeline.maxParallelism() != -1 ? pipeline.maxParallelism() : Math.max(KeyGroups.DEFAULT_MAX_PARALLELISM, parallelism);
        if (maxParallelism < parallelism) {
            throw new IllegalArgumentException("Invalid max parallelism " + maxParallelism + " for operator '" + t.getName()
                    + "': it must be at least the operator's parallelism " + parallelism + " (it is the number of key groups).");
        }
        Node n = new Node(t, positions.getOrDefault(t, nodes.size()), parallelism, maxParallelism);
        nodes.put(t, n);
        if (t instanceof OneInputTransformation) {
            OneInputTransformation<?, ?> o = (OneInputTransformation<?, ?>) t;
            if (o.getFunction() == null) {
                throw new IllegalArgumentException("Operator '" + t.getName() + "' has no function (null was passed).");
            }
            connect(o.getInput(), n, null, null, false, null, 0);
        } else if (t instanceof TwoInputTransformation) {
            TwoInputTransformation<?, ?, ?> o = (TwoInputTransformation<?, ?, ?>) t;
            if (o.getFunction() == null) {
                throw new IllegalArgumentException("Operator '" + t.getName() + "' has no function (null was passed).");
            }
            connect(o.getInput1(), n, null, null, false, null, 0);
            connect(o.getInput2(), n, null, null, false, null, 1);
        }
        return n;
    }

    /** Walks up through virtual nodes (partitioning, union, side output) to real operators and adds edges into {@code to}. */
    private void connect(Transformation<?> input, Node to, RecordWriter.Mode mode, KeySelector<?, ?> key, boolean explicit, OutputTag<?> tag,
            int inputIndex) {
        if (input instanceof SideOutputTransformation) {
            SideOutputTransformation<?> so = (SideOutputTransformation<?>) input;
            connect(so.getInput(), to, mode, key, explicit, so.getTag(), inputIndex);
            return;
        }
        if (input instanceof PartitionTransformation) {
            PartitionTransformation<?> p = (PartitionTransformation<?>) input;
            RecordWriter.Mode m = mode != null ? mode : RecordWriter.Mode.valueOf(p.getPartitioning().name());
            KeySelector<?, ?> k = mode != null ? key
                    : p.getPartitioning() == PartitionTransformation.Partitioning.CUSTOM
                            ? new io.weir.runtime.internal.io.CustomPartitioning(p.getKeySelector(), p.getPartitioner()) : p.getKeySelector();
            if (m == RecordWriter.Mode.HASH) {
                KeyTypes.checkKeySelector(k, to.t.getName());
            }
            connect(p.getInput(), to, m, k, true, tag, inputIndex);
            return;
        }
        if (input instanceof UnionTransformation) {
            for (Transformation<?> i : input.getInputs()) {
                connect(i, to, mode, key, explicit, tag, inputIndex);
            }
            return;
        }
        Node from = node(input);
        RecordWriter.Mode m = mode;
        if (m == null) {
            m = from.parallelism == to.parallelism ? RecordWriter.Mode.FORWARD : RecordWriter.Mode.REBALANCE;
        }
        if (m == RecordWriter.Mode.FORWARD && from.parallelism != to.parallelism) {
            throw new IllegalArgumentException("forward() from '" + from.t.getName() + "' (parallelism " + from.parallelism + ") to '"
                    + to.t.getName() + "' (parallelism " + to.parallelism + ") needs equal parallelism; use rebalance() instead.");
        }
        Edge e = new Edge(from, to, m, key, explicit, tag, inputIndex);
        from.out.add(e);
        to.in.add(e);
    }

    private void checkUids() {
        Set<String> seen = new HashSet<>();
        for (Node n : nodes.values()) {
            String uid = n.t.getUid();
            if (uid != null && !seen.add(uid)) {
                throw new IllegalArgumentException("The uid '" + uid + "' is used by more than one operator; uids name state in checkpoints and must be unique.");
            }
        }
    }

    /**
     * Side-output edges are never chained, so an operator with one always ends its chain and its task's writers route
     * the tag. Nor are edges into an operator that starts a chain or into or out of one that refuses chaining.
     */
    private boolean chainable(Edge e) {
        return chaining && e.to.t.getChainingStrategy() == Transformation.ChainingStrategy.ALWAYS
                && e.from.t.getChainingStrategy() != Transformation.ChainingStrategy.NEVER && e.tag == null && e.mode == RecordWriter.Mode.FORWARD && e.to.in.size() == 1 && e.from.out.size() == 1
                && e.from.parallelism == e.to.parallelism && e.from.maxParallelism == e.to.maxParallelism;
    }

    /**
     * An async operator at capacity holds its input back until completions (mails on the task thread) free a slot. A
     * classic source emits from a thread of its own, which cannot wait for that, so, as in Flink, such an operator
     * is not chained behind one.
     */
    private static boolean waitsForSlots(Node n) {
        return n.t instanceof OneInputTransformation && ((OneInputTransformation<?, ?>) n.t).getKind() == io.weir.api.graph.OperatorKind.ASYNC_WAIT;
    }

    private static boolean isClassicSource(Node n) {
        return n.t instanceof SourceTransformation && ((SourceTransformation<?>) n.t).getSource() == null;
    }

    private JobGraph chain() {
        List<Node> order = topologicalOrder();
        Map<Node, List<Node>> chains = new LinkedHashMap<>();
        Map<Node, Node> headOf = new HashMap<>();
        for (Node n : order) {
            if (n.in.size() == 1 && chainable(n.in.get(0)) && !(waitsForSlots(n) && isClassicSource(headOf.get(n.in.get(0).from)))) {
                Node head = headOf.get(n.in.get(0).from);
                headOf.put(n, head);
                chains.get(head).add(n);
            } else {
                headOf.put(n, n);
                chains.put(n, new ArrayList<>(List.of(n)));
            }
        }
        Map<Node, JobVertex> vertexOfHead = new HashMap<>();
        List<JobVertex> vertices = new ArrayList<>();
        for (Map.Entry<Node, List<Node>> c : chains.entrySet()) {
            List<OperatorSpec> specs = new ArrayList<>();
            for (Node n : c.getValue()) {
                specs.add(spec(n));
            }
            JobVertex v = new JobVertex(vertices.size(), specs, c.getKey().parallelism, c.getKey().maxParallelism, objectReuse);
            vertices.add(v);
            vertexOfHead.put(c.getKey(), v);
        }
        for (Node n : order) {
            for (Edge e : n.in) {
                Node fromHead = headOf.get(e.from);
                Node toHead = headOf.get(n);
                if (fromHead == toHead) {
                    continue; // chained
                }
                JobVertex from = vertexOfHead.get(fromHead);
                JobVertex to = vertexOfHead.get(toHead);
                JobEdge je = new JobEdge(from, to, e.mode, e.key, e.tag, e.input);
                from.outputs.add(je);
                to.inputs.add(je);
            }
        }
        return new JobGraph(pipeline.jobName(), vertices);
    }

    private OperatorSpec spec(Node n) {
        Transformation<?> t = n.t;
        String id = t.getUid() != null ? t.getUid() : "op" + n.index + "-" + slug(t.getName());
        Object payload;
        if (t instanceof SourceTransformation) {
            SourceTransformation<?> s = (SourceTransformation<?>) t;
            payload = s.getSource() != null ? s.getSource() : s.getSourceFunction();
        } else if (t instanceof TwoInputTransformation) {
            TwoInputTransformation<?, ?, ?> o = (TwoInputTransformation<?, ?, ?>) t;
            payload = new Object[] {o.getFunction(), o.getStateKeySelector1(), o.getStateKeySelector2(),
                    new ArrayList<>(o.getBroadcastStateDescriptors())};
        } else {
            OneInputTransformation<?, ?> o = (OneInputTransformation<?, ?>) t;
            Object function = o.getFunction();
            if (function instanceof io.weir.api.graph.TimestampsAndWatermarksSpec
                    && ((io.weir.api.graph.TimestampsAndWatermarksSpec) function).isIntervalFromJob()) {
                function = ((io.weir.api.graph.TimestampsAndWatermarksSpec) function).withJobInterval(autoWatermarkIntervalMillis);
            }
            payload = new Object[] {function, o.getStateKeySelector()};
        }
        return new OperatorSpec(id, t.getName(), t, payload);
    }

    /** Lower-case letters and digits of a name, other runs of characters as one '-'. */
    static String slug(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            boolean keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (keep) {
                sb.append(c);
            } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '-') {
                sb.append('-');
            }
        }
        if (sb.length() > 0 && sb.charAt(sb.length() - 1) == '-') {
            sb.setLength(sb.length() - 1);
        }
        return sb.toString();
    }

    private List<Node> topologicalOrder() {
        List<Node> order = new ArrayList<>();
        Map<Node, Integer> remaining = new HashMap<>();
        List<Node> ready = new ArrayList<>();
        for (Node n : nodes.values()) {
            remaining.put(n, n.in.size());
            if (n.in.isEmpty()) {
                ready.add(n);
            }
        }
        ready.sort((a, b) -> Integer.compare(a.index, b.index));
        while (!ready.isEmpty()) {
            Node n = ready.remove(0);
            order.add(n);
            for (Edge e : n.out) {
                if (remaining.merge(e.to, -1, Integer::sum) == 0) {
                    ready.add(e.to);
                }
            }
        }
        return order;
    }
}
