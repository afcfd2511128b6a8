package io.weir.runtime.internal.operators;

import io.weir.api.functions.FilterFunction;
import io.weir.api.functions.FlatMapFunction;
import io.weir.api.functions.MapFunction;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.functions.sink.SinkFunction;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.util.Collector;

/** The stateless one-to-one operators, the keyed reduce, and the sink. */
public final class SimpleOperators {
    private SimpleOperators() {}

    /** Emits through an operator's output with the timestamp of the record being processed. */
    static final class TimestampedCollector implements Collector<Object> {
        private final Output output;
        long timestamp = io.weir.runtime.internal.io.RecordBatch.NO_TIMESTAMP;

        TimestampedCollector(Output output) {
            this.output = output;
        }

        @Override
        public void collect(Object record) {
            if (record == null) {
                throw new NullPointerException("A function emitted null; streams cannot carry null elements.");
            }
            output.collect(record, timestamp);
        }

        @Override
        public void close() {}
    }

    /** {@code map}. */
    public static final class MapOperator extends UdfOperator<MapFunction<Object, Object>> {
        public MapOperator(MapFunction<Object, Object> f) {
            super(f);
        }

        @Override
        protected void process(Object record, long timestamp) throws Exception {
            Object out = userFunction.map(record);
            if (out == null) {
                throw new NullPointerException("The map function returned null for " + record + "; streams cannot carry null elements (use flatMap to drop elements).");
            }
            output.collect(out, timestamp);
        }
    }

    /** {@code flatMap}. */
    public static final class FlatMapOperator extends UdfOperator<FlatMapFunction<Object, Object>> {
        private TimestampedCollector collector;

        public FlatMapOperator(FlatMapFunction<Object, Object> f) {
            super(f);
        }

        @Override
        public void open() throws Exception {
            super.open();
            collector = new TimestampedCollector(output);
        }

        @Override
        protected void process(Object record, long timestamp) throws Exception {
            collector.timestamp = timestamp;
            userFunction.flatMap(record, collector);
        }
    }

    /** {@code filter}. */
    public static final class FilterOperator extends UdfOperator<FilterFunction<Object>> {
        public FilterOperator(FilterFunction<Object> f) {
            super(f);
        }

        @Override
        protected void process(Object record, long timestamp) throws Exception {
            if (userFunction.filter(record)) {
                output.collect(record, timestamp);
            }
        }
    }

    /** Keyed {@code reduce} and the tuple aggregations: emits the running result per element. */
    public static final class KeyedReduceOperator extends UdfOperator<ReduceFunction<Object>> {
        private ValueState<Object> current;

        public KeyedReduceOperator(ReduceFunction<Object> f) {
            super(f);
        }

        @Override
        protected void initializeUserState() throws Exception {
            super.initializeUserState();
            current = keyedState.getState(new ValueStateDescriptor<>("_reduce_value", io.weir.runtime.serialization.Serializers.dynamic()));
        }

        @Override
        protected void process(Object record, long timestamp) throws Exception {
            Object cur = current.value();
            Object next = cur == null ? record : userFunction.reduce(cur, record);
            current.update(next);
            output.collect(next, timestamp);
        }
    }

    /**
     * A sink function with its context; {@code finish} at end of input. A two-phase-commit sink keeps
     * records in its transaction until the checkpoint completes, so with object reuse off it gets a
     * copy of each mutable record (the operator before it in the chain may reuse the object). Other
     * sinks get the record itself.
     */
    public static final class SinkOperator extends UdfOperator<SinkFunction<Object>> {
        private final SinkContextImpl sinkContext = new SinkContextImpl();
        /** Copies records for a two-phase-commit sink with object reuse off; else null. */
        private io.weir.api.typeutils.TypeSerializer<Object> copier;

        public SinkOperator(SinkFunction<Object> f) {
            super(f);
        }

        @Override
        public void setup(OperatorContext context, Output output) {
            super.setup(context, output);
            boolean transactional = userFunction instanceof io.weir.api.functions.sink.TwoPhaseCommitSinkFunction;
            copier = transactional && !context.objectReuse() ? io.weir.runtime.serialization.Serializers.dynamic() : null;
        }

        @Override
        protected void process(Object record, long timestamp) throws Exception {
            sinkContext.timestamp = timestamp;
            userFunction.invoke(copier == null ? record : copier.copy(record), sinkContext);
        }

        @Override
        public void endInput() throws Exception {
            try {
                userFunction.finish();
            } catch (Exception e) {
                throw new OperatorException(name(), context.subtaskIndex(), e);
            }
        }

        private final class SinkContextImpl implements SinkFunction.Context {
            long timestamp;

            @Override
            public long currentProcessingTime() {
                return context.processingTime().currentProcessingTime();
            }

            @Override
            public long currentWatermark() {
                return currentWatermark;
            }

            @Override
            public Long timestamp() {
                return timestamp == noTimestamp() ? null : timestamp;
            }
        }
    }
}
