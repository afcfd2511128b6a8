package io.weir.runtime.internal.operators;

import io.weir.api.functions.TimeDomain;
import io.weir.api.functions.co.ProcessJoinFunction;
import io.weir.api.graph.IntervalJoinSpec;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.typeutils.TypeSerializer;
import io.weir.api.util.OutputTag;
import io.weir.runtime.serialization.Serializers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code KeyedStream.intervalJoin(..).between(lower, upper).process(ProcessJoinFunction)}: a keyed
 * two-input operator that joins a left element at {@code tl} with a right element at {@code tr} of the
 * same key when {@code lower <= tr - tl <= upper} (bounds inclusive here; the API moved exclusive ones).
 *
 * <p>State, all keyed: per key, one map per side from timestamp to the elements with that timestamp,
 * and the cleanup timers ({@link TimerServiceImpl}). Algorithm, per element of either side:
 * <ol>
 *   <li>an element below the watermark is late: to the side's late-data output, or dropped;</li>
 *   <li>it is added to its side's map;</li>
 *   <li>it is joined with every element of the other side's map whose timestamp is in its interval;</li>
 *   <li>an event-time timer is set for when the watermark shows nothing can join it any more: a left
 *       element at {@code tl + max(upper, 0)}, a right one at {@code tr + max(-lower, 0)}.</li>
 * </ol>
 * Timers are per key and time (not per side), so a firing timer removes from each side the one
 * timestamp whose cleanup time it is; the other side's entry, if any, had registered the same timer.
 *
 * <p>The watermark reached is kept in operator state ({@link KeptWatermark}), so that elements late
 * before a failure stay late after the restore. Ownership: the maps store what they are given; with
 * object reuse off this operator copies each element as it is buffered.
 */
public final class IntervalJoinOperator extends TwoInputUdfOperator<ProcessJoinFunction<Object, Object, Object>> {
    private static final String LEFT = "__weir_interval_join_left";
    private static final String RIGHT = "__weir_interval_join_right";
    private static final String WATERMARK = "__weir_interval_join_watermark";

    private final long lowerBound;
    private final long upperBound;
    private final OutputTag<?> leftLateTag;
    private final OutputTag<?> rightLateTag;

    private MapState<Long, List<Object>> leftBuffer;
    private MapState<Long, List<Object>> rightBuffer;
    private TimerServiceImpl timers;
    private KeptWatermark keptWatermark;
    /** Copies elements entering a buffer; null with object reuse, when they are stored as they are. */
    private TypeSerializer<Object> copier;
    private SimpleOperators.TimestampedCollector collector;
    private ProcessJoinFunction<Object, Object, Object>.Context pairContext;
    private long leftTimestamp;
    private long rightTimestamp;
    private long numLateRecordsDropped;

    @SuppressWarnings("unchecked")
    public IntervalJoinOperator(IntervalJoinSpec spec, io.weir.api.functions.KeySelector<?, ?> keySelector2) {
        super((ProcessJoinFunction<Object, Object, Object>) spec.getFunction(), keySelector2);
        this.lowerBound = spec.getLowerBound();
        this.upperBound = spec.getUpperBound();
        this.leftLateTag = spec.getLeftLateDataOutputTag();
        this.rightLateTag = spec.getRightLateDataOutputTag();
    }

    @Override
    public void setup(OperatorContext context, Output output) {
        super.setup(context, output);
        if (!context.isKeyed()) {
            throw new IllegalStateException("Operator '" + context.operatorName() + "': an interval join needs both inputs keyed;"
                    + " build it with keyedStream.intervalJoin(otherKeyedStream).");
        }
    }

