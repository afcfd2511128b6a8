package io.weir.runtime.internal.master;

import io.weir.api.functions.KeySelector;
import io.weir.api.graph.OneInputTransformation;
import io.weir.api.graph.SourceTransformation;
import io.weir.api.graph.TwoInputTransformation;
import io.weir.api.util.OutputTag;
import io.weir.runtime.internal.graph.JobEdge;
import io.weir.runtime.internal.graph.JobGraph;
import io.weir.runtime.internal.graph.JobVertex;
import io.weir.runtime.internal.graph.OperatorSpec;
import io.weir.runtime.internal.io.Channel;
import io.weir.runtime.internal.io.InputGate;
import io.weir.runtime.internal.io.RecordWriter;
import io.weir.runtime.internal.io.Wakeup;
import io.weir.runtime.internal.exec.TaskRunner;
import io.weir.api.typeutils.TypeSerializer;
import io.weir.runtime.serialization.Serializers;
import io.weir.runtime.internal.operators.OperatorContext;
import io.weir.runtime.internal.operators.OperatorFactory;
import io.weir.runtime.internal.operators.Output;
import io.weir.runtime.internal.operators.ProcessingTimeService;
import io.weir.runtime.internal.operators.StreamOperator;
import io.weir.runtime.internal.state.RestoredState;
import io.weir.runtime.internal.task.StreamTask;
import io.weir.runtime.internal.task.TaskRestore;
import io.weir.runtime.internal.task.TaskServices;
import io.weir.runtime.internal.task.WritersOutput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One execution attempt of a job: its channels and tasks. Built and started by the master. */
final class ExecutionAttempt {
    static final int CHANNEL_CAPACITY = 16;

    final int number;
    final List<StreamTask> tasks = new ArrayList<>();
    final List<StreamTask> sourceTasks = new ArrayList<>();
    final StreamTask[][] byVertex;

    /** Builds the tasks of {@code vertexSet} (one region, or the whole graph). Edges never leave a region. */
    ExecutionAttempt(int number, JobGraph graph, TaskServices services, Map<Integer, TaskRestore[]> restore, java.util.Set<Integer> vertexSet) {
        this.number = number;
        List<JobVertex> vertices = new ArrayList<>();
        for (JobVertex v : graph.vertices()) {
            if (vertexSet.contains(v.index())) {
                vertices.add(v);
            }
        }
        int count = graph.vertices().size();
        this.byVertex = new StreamTask[count][];
        Wakeup[][] wakeups = new Wakeup[count][];
        Wakeup[][] outputWakeups = new Wakeup[count][];
        for (JobVertex v : vertices) {
            wakeups[v.index()] = new Wakeup[v.parallelism()];
            outputWakeups[v.index()] = new Wakeup[v.parallelism()];
            boolean ownEmitterThread = ownEmitterThread(v);
            for (int i = 0; i < v.parallelism(); i++) {
                wakeups[v.index()][i] = new Wakeup();
                // a classic source emits from its own thread, which must not share the task thread's wake-up
                outputWakeups[v.index()][i] = ownEmitterThread ? new Wakeup() : wakeups[v.index()][i];
            }
        }
        // channels[vertex][subtask] = input channels in gate order
        Channel[][][] inputs = new Channel[count][][];
        // outChannels: per edge, per source subtask, channels by target subtask
        java.util.Map<JobEdge, Channel[][]> outChannels = new java.util.HashMap<>();
        for (JobVertex v : vertices) {
            inputs[v.index()] = new Channel[v.parallelism()][v.inputChannelCount()];
        }
        for (JobVertex target : vertices) {
            int offset = 0;
            for (JobEdge e : target.inputs()) {
                JobVertex source = e.source();
                Channel[][] out = new Channel[source.parallelism()][];
                boolean forward = e.mode() == RecordWriter.Mode.FORWARD;
                for (int s = 0; s < source.parallelism(); s++) {
                    out[s] = new Channel[forward ? 1 : target.parallelism()];
                }
                for (int t = 0; t < target.parallelism(); t++) {
                    if (forward) {
                        Channel c = new Channel(CHANNEL_CAPACITY, wakeups[target.index()][t], outputWakeups[source.index()][t], offset);
                        inputs[target.index()][t][offset] = c;
                        out[t][0] = c;
                    } else {
                        for (int s = 0; s < source.parallelism(); s++) {
                            Channel c = new Channel(CHANNEL_CAPACITY, wakeups[target.index()][t], outputWakeups[source.index()][s], offset + s);
                            inputs[target.index()][t][offset + s] = c;
                            out[s][t] = c;
                        }
                    }
                }
                offset += e.channelsPerTarget();
                outChannels.put(e, out);
            }
        }
        for (JobVertex v : vertices) {
            byVertex[v.index()] = new StreamTask[v.parallelism()];
            for (int i = 0; i < v.parallelism(); i++) {
                final StreamTask[] self = new StreamTask[1];
                RecordWriter[] writers = new RecordWriter[v.outputs().size()];
                OutputTag<?>[] writerTags = new OutputTag<?>[writers.length];
                for (int w = 0; w < writers.length; w++) {
                    JobEdge e = v.outputs().get(w);
                    writerTags[w] = e.outputTag();
                    TypeSerializer<Object> copier = services.objectReuse() ? null : declaredTypeCopier(v, e);
                    writers[w] = ownEmitterThread(v)
                            ? RecordWriter.blocking(outChannels.get(e)[i], e.mode(), e.newKeySelector(), e.target().maxParallelism(),
                                    services.batchSize(), i, v.parallelism(), copier, () -> self[0].isCancelled())
                            : new RecordWriter(outChannels.get(e)[i], e.mode(), e.newKeySelector(), e.target().maxParallelism(),
                                    services.batchSize(), i, v.parallelism(), copier);
                }
                TaskRestore tr = restore == null ? null : restore.get(v.index())[i];
                ProcessingTimeService pts = new ProcessingTimeService() {
                    @Override
                    public long currentProcessingTime() {
                        return services.clock().currentTimeMillis();
                    }

                    @Override
                    public void scheduleAt(long timestamp, Runnable action) {
                        long delay = Math.max(0, timestamp - services.clock().currentTimeMillis());
                        services.timers().schedule(() -> self[0].runOnTaskThread(action::run), delay);
                    }

                    @Override
                    public void runOnTaskThread(Runnable action) {
                        self[0].runOnTaskThread(action::run);
                    }
                };
                StreamOperator[] chain = createChain(services, v, i, number, tr, pts, writers, writerTags);
                InputGate gate = v.isSource() ? null : new InputGate(inputs[v.index()][i]);
                StreamTask task = new StreamTask(v, i, services, chain, gate, writers, wakeups[v.index()][i], tr);
                self[0] = task;
                byVertex[v.index()][i] = task;
                tasks.add(task);
                if (v.isSource()) {
                    sourceTasks.add(task);
                }
            }
        }
    }

