package io.weir.testing;

import io.weir.api.datastream.DataStream;
import io.weir.api.functions.FilterFunction;
import io.weir.api.functions.FlatMapFunction;
import io.weir.api.functions.Function;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.MapFunction;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.functions.sink.SinkFunction;
import io.weir.api.graph.OneInputTransformation;
import io.weir.api.graph.OperatorKind;
import io.weir.api.util.OutputTag;
import io.weir.runtime.harness.OperatorHarnessDriver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one operator synchronously, in the style of Flink's test harness: feed elements and
 * watermarks, move processing time, read the output, take a snapshot and restore it into a fresh
 * instance. It uses the same operator classes, state backends and checkpoint format as a running
 * job, on the caller's thread.
 *
 * <p>With {@link #restoreAfterEveryElement(boolean)} the harness checks checkpointing for free,
 * as Jet's TestSupport does: after every element it snapshots the operator, closes it, and
 * restores the snapshot into a new instance, so an operator whose state is not fully in its
 * checkpoint gives wrong output.
 *
 * <pre>{@code
 * var h = OneInputStreamOperatorTestHarness.forMap((Long x) -> x * 2);
 * h.open();
 * h.processElement(21L);
 * assertThat(h.extractOutputValues()).containsExactly(42L);
 * }</pre>
 */
public class OneInputStreamOperatorTestHarness<IN, OUT> implements AutoCloseable {
    private final OperatorKind kind;
    private final Function function;
    private final KeySelector<IN, ?> keySelector;
    private int maxParallelism = 128;
    private int parallelism = 1;
    private int subtaskIndex;
    private List<byte[]> restoreFrom;
    private boolean restoreAfterEveryElement;
    private long nextCheckpointId = 1;
    private OperatorHarnessDriver driver;
    private final List<StreamRecord<OUT>> output = new ArrayList<>();
    private final List<Long> watermarks = new ArrayList<>();
    private final Map<String, List<StreamRecord<?>>> sideOutputs = new HashMap<>();
    private final List<Boolean> watermarkStatuses = new ArrayList<>();
    private final Map<String, Long> carriedMetrics = new HashMap<>();
    private int outputSeen;
    private int watermarksSeen;
    private int statusesSeen;
    private final Map<String, Integer> sideOutputsSeen = new HashMap<>();

    protected OneInputStreamOperatorTestHarness(OperatorKind kind, Function function, KeySelector<IN, ?> keySelector) {
        this.kind = kind;
        this.function = function;
        this.keySelector = keySelector;
    }

    public static <I, O> OneInputStreamOperatorTestHarness<I, O> forMap(MapFunction<I, O> fn) {
        return new OneInputStreamOperatorTestHarness<>(OperatorKind.MAP, fn, null);
    }

    public static <I, O> OneInputStreamOperatorTestHarness<I, O> forFlatMap(FlatMapFunction<I, O> fn) {
        return new OneInputStreamOperatorTestHarness<>(OperatorKind.FLAT_MAP, fn, null);
    }

    public static <I> OneInputStreamOperatorTestHarness<I, I> forFilter(FilterFunction<I> fn) {
        return new OneInputStreamOperatorTestHarness<>(OperatorKind.FILTER, fn, null);
    }

    public static <I, O> OneInputStreamOperatorTestHarness<I, O> forProcess(ProcessFunction<I, O> fn) {
        return new OneInputStreamOperatorTestHarness<>(OperatorKind.PROCESS, fn, null);
    }

    public static <I> OneInputStreamOperatorTestHarness<I, Void> forSink(SinkFunction<I> fn) {
        return new OneInputStreamOperatorTestHarness<>(OperatorKind.SINK, fn, null);
    }

    /**
     * The operator that produces {@code stream}, built with the DataStream API as in the job, for
     * example {@code forOperatorOf(input.keyBy(k).window(TumblingEventTimeWindows.of(d)).aggregate(f))}
     * or {@code forOperatorOf(input.assignTimestampsAndWatermarks(strategy))}. The operator is keyed
     * when its input is; use {@link KeyedOneInputStreamOperatorTestHarness#forKeyedOperatorOf} to read its keyed state.
     */
    @SuppressWarnings("unchecked")
    public static <I, O> OneInputStreamOperatorTestHarness<I, O> forOperatorOf(DataStream<O> stream) {
        OneInputTransformation<I, O> t = oneInput(stream);
        return new OneInputStreamOperatorTestHarness<>(t.getKind(), functionAsBuilt(stream, t), (KeySelector<I, ?>) t.getStateKeySelector());
    }

    /**
     * The operator's function as the executor would build it now: a watermark operator gets the environment's current
     * {@code pipeline.auto-watermark-interval}, as a job started now would.
     */
    static Function functionAsBuilt(DataStream<?> stream, OneInputTransformation<?, ?> t) {
        Function f = t.getFunction();
        if (f instanceof io.weir.api.graph.TimestampsAndWatermarksSpec && ((io.weir.api.graph.TimestampsAndWatermarksSpec) f).isIntervalFromJob()) {
            return ((io.weir.api.graph.TimestampsAndWatermarksSpec) f).withJobInterval(stream.getExecutionEnvironment().getConfig()
                    .getAutoWatermarkInterval());
        }
        return f;
    }

    static <I, O> OneInputTransformation<I, O> oneInput(DataStream<O> stream) {
        if (!(stream.getTransformation() instanceof OneInputTransformation)) {
            throw new IllegalArgumentException("forOperatorOf needs a stream produced by a one-input operator (map, process, window, "
                    + "assignTimestampsAndWatermarks, ...), but got " + stream.getTransformation() + ".");
        }
        @SuppressWarnings("unchecked") OneInputTransformation<I, O> t = (OneInputTransformation<I, O>) stream.getTransformation();
        return t;
    }

    /** Runs the operator as subtask {@code subtaskIndex} of {@code parallelism} with {@code maxParallelism} key groups. Before {@link #open()}. */
    public OneInputStreamOperatorTestHarness<IN, OUT> setup(int maxParallelism, int parallelism, int subtaskIndex) {
        checkNotOpen();
        this.maxParallelism = maxParallelism;
        this.parallelism = parallelism;
        this.subtaskIndex = subtaskIndex;
        return this;
    }

    /** Restores a snapshot taken by another harness. Before {@link #open()}. */
    public void initializeState(OperatorSnapshot snapshot) {
        initializeState(List.of(snapshot));
    }

    /** Restores the snapshots of all subtasks of an earlier run (in subtask order), for a rescaling test. */
    public void initializeState(List<OperatorSnapshot> snapshotsOfAllSubtasks) {
        checkNotOpen();
        this.restoreFrom = OperatorSnapshot.toBytes(snapshotsOfAllSubtasks);
    }

    /** After every element: snapshot, close, restore into a fresh instance, open. */
    public OneInputStreamOperatorTestHarness<IN, OUT> restoreAfterEveryElement(boolean enabled) {
        this.restoreAfterEveryElement = enabled;
        return this;
    }

    public void open() throws Exception {
        checkNotOpen();
        driver = newDriver(restoreFrom);
        driver.open();
    }

    private OperatorHarnessDriver newDriver(List<byte[]> restore) throws Exception {
        return createDriver(subtaskIndex, parallelism, maxParallelism, restore);
    }

    /** Creates the operator under test (two-input harnesses create a two-input one). */
    protected OperatorHarnessDriver createDriver(int subtaskIndex, int parallelism, int maxParallelism, List<byte[]> restore) throws Exception {
        return new OperatorHarnessDriver(kind, function, keySelector, subtaskIndex, parallelism, maxParallelism, restore);
    }

    /** The function under test, as given. */
    protected Function function() {
        return function;
    }

    /** The key of the (first) input, or null. */
    protected KeySelector<IN, ?> keySelector() {
        return keySelector;
    }

    /** Gives {@code value} to the operator's second input (two-input harnesses). */
    protected void processSecondInput(Object value, Long timestamp) throws Exception {
        driver().processElement2(value, timestamp);
        collect();
        afterElement();
    }

    private void checkNotOpen() {
        if (driver != null) {
            throw new IllegalStateException("The harness is already open; set it up and restore state before open().");
        }
    }

    private OperatorHarnessDriver driver() {
        if (driver == null) {
            throw new IllegalStateException("Call open() first.");
        }
        return driver;
    }

    public void processElement(IN value) throws Exception {
        processElement(value, null);
    }

    public void processElement(IN value, Long timestamp) throws Exception {
        driver().processElement(value, timestamp);
        collect();
        afterElement();
    }

    /** Gives the operator an element, as Flink's harness takes it. */
    public void processElement(StreamRecord<IN> record) throws Exception {
        processElement(record.value(), record.timestamp());
    }

    private void afterElement() throws Exception {
        if (restoreAfterEveryElement) {
            long processingTime = driver.getProcessingTime();
            byte[] snap = driver.snapshot(nextCheckpointId++, processingTime);
            driver.close();
            driver.metrics().forEach((k, v) -> carriedMetrics.merge(k, v, Long::sum));
            driver = newDriver(List.of(snap));
            driver.open();
            driver.setProcessingTime(processingTime);
            outputSeen = 0;
            watermarksSeen = 0;
            statusesSeen = 0;
            sideOutputsSeen.clear();
            collect();
        }
    }

    public void processWatermark(long watermark) throws Exception {
        driver().processWatermark(watermark);
        collect();
    }

    /** An idle ({@code true}) or active ({@code false}) status from the input. */
    public void processWatermarkStatus(boolean idle) throws Exception {
        driver().processWatermarkStatus(idle);
        collect();
    }

    /** Sets processing time and fires the processing-time timers that are due. */
    public void setProcessingTime(long time) throws Exception {
        driver().setProcessingTime(time);
        collect();
    }

    public long getProcessingTime() {
        return driver().getProcessingTime();
    }

    /** Signals the end of input (sinks flush in {@code finish()}). */
    public void endInput() throws Exception {
        driver().endInput();
        collect();
    }

    public OperatorSnapshot snapshot(long checkpointId, long timestamp) throws Exception {
        return new OperatorSnapshot(driver().snapshot(checkpointId, timestamp));
    }

    public void notifyOfCompletedCheckpoint(long checkpointId) throws Exception {
        driver().notifyCheckpointComplete(checkpointId);
        collect();
    }

    public void notifyOfAbortedCheckpoint(long checkpointId) throws Exception {
        driver().notifyCheckpointAborted(checkpointId);
    }

    @SuppressWarnings("unchecked")
    private void collect() {
        List<OperatorHarnessDriver.Emitted> out = driver.output();
        for (int i = outputSeen; i < out.size(); i++) {
            output.add(new StreamRecord<>((OUT) out.get(i).value(), out.get(i).timestamp()));
        }
        outputSeen = out.size();
        List<Long> wms = driver.watermarks();
        for (int i = watermarksSeen; i < wms.size(); i++) {
            watermarks.add(wms.get(i));
        }
        watermarksSeen = wms.size();
        List<Boolean> st = driver.watermarkStatuses();
        for (int i = statusesSeen; i < st.size(); i++) {
            watermarkStatuses.add(st.get(i));
        }
        statusesSeen = st.size();
        for (Map.Entry<String, List<OperatorHarnessDriver.Emitted>> e : driver.sideOutputs().entrySet()) {
            List<StreamRecord<?>> target = sideOutputs.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
            int seen = sideOutputsSeen.getOrDefault(e.getKey(), 0);
            for (int i = seen; i < e.getValue().size(); i++) {
                target.add(new StreamRecord<>(e.getValue().get(i).value(), e.getValue().get(i).timestamp()));
            }
            sideOutputsSeen.put(e.getKey(), e.getValue().size());
        }
    }

    /** Everything emitted so far to the side output {@code tag}, with timestamps. */
    @SuppressWarnings("unchecked")
    public <X> List<StreamRecord<X>> getSideOutput(OutputTag<X> tag) {
        List<StreamRecord<X>> out = new ArrayList<>();
        for (StreamRecord<?> r : sideOutputs.getOrDefault(tag.getId(), List.of())) {
            out.add((StreamRecord<X>) r);
        }
        return out;
    }

    /** Watermark statuses emitted so far: {@code true} for idle, {@code false} for active again. */
    public List<Boolean> getWatermarkStatuses() {
        return List.copyOf(watermarkStatuses);
    }

    /**
     * An operator counter such as a window operator's {@code numLateRecords} or
     * {@code numLateRecordsDropped}, summed over the instances a restoring harness went through; 0 if unknown.
     */
    public long getMetric(String name) {
        return carriedMetrics.getOrDefault(name, 0L) + driver().metrics().getOrDefault(name, 0L);
    }

    /** Everything emitted so far, with timestamps. */
    public List<StreamRecord<OUT>> getOutput() {
        return List.copyOf(output);
    }

    /** The values emitted so far, in order. */
    public List<OUT> extractOutputValues() {
        List<OUT> values = new ArrayList<>(output.size());
        for (StreamRecord<OUT> r : output) {
            values.add(r.value());
        }
        return values;
    }

    public List<Long> getWatermarks() {
        return List.copyOf(watermarks);
    }

    /** The user function inside the running operator (a copy of the one given). */
    @SuppressWarnings("unchecked")
    public <F> F getUserFunction() {
        return (F) driver().userFunction();
    }

    protected OperatorHarnessDriver currentDriver() {
        return driver();
    }

    @Override
    public void close() throws Exception {
        if (driver != null) {
            driver.close();
        }
    }
}
