package io.weir.api.datastream;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.FilterFunction;
import io.weir.api.functions.FlatMapFunction;
import io.weir.api.functions.Function;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.MapFunction;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.functions.sink.PrintSinkFunction;
import io.weir.api.functions.sink.SinkFunction;
import io.weir.api.graph.OneInputTransformation;
import io.weir.api.graph.OperatorKind;
import io.weir.api.graph.PartitionTransformation;
import io.weir.api.graph.PartitionTransformation.Partitioning;
import io.weir.api.graph.SinkTransformation;
import io.weir.api.graph.TimestampsAndWatermarksSpec;
import io.weir.api.graph.Transformation;
import io.weir.api.graph.UnionTransformation;
import io.weir.api.tuple.Tuple;
import io.weir.api.windowing.Window;
import io.weir.api.windowing.WindowAssigner;

import java.util.ArrayList;
import java.util.List;

/**
 * A stream of elements of type {@code T}, with Flink's operations. Each call adds a node to the
 * job's graph; nothing runs until {@code execute}. Operators that connect one-to-one at equal
 * parallelism are chained into one task; elsewhere elements go to the next operator's subtasks by
 * forward (same parallelism), rebalance (different parallelism), or the partitioning set by
 * {@link #keyBy}, {@link #rebalance()}, {@link #broadcast()} or {@link #forward()}.
 */
public class DataStream<T> {

    protected final StreamExecutionEnvironment environment;
    protected final Transformation<T> transformation;

    /** A stream produced by {@code transformation}; made by the API's operations, not by user code. */
    public DataStream(StreamExecutionEnvironment environment, Transformation<T> transformation) {
        this.environment = environment;
        this.transformation = transformation;
    }

    /** The environment this stream's job is built in. */
    public StreamExecutionEnvironment getExecutionEnvironment() {
        return environment;
    }

    /** The graph node that produces this stream (part of the executor SPI). */
    public Transformation<T> getTransformation() {
        return transformation;
    }

    /**
     * The type of this stream's elements: the one declared with {@code returns(...)} or by a
     * {@code ResultTypeQueryable} function, else {@code Object}. Where Weir differs from Flink on purpose: it does not
     * infer element types from functions; undeclared elements are serialized self-describing.
     */
    @SuppressWarnings("unchecked")
    public io.weir.api.typeinfo.TypeInformation<T> getType() {
        io.weir.api.typeinfo.TypeInformation<T> declared = transformation.getOutputType();
        return declared != null ? declared : (io.weir.api.typeinfo.TypeInformation<T>) new io.weir.api.typeutils.PojoTypeInfo<>(Object.class);
    }

    /** The parallelism set on this stream's operator, or -1 if it takes the environment's default. */
    public int getParallelism() {
        return transformation.getParallelism();
    }