    /** Whether the vertex starts with a classic source, which emits from a thread of its own. */
    static boolean ownEmitterThread(JobVertex v) {
        return v.isSource() && !(v.chain().get(0).transformation() instanceof SourceTransformation
                && ((SourceTransformation<?>) v.chain().get(0).transformation()).getSource() != null);
    }

    void start(TaskRunner runner) {
        for (StreamTask t : tasks) {
            runner.start(t);
        }
    }

    void cancel() {
        for (StreamTask t : tasks) {
            t.cancel();
        }
    }

    /** Waits until every task has stopped; returns descriptions of those still running after the timeout. */
    List<String> awaitTermination(TaskRunner runner, long timeoutMillis) throws InterruptedException {
        return runner.awaitTermination(tasks, timeoutMillis);
    }

    /** The copier of the records {@code v} sends over {@code e}: checked in their declared type's format, if declared. */
    private static TypeSerializer<Object> declaredTypeCopier(JobVertex v, JobEdge e) {
        OperatorSpec last = v.chain().get(v.chain().size() - 1);
        io.weir.api.typeinfo.TypeInformation<?> declared = e.outputTag() != null ? e.outputTag().getTypeInfo()
                : last.transformation().getOutputType();
        return io.weir.runtime.serialization.DeclaredTypeSerializer.of(declared, "operator '" + last.name() + "'"
                + (e.outputTag() != null ? " (side output '" + e.outputTag().getId() + "')" : ""));
    }

    private static StreamOperator[] createChain(TaskServices services, JobVertex v, int subtask, int attempt, TaskRestore restore,
            ProcessingTimeService pts, RecordWriter[] writers, OutputTag<?>[] writerTags) {
        List<OperatorSpec> specs = v.chain();
        StreamOperator[] ops = new StreamOperator[specs.size()];
        KeySelector<?, ?>[] keys = new KeySelector<?, ?>[specs.size()];
        for (int k = 0; k < specs.size(); k++) {
            Object payload = specs.get(k).newPayload();
            if (specs.get(k).transformation() instanceof SourceTransformation) {
                ops[k] = OperatorFactory.forSource(payload);
            } else if (specs.get(k).transformation() instanceof TwoInputTransformation) {
                Object[] p = (Object[]) payload; // {function, key of input 1, key of input 2, broadcast state descriptors}
                keys[k] = (KeySelector<?, ?>) p[1];
                @SuppressWarnings("unchecked")
                List<io.weir.api.state.MapStateDescriptor<?, ?>> broadcastState = (List<io.weir.api.state.MapStateDescriptor<?, ?>>) p[3];
                ops[k] = OperatorFactory.createTwoInput(((TwoInputTransformation<?, ?, ?>) specs.get(k).transformation()).getKind(), p[0],
                        (KeySelector<?, ?>) p[2], broadcastState);
            } else {
                Object[] p = (Object[]) payload;
                keys[k] = (KeySelector<?, ?>) p[1];
                ops[k] = OperatorFactory.create(((OneInputTransformation<?, ?>) specs.get(k).transformation()).getKind(), p[0]);
            }
        }
        Output next = WritersOutput.of(writers, writerTags);
        for (int k = specs.size() - 1; k >= 0; k--) {
            OperatorSpec s = specs.get(k);
            RestoredState rs = restore == null ? null : restore.byOperator().get(s.operatorId());
            OperatorContext ctx = new OperatorContext(services.jobName(), s.operatorId(), s.name(), v.name(), subtask, v.parallelism(),
                    v.maxParallelism(), attempt, keys[k], rs, restore == null ? -1 : restore.checkpointId(), pts, v.objectReuse(),
                    services.lineage(), services.allowRewind(), services.globalJobParameters(), services.jobId());
            ops[k].setup(ctx, next);
            StreamOperator downstream = ops[k];
            next = new Output() {
                @Override
                public void collect(Object record, long timestamp) {
                    downstream.processElement(record, timestamp);
                }

                @Override
                public void emitWatermark(long watermark) {
                    downstream.processWatermark(watermark);
                }

                @Override
                public void emitWatermarkStatus(boolean idle) {
                    downstream.processWatermarkStatus(idle);
                }
            };
        }
        return ops;
    }

}
