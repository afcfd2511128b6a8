package io.weir.runtime.internal.operators;

import io.weir.api.functions.KeySelector;
import io.weir.api.functions.TimeDomain;
import io.weir.api.functions.TimerService;
import io.weir.api.functions.co.CoFlatMapFunction;
import io.weir.api.functions.co.CoMapFunction;
import io.weir.api.functions.co.CoProcessFunction;
import io.weir.api.functions.co.KeyedCoProcessFunction;
import io.weir.api.util.OutputTag;

/** The operators of connected streams: {@code map}, {@code flatMap}, {@code process} with a co-function. */
public final class CoOperators {
    private CoOperators() {}

    private static final String KEYED_HINT = "use connect(...).keyBy(key1, key2).process(KeyedCoProcessFunction)";

    /** {@code ConnectedStreams.map}. */
    public static final class CoMapOperator extends TwoInputUdfOperator<CoMapFunction<Object, Object, Object>> {
        public CoMapOperator(CoMapFunction<Object, Object, Object> f, KeySelector<?, ?> keySelector2) {
            super(f, keySelector2);
        }

        @Override
        protected void process(Object record, long timestamp) throws Exception {
            emit(userFunction.map1(record), record, "map1", timestamp);
        }

        @Override
        protected void process2(Object record, long timestamp) throws Exception {
            emit(userFunction.map2(record), record, "map2", timestamp);
        }

        private void emit(Object out, Object in, String method, long timestamp) {
            if (out == null) {
                throw new NullPointerException("The CoMapFunction's " + method + " returned null for " + in
                        + "; streams cannot carry null elements (use a CoFlatMapFunction to drop elements).");
            }
            output.collect(out, timestamp);
        }
    }

    /** {@code ConnectedStreams.flatMap}. */
    public static final class CoFlatMapOperator extends TwoInputUdfOperator<CoFlatMapFunction<Object, Object, Object>> {
        private SimpleOperators.TimestampedCollector collector;

        public CoFlatMapOperator(CoFlatMapFunction<Object, Object, Object> f, KeySelector<?, ?> keySelector2) {
            super(f, keySelector2);
        }

        @Override
        public void open() throws Exception {
            super.open();
            collector = new SimpleOperators.TimestampedCollector(output);
        }

        @Override
        protected void process(Object record, long timestamp) throws Exception {
            collector.timestamp = timestamp;
            userFunction.flatMap1(record, collector);
        }

        @Override
        protected void process2(Object record, long timestamp) throws Exception {
            collector.timestamp = timestamp;
            userFunction.flatMap2(record, collector);
        }
    }

    /**
     * Timers, side outputs and the collector shared by both process operators. When the operator is
     * keyed, timers live in keyed state (see {@link TimerServiceImpl}); otherwise registering one throws.
     */
    abstract static class ProcessBase<F extends io.weir.api.functions.Function> extends TwoInputUdfOperator<F> {
        SimpleOperators.TimestampedCollector collector;
        TimerService timers;
        private TimerServiceImpl keyedTimers;
        TimeDomain firingDomain;
        long firingTimestamp;

        ProcessBase(F f, KeySelector<?, ?> keySelector2) {
            super(f, keySelector2);
        }

        ProcessBase(F f, boolean broadcastSecondInput) {
            super(f, null, broadcastSecondInput);
        }

        @Override
        protected void initializeUserState() throws Exception {
            super.initializeUserState();
            if (keyedState != null) {
                keyedTimers = new TimerServiceImpl(keyedState, context.processingTime(), this::fire);
                timers = keyedTimers;
            } else {
                timers = new NonKeyedTimerService(context, () -> currentWatermark, KEYED_HINT);
            }
        }

        @Override
        public void open() throws Exception {
            super.open();
            collector = new SimpleOperators.TimestampedCollector(output);
        }

        @Override
        protected void onWatermark(long watermark) throws Exception {
            if (keyedTimers != null) {
                keyedTimers.advanceWatermark(watermark);
            }
        }

        Long elementTimestamp() {
            return collector.timestamp == noTimestamp() ? null : collector.timestamp;
        }

        void sideOutput(OutputTag<?> tag, Object value) {
            ProcessOperators.sideOutput(output, context.operatorName(), tag, value, collector.timestamp);
        }

        private void fire(long timestamp, TimeDomain domain) {
            firingDomain = domain;
            firingTimestamp = timestamp;
            ProcessOperators.fireTimer(this, collector, timestamp, domain, () -> onTimer(timestamp));
        }