    /**
     * Applies {@code mapper} to every element: one output element each, with the input's timestamp. The mapper is
     * called on its subtask's thread; if it throws, the task fails and the job restarts as its strategy says.
     *
     * @return the mapped stream; set its parallelism, name or uid on it
     */
    public <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper) {
        return transform("Map", OperatorKind.MAP, mapper);
    }

    /** As {@link #map(MapFunction)}, declaring the output type as {@code returns(outputType)} does. */
    public <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper, io.weir.api.typeinfo.TypeInformation<R> outputType) {
        return map(mapper).returns(outputType);
    }

    /** As {@link #flatMap(FlatMapFunction)}, declaring the output type as {@code returns(outputType)} does. */
    public <R> SingleOutputStreamOperator<R> flatMap(FlatMapFunction<T, R> flatMapper, io.weir.api.typeinfo.TypeInformation<R> outputType) {
        return flatMap(flatMapper).returns(outputType);
    }

    /**
     * Applies {@code flatMapper} to every element: any number of output elements each, with the input's timestamp.
     *
     * @return the resulting stream; set its parallelism, name or uid on it
     */
    public <R> SingleOutputStreamOperator<R> flatMap(FlatMapFunction<T, R> flatMapper) {
        return transform("Flat Map", OperatorKind.FLAT_MAP, flatMapper);
    }

    /**
     * Keeps the elements for which {@code filter} returns true.
     *
     * @return the filtered stream; set its parallelism, name or uid on it
     */
    public SingleOutputStreamOperator<T> filter(FilterFunction<T> filter) {
        return transform("Filter", OperatorKind.FILTER, filter);
    }

    /**
     * Applies {@code processFunction} to every element, with access to the element's timestamp, side outputs and the
     * current time; timers need a keyed stream ({@code keyBy(...).process(KeyedProcessFunction)}).
     *
     * @return the resulting stream; set its parallelism, name or uid on it, or read its side outputs
     */
    public <R> SingleOutputStreamOperator<R> process(ProcessFunction<T, R> processFunction) {
        return transform("Process", OperatorKind.PROCESS, processFunction);
    }

    /**
     * Gives elements event timestamps and inserts watermarks, as {@code watermarkStrategy} says. The
     * operator runs at the parallelism of this stream (so it chains to its source), and asks the
     * strategy's generator for a watermark every {@code pipeline.auto-watermark-interval} (read when the job
     * starts, as in Flink, so {@code env.getConfig().setAutoWatermarkInterval(..)} after this call still applies;
     * 200 ms by default, 0 for never). Watermarks that reach
     * this operator from upstream are dropped, except the final one at the end of a bounded input.
     */
    public SingleOutputStreamOperator<T> assignTimestampsAndWatermarks(WatermarkStrategy<T> watermarkStrategy) {
        SingleOutputStreamOperator<T> out = transform("Timestamps/Watermarks", OperatorKind.TIMESTAMPS_AND_WATERMARKS,
                new TimestampsAndWatermarksSpec(watermarkStrategy));
        out.getTransformation().setParallelism(transformation.getParallelism());
        return out;
    }

    /**
     * Splits this (non-keyed) stream into windows; the window operator sees every element, so it runs
     * with parallelism 1. On a keyed stream use {@code keyBy(...).window(...)}.
     */
    public <W extends Window> AllWindowedStream<T, W> windowAll(WindowAssigner<? super T, W> assigner) {
        return new AllWindowedStream<>(this, assigner);
    }

    /** Tumbling count windows over the whole stream (parallelism 1); see {@link KeyedStream#countWindow(long)}. */
    public AllWindowedStream<T, io.weir.api.windowing.GlobalWindow> countWindowAll(long size) {
        return windowAll(io.weir.api.windowing.GlobalWindows.create())
                .trigger(io.weir.api.windowing.triggers.PurgingTrigger.of(io.weir.api.windowing.triggers.CountTrigger.of(size)));
    }

    /** Sliding count windows over the whole stream (parallelism 1); see {@link KeyedStream#countWindow(long, long)}. */
    public AllWindowedStream<T, io.weir.api.windowing.GlobalWindow> countWindowAll(long size, long slide) {
        return windowAll(io.weir.api.windowing.GlobalWindows.create())
                .evictor(io.weir.api.windowing.evictors.CountEvictor.of(size))
                .trigger(io.weir.api.windowing.triggers.CountTrigger.of(slide));
    }

    /** Partitions by key: all elements with equal keys go to the same subtask, and keyed state becomes available. */
    public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> key) {
        return new KeyedStream<>(this, key);
    }

    /**
     * As {@link #keyBy(KeySelector)}; {@code keyType} is accepted for source compatibility with Flink (Weir hashes the
     * key object itself, so it needs no key type).
     */
    public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> key, io.weir.api.typeinfo.TypeInformation<K> keyType) {
        return keyBy(key);
    }

    /** Flink's deprecated positional form for tuples: the key is the tuple field at {@code field}. */
    @Deprecated
    public KeyedStream<T, Object> keyBy(int field) {
        return keyBy(new TupleFieldKeySelector<>(field));
    }

    /** Merges this stream with others of the same type. */
    @SafeVarargs
    public final DataStream<T> union(DataStream<T>... streams) {
        List<Transformation<?>> inputs = new ArrayList<>();
        inputs.add(transformation);
        for (DataStream<T> s : streams) {
            inputs.add(s.transformation);
        }
        UnionTransformation<T> union = new UnionTransformation<>(inputs);
        return new DataStream<>(environment, union);
    }

    /**
     * Connects this stream with {@code dataStream}, possibly of another type, so that one operator
     * processes both (with a {@code CoMapFunction}, {@code CoFlatMapFunction}, {@code CoProcessFunction},
     * or after {@link ConnectedStreams#keyBy} a {@code KeyedCoProcessFunction}), for example to let
     * one stream control how the other is processed, or to join them by key with shared state.
     *
     * @param dataStream the second input; this stream is the first
     * @return the connected streams
     * @throws IllegalArgumentException if {@code dataStream} belongs to another execution environment
     */
    public <R> ConnectedStreams<T, R> connect(DataStream<R> dataStream) {
        return new ConnectedStreams<>(environment, this, dataStream);
    }

    /**
     * Starts a window join of this stream with {@code otherStream}: continue with
     * {@code .where(key1).equalTo(key2).window(assigner).apply(joinFunction)}. See {@link JoinedStreams}.
     *
     * @param otherStream the second input; this stream is the first
     * @throws NullPointerException if {@code otherStream} is null
     * @throws IllegalArgumentException if {@code otherStream} belongs to another execution environment
     */
    public <T2> JoinedStreams<T, T2> join(DataStream<T2> otherStream) {
        return new JoinedStreams<>(this, otherStream);
    }

    /**
     * Starts a co-group of this stream with {@code otherStream}: continue with
     * {@code .where(key1).equalTo(key2).window(assigner).apply(coGroupFunction)}. See {@link CoGroupedStreams}.
     *
     * @param otherStream the second input; this stream is the first
     * @throws NullPointerException if {@code otherStream} is null
     * @throws IllegalArgumentException if {@code otherStream} belongs to another execution environment
     */
    public <T2> CoGroupedStreams<T, T2> coGroup(DataStream<T2> otherStream) {
        return new CoGroupedStreams<>(this, otherStream);
    }

    /** Sends the elements round robin to all subtasks of the next operator (evens out skew). */
    public DataStream<T> rebalance() {
        return partition(Partitioning.REBALANCE);
    }

    /** Sends every element to every subtask of the next operator. */
    public DataStream<T> broadcast() {
        return partition(Partitioning.BROADCAST);
    }

    /**
     * Makes a {@link BroadcastStream}: every element goes to every subtask of the operator this stream is then
     * connected to ({@code other.connect(broadcastStream)}), which keeps the broadcast state that {@code descriptors}
     * name, written from this stream's elements and read by the other stream's, as in Flink's broadcast state pattern.
     *
     * @param descriptors the broadcast state of the operator; at least one
     * @return the broadcast stream, to pass to {@link #connect(BroadcastStream)}
     * @throws IllegalArgumentException if no descriptor is given, or two share a name
     * @throws NullPointerException if a descriptor is null
     */
    public BroadcastStream<T> broadcast(io.weir.api.state.MapStateDescriptor<?, ?>... descriptors) {
        if (descriptors == null || descriptors.length == 0) {
            throw new IllegalArgumentException("broadcast(...) with broadcast state needs at least one MapStateDescriptor;"
                    + " use broadcast() to only send every element to every subtask.");
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (io.weir.api.state.MapStateDescriptor<?, ?> d : descriptors) {
            if (d == null) {
                throw new NullPointerException("broadcast(...): a MapStateDescriptor is null.");
            }
            if (!names.add(d.getName())) {
                throw new IllegalArgumentException("broadcast(...): two MapStateDescriptors are named '" + d.getName()
                        + "'; broadcast state names must be unique.");
            }
        }
        return new BroadcastStream<>(environment, broadcast(), List.of(descriptors));
    }

    /**
     * Connects this stream (keyed or not) with a broadcast stream, to apply a {@code BroadcastProcessFunction} (this
     * stream not keyed) or a {@code KeyedBroadcastProcessFunction} (this stream keyed) with
     * {@link BroadcastConnectedStream#process}.
     *
     * @param broadcastStream made by {@link #broadcast(io.weir.api.state.MapStateDescriptor[])}
     * @return the connected streams
     * @throws NullPointerException if {@code broadcastStream} is null
     * @throws IllegalArgumentException if it belongs to another execution environment
     */
    public <R> BroadcastConnectedStream<T, R> connect(BroadcastStream<R> broadcastStream) {
        return new BroadcastConnectedStream<>(environment, this, broadcastStream);
    }

    /** Sends the elements of subtask i to subtask i of the next operator; both must have the same parallelism. */
    public DataStream<T> forward() {
        return partition(Partitioning.FORWARD);
    }

    /**
     * Sends each element to a subtask of the next operator chosen at random (uniformly). Weir's choice is seeded per
     * sending subtask, so a run can be replayed (Flink's is not seeded).
     */
    public DataStream<T> shuffle() {
        return partition(Partitioning.SHUFFLE);
    }

    /** Sends every element to subtask 0 of the next operator, as Flink's {@code global()}. */
    public DataStream<T> global() {
        return partition(Partitioning.GLOBAL);
    }

    /**
     * Round robin over a subset of the next operator's subtasks, as Flink's {@code rescale()}: with upstream parallelism
     * 2 and downstream 4, upstream 0 feeds downstream 0 and 1, upstream 1 feeds 2 and 3; with 4 and 2, upstream 0 and 1
     * feed downstream 0, 2 and 3 feed 1. Cheaper than {@link #rebalance()} in Flink (fewer network connections); in
     * embedded Weir it only changes who receives what.
     */
    public DataStream<T> rescale() {
        return partition(Partitioning.RESCALE);
    }

    /**
     * Sends each element to the subtask of the next operator that {@code partitioner} returns for its key, as Flink's
     * {@code partitionCustom}. The stream is not keyed afterwards (no keyed state downstream).
     *
     * @throws NullPointerException if either argument is null
     */
    public <K> DataStream<T> partitionCustom(io.weir.api.functions.Partitioner<K> partitioner, KeySelector<T, K> keySelector) {
        return new DataStream<>(environment, new PartitionTransformation<>(transformation, Partitioning.CUSTOM, keySelector, partitioner));
    }

    /**
     * Writes every element to {@code sinkFunction}. A {@code TwoPhaseCommitSinkFunction} (such as Weir's file sink)
     * makes its output exactly once; other sinks see elements again after a restore (at least once).
     *
     * @return the sink, to set its parallelism, name or uid on
     */
    public DataStreamSink<T> addSink(SinkFunction<T> sinkFunction) {
        String simple = sinkFunction.getClass().getSimpleName();
        SinkTransformation<T> sink = new SinkTransformation<>(transformation, "Sink: " + (simple.isEmpty() ? "Unnamed" : simple),
                sinkFunction, stateKeySelector(), -1);
        environment.addOperator(sink);
        return new DataStreamSink<>(sink);
    }

    /**
     * Writes every element to {@code sink}, a sink of Flink's unified sink API (Sink V2), as Flink's {@code sinkTo}. A
     * sink that {@code SupportsCommitter} writes exactly once: its committables are part of each checkpoint and are
     * committed when it completes. Where Weir differs from Flink: the committer runs in the sink's own subtask, not in a
     * separate operator, and the writer is not told about watermarks ({@code writeWatermark} is not called).
     *
     * @return the sink, to set its parallelism, name or uid on
     * @throws NullPointerException if {@code sink} is null
     */
    public DataStreamSink<T> sinkTo(io.weir.api.connector.sink2.Sink<T> sink) {
        String simple = sink == null ? "" : sink.getClass().getSimpleName();
        return addSink(new io.weir.api.connector.sink2.SinkV2Adapter<>(sink)).name("Sink: " + (simple.isEmpty() ? "Unnamed" : simple));
    }

    /** Prints every element to stdout, prefixed by the subtask number when parallelism > 1. */
    public DataStreamSink<T> print() {
        return addSink(new PrintSinkFunction<>()).name("Print to Std. Out");
    }

    /** Prints every element to stderr, prefixed by the subtask number when parallelism > 1, as Flink's {@code printToErr}. */
    public DataStreamSink<T> printToErr() {
        return addSink(new PrintSinkFunction<>(null, true)).name("Print to Std. Err");
    }

    /** Prints every element to stderr, prefixed by {@code sinkIdentifier} (and the subtask number when parallelism > 1). */
    public DataStreamSink<T> printToErr(String sinkIdentifier) {
        return addSink(new PrintSinkFunction<>(sinkIdentifier, true)).name("Print to Std. Err");
    }

    /** Prints every element to stdout, prefixed by {@code sinkIdentifier} (and the subtask number when parallelism > 1). */
    public DataStreamSink<T> print(String sinkIdentifier) {
        return addSink(new PrintSinkFunction<>(sinkIdentifier, false)).name("Print to Std. Out");
    }

    /** Runs the job and returns an iterator over this stream's elements; closing it cancels the job. */
    public CloseableIterator<T> executeAndCollect() throws Exception {
        return executeAndCollect("DataStream Collect");
    }

    /** As {@link #executeAndCollect()}, running the job under {@code jobName}. */
    public CloseableIterator<T> executeAndCollect(String jobName) throws Exception {
        CollectSink<T> sink = new CollectSink<>();
        addSink(sink).name("Collect Sink").setParallelism(1);
        return sink.iterator(environment.executeAsync(jobName));
    }

    /** Runs the job and returns its first {@code limit} elements, then cancels it if it still runs. */
    public List<T> executeAndCollect(int limit) throws Exception {
        return executeAndCollect("DataStream Collect", limit);
    }

    /** As {@link #executeAndCollect(int)}, running the job under {@code jobName}. */
    public List<T> executeAndCollect(String jobName, int limit) throws Exception {
        List<T> out = new ArrayList<>();
        try (CloseableIterator<T> it = executeAndCollect(jobName)) {
            while (out.size() < limit && it.hasNext()) {
                out.add(it.next());
            }
        }
        return out;
    }

    /** The key of this stream when it is keyed, used to give downstream operators keyed state. */
    protected KeySelector<T, ?> stateKeySelector() {
        return null;
    }

    /** Adds a one-input operator of {@code kind} applying {@code function} to this stream (keyed when this stream is); for subclasses of the API. */
    protected <R> SingleOutputStreamOperator<R> transform(String name, OperatorKind kind, Function function) {
        OneInputTransformation<T, R> t = new OneInputTransformation<>(transformation, name, kind, function, stateKeySelector(), -1);
        if (function instanceof io.weir.api.typeutils.ResultTypeQueryable) {
            @SuppressWarnings("unchecked")
            io.weir.api.typeinfo.TypeInformation<R> produced = ((io.weir.api.typeutils.ResultTypeQueryable<R>) function).getProducedType();
            t.setOutputType(produced);
        }
        environment.addOperator(t);
        return new SingleOutputStreamOperator<>(environment, t);
    }

    private DataStream<T> partition(Partitioning partitioning) {
        return new DataStream<>(environment, new PartitionTransformation<>(transformation, partitioning, null));
    }

    /** Key selector of {@link #keyBy(int)}. */
    static final class TupleFieldKeySelector<T> implements KeySelector<T, Object> {
        private static final long serialVersionUID = 1L;
        private final int field;

        TupleFieldKeySelector(int field) {
            this.field = field;
        }

        @Override
        public Object getKey(T value) {
            if (!(value instanceof Tuple)) {
                throw new IllegalArgumentException("keyBy(" + field + ") needs a stream of tuples, but got a " + value.getClass().getName() + ".");
            }
            return ((Tuple) value).getField(field);
        }
    }
}