    @Override
    protected void initializeUserState() throws Exception {
        super.initializeUserState();
        leftBuffer = keyedState.getUncopiedMapState(new MapStateDescriptor<>(LEFT, Serializers.forClass(Long.class), bufferSerializer()));
        rightBuffer = keyedState.getUncopiedMapState(new MapStateDescriptor<>(RIGHT, Serializers.forClass(Long.class), bufferSerializer()));
        copier = context.objectReuse() ? null : Serializers.dynamic();
        keptWatermark = new KeptWatermark(operatorState, WATERMARK);
        if (context.restored() != null) {
            currentWatermark = keptWatermark.restored();
        }
        timers = new TimerServiceImpl(keyedState, context.processingTime(), this::onTimer);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static TypeSerializer<List<Object>> bufferSerializer() {
        return (TypeSerializer) Serializers.forClass(List.class);
    }

    @Override
    public void open() throws Exception {
        super.open();
        collector = new SimpleOperators.TimestampedCollector(output);
        pairContext = userFunction.new Context() {
            @Override
            public long getLeftTimestamp() {
                return leftTimestamp;
            }

            @Override
            public long getRightTimestamp() {
                return rightTimestamp;
            }

            @Override
            public long getTimestamp() {
                return collector.timestamp;
            }

            @Override
            public <X> void output(OutputTag<X> outputTag, X value) {
                ProcessOperators.sideOutput(output, context.operatorName(), outputTag, value, collector.timestamp);
            }
        };
    }

    @Override
    protected void process(Object record, long timestamp) throws Exception {
        onElement(record, timestamp, true);
    }

    @Override
    protected void process2(Object record, long timestamp) throws Exception {
        onElement(record, timestamp, false);
    }

    private void onElement(Object record, long timestamp, boolean isLeft) throws Exception {
        if (timestamp == noTimestamp()) {
            throw new IllegalStateException("Interval join '" + name() + "' received a " + (isLeft ? "left" : "right") + " element without a"
                    + " timestamp; give both inputs timestamps with assignTimestampsAndWatermarks(...) (or sources that set them)."
                    + " Element: " + record);
        }
        if (timestamp < currentWatermark) {
            OutputTag<?> lateTag = isLeft ? leftLateTag : rightLateTag;
            if (lateTag != null) {
                output.collect(lateTag, record, timestamp);
            } else {
                numLateRecordsDropped++;
            }
            return;
        }
        MapState<Long, List<Object>> own = isLeft ? leftBuffer : rightBuffer;
        List<Object> bucket = own.get(timestamp);
        if (bucket == null) {
            bucket = new ArrayList<>(1);
        }
        bucket.add(copier == null ? record : copier.copy(record));
        own.put(timestamp, bucket);

        // the other side's timestamps that join this element
        long from = plus(timestamp, isLeft ? lowerBound : -upperBound);
        long to = plus(timestamp, isLeft ? upperBound : -lowerBound);
        for (Map.Entry<Long, List<Object>> e : (isLeft ? rightBuffer : leftBuffer).entries()) {
            long other = e.getKey();
            if (other < from || other > to) {
                continue;
            }
            for (Object o : e.getValue()) {
                if (isLeft) {
                    emit(record, timestamp, o, other);
                } else {
                    emit(o, other, record, timestamp);
                }
            }
        }
        timers.registerEventTimeTimer(plus(timestamp, Math.max(isLeft ? upperBound : -lowerBound, 0)));
    }

    /** {@code a + b}, saturated at the ends of the long range instead of wrapping (bounds may be huge). */
    private static long plus(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? (b < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : r;
    }

    private void emit(Object left, long leftTs, Object right, long rightTs) throws Exception {
        leftTimestamp = leftTs;
        rightTimestamp = rightTs;
        collector.timestamp = Math.max(leftTs, rightTs);
        userFunction.processElement(left, right, pairContext, collector);
    }

    /** A cleanup timer of the current key: drops each side's entry whose cleanup time {@code time} is. */
    private void onTimer(long time, TimeDomain domain) throws Exception {
        leftBuffer.remove(time - Math.max(upperBound, 0));
        rightBuffer.remove(time - Math.max(-lowerBound, 0));
    }

    @Override
    public void processWatermark(long watermark) {
        if (watermark <= currentWatermark) {
            return; // not ahead of the watermark this operator has reached (possibly restored)
        }
        super.processWatermark(watermark);
    }

    @Override
    protected void onWatermark(long watermark) throws Exception {
        timers.advanceWatermark(watermark);
    }

    @Override
    protected void snapshotUserState(long checkpointId, long timestamp) throws Exception {
        keptWatermark.save(currentWatermark);
        super.snapshotUserState(checkpointId, timestamp);
    }

    @Override
    public Map<String, Long> metrics() {
        return Map.of("numLateRecordsDropped", numLateRecordsDropped);
    }
}