        abstract void onTimer(long timestamp) throws Exception;
    }

    /** {@code ConnectedStreams.process(CoProcessFunction)}; with keyed state and timers when both inputs are keyed. */
    public static final class CoProcessOperator extends ProcessBase<CoProcessFunction<Object, Object, Object>> {
        private CoProcessFunction<Object, Object, Object>.Context elementCtx;
        private CoProcessFunction<Object, Object, Object>.OnTimerContext timerCtx;

        public CoProcessOperator(CoProcessFunction<Object, Object, Object> f, KeySelector<?, ?> keySelector2) {
            super(f, keySelector2);
        }

        @Override
        public void open() throws Exception {
            super.open();
            elementCtx = userFunction.new Context() {
                @Override
                public Long timestamp() {
                    return elementTimestamp();
                }

                @Override
                public TimerService timerService() {
                    return timers;
                }

                @Override
                public <X> void output(OutputTag<X> outputTag, X value) {
                    sideOutput(outputTag, value);
                }
            };
            timerCtx = userFunction.new OnTimerContext() {
                @Override
                public TimeDomain timeDomain() {
                    return firingDomain;
                }

                @Override
                public Long timestamp() {
                    return firingTimestamp;
                }

                @Override
                public TimerService timerService() {
                    return timers;
                }

                @Override
                public <X> void output(OutputTag<X> outputTag, X value) {
                    sideOutput(outputTag, value);
                }
            };
        }

        @Override
        protected void process(Object record, long timestamp) throws Exception {
            collector.timestamp = timestamp;
            userFunction.processElement1(record, elementCtx, collector);
        }

        @Override
        protected void process2(Object record, long timestamp) throws Exception {
            collector.timestamp = timestamp;
            userFunction.processElement2(record, elementCtx, collector);
        }

        @Override
        void onTimer(long timestamp) throws Exception {
            userFunction.onTimer(timestamp, timerCtx, collector);
        }
    }

    /** {@code ConnectedStreams.keyBy(..).process(KeyedCoProcessFunction)}: keyed state and timers shared by both inputs per key. */
    public static final class KeyedCoProcessOperator extends ProcessBase<KeyedCoProcessFunction<Object, Object, Object, Object>> {
        private KeyedCoProcessFunction<Object, Object, Object, Object>.Context elementCtx;
        private KeyedCoProcessFunction<Object, Object, Object, Object>.OnTimerContext timerCtx;

        public KeyedCoProcessOperator(KeyedCoProcessFunction<Object, Object, Object, Object> f, KeySelector<?, ?> keySelector2) {
            super(f, keySelector2);
        }

        @Override
        public void setup(OperatorContext context, Output output) {
            super.setup(context, output);
            if (!context.isKeyed()) {
                throw new IllegalStateException("Operator '" + context.operatorName() + "': a KeyedCoProcessFunction needs both inputs keyed;"
                        + " call connect(...).keyBy(key1, key2) before process(...).");
            }
        }

        @Override
        public void open() throws Exception {
            super.open();
            elementCtx = userFunction.new Context() {
                @Override
                public Long timestamp() {
                    return elementTimestamp();
                }

                @Override
                public TimerService timerService() {
                    return timers;
                }

                @Override
                public <X> void output(OutputTag<X> outputTag, X value) {
                    sideOutput(outputTag, value);
                }

                @Override
                public Object getCurrentKey() {
                    return keyedState.getCurrentKey();
                }
            };
            timerCtx = userFunction.new OnTimerContext() {
                @Override
                public TimeDomain timeDomain() {
                    return firingDomain;
                }

                @Override
                public Long timestamp() {
                    return firingTimestamp;
                }

                @Override
                public TimerService timerService() {
                    return timers;
                }

                @Override
                public <X> void output(OutputTag<X> outputTag, X value) {
                    sideOutput(outputTag, value);
                }

                @Override
                public Object getCurrentKey() {
                    return keyedState.getCurrentKey();
                }
            };
        }

        @Override
        protected void process(Object record, long timestamp) throws Exception {
            collector.timestamp = timestamp;
            userFunction.processElement1(record, elementCtx, collector);
        }

        @Override
        protected void process2(Object record, long timestamp) throws Exception {
            collector.timestamp = timestamp;
            userFunction.processElement2(record, elementCtx, collector);
        }

        @Override
        void onTimer(long timestamp) throws Exception {
            userFunction.onTimer(timestamp, timerCtx, collector);
        }
    }
}
