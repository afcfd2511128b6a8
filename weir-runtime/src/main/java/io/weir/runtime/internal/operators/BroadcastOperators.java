package io.weir.runtime.internal.operators;

import io.weir.api.functions.TimeDomain;
import io.weir.api.functions.TimerService;
import io.weir.api.functions.co.BroadcastProcessFunction;
import io.weir.api.functions.co.KeyedBroadcastProcessFunction;
import io.weir.api.state.BroadcastState;
import io.weir.api.state.KeyedStateFunction;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ReadOnlyBroadcastState;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.State;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.util.OutputTag;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The operators of the broadcast state pattern ({@code stream.connect(broadcastStream).process(...)}): the first
 * input is the (keyed or not) stream, the second the broadcast stream. The broadcast state named by the descriptors
 * given to {@code broadcast(...)} lives in the operator state backend, so it is checkpointed and redistributed as
 * Flink's broadcast state is. Task thread only.
 */
public final class BroadcastOperators {
    private BroadcastOperators() {}

    /** Registers the declared broadcast state and checks that a function asks only for declared state. */
    abstract static class Base<F extends io.weir.api.functions.Function> extends CoOperators.ProcessBase<F> {
        private final List<MapStateDescriptor<?, ?>> descriptors;
        private final Set<String> declared = new HashSet<>();

        Base(F f, List<MapStateDescriptor<?, ?>> descriptors) {
            super(f, true);
            this.descriptors = List.copyOf(descriptors);
        }

        @Override
        protected void initializeUserState() throws Exception {
            for (MapStateDescriptor<?, ?> d : descriptors) {
                operatorState.getBroadcastState(d); // restores it now, whatever the function asks for later
                declared.add(d.getName());
            }
            super.initializeUserState();
        }

        private void checkDeclared(MapStateDescriptor<?, ?> d) {
            if (d == null || !declared.contains(d.getName())) {
                throw new IllegalArgumentException("Operator '" + context.operatorName() + "' has no broadcast state "
                        + (d == null ? "null" : "'" + d.getName() + "'") + ": its broadcast state is " + declared
                        + ". Check the descriptor's name, or pass it to broadcast(...).");
            }
        }

        <K, V> BroadcastState<K, V> writable(MapStateDescriptor<K, V> d) {
            checkDeclared(d);
            return operatorState.getBroadcastState(d);
        }

        <K, V> ReadOnlyBroadcastState<K, V> readOnly(MapStateDescriptor<K, V> d) {
            checkDeclared(d);
            return operatorState.getReadOnlyBroadcastState(d);
        }

        long processingTime() {
            return timers.currentProcessingTime();
        }
    }

    /** {@code BroadcastConnectedStream.process(BroadcastProcessFunction)} on a non-keyed stream. */
    public static final class BroadcastProcessOperator extends Base<BroadcastProcessFunction<Object, Object, Object>> {
        private BroadcastProcessFunction<Object, Object, Object>.ReadOnlyContext readOnlyCtx;
        private BroadcastProcessFunction<Object, Object, Object>.Context broadcastCtx;

        public BroadcastProcessOperator(BroadcastProcessFunction<Object, Object, Object> f, List<MapStateDescriptor<?, ?>> descriptors) {
            super(f, descriptors);
        }

        @Override
        public void open() throws Exception {
            super.open();
            readOnlyCtx = userFunction.new ReadOnlyContext() {
                @Override
                public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor) {
                    return readOnly(stateDescriptor);
                }

                @Override
                public Long timestamp() {
                    return elementTimestamp();
                }

                @Override
                public <X> void output(OutputTag<X> outputTag, X value) {
                    sideOutput(outputTag, value);
                }

                @Override
                public long currentProcessingTime() {
                    return processingTime();
                }

                @Override
                public long currentWatermark() {
                    return currentWatermark;
                }
            };
            broadcastCtx = userFunction.new Context() {
                @Override
                public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor) {
                    return writable(stateDescriptor);
                }

                @Override
                public Long timestamp() {
                    return elementTimestamp();
                }

                @Override
                public <X> void output(OutputTag<X> outputTag, X value) {
                    sideOutput(outputTag, value);
                }

                @Override
                public long currentProcessingTime() {
                    return processingTime();
                }

                @Override
                public long currentWatermark() {
                    return currentWatermark;
                }
            };
        }

        @Override
        protected void process(Object record, long timestamp) throws Exception {
            collector.timestamp = timestamp;
            userFunction.processElement(record, readOnlyCtx, collector);
        }

        @Override
        protected void process2(Object record, long timestamp) throws Exception {
            collector.timestamp = timestamp;
            userFunction.processBroadcastElement(record, broadcastCtx, collector);
        }

        @Override
        void onTimer(long timestamp) {
            throw new IllegalStateException("Operator '" + name() + "' is not keyed and cannot have timers.");
        }
    }

    /** {@code BroadcastConnectedStream.process(KeyedBroadcastProcessFunction)} on a keyed stream. */
    public static final class KeyedBroadcastProcessOperator extends Base<KeyedBroadcastProcessFunction<Object, Object, Object, Object>> {
        private KeyedBroadcastProcessFunction<Object, Object, Object, Object>.ReadOnlyContext readOnlyCtx;
        private KeyedBroadcastProcessFunction<Object, Object, Object, Object>.Context broadcastCtx;
        private KeyedBroadcastProcessFunction<Object, Object, Object, Object>.OnTimerContext timerCtx;

        public KeyedBroadcastProcessOperator(KeyedBroadcastProcessFunction<Object, Object, Object, Object> f,
                List<MapStateDescriptor<?, ?>> descriptors) {
            super(f, descriptors);
        }

        @Override
        public void setup(OperatorContext context, Output output) {
            super.setup(context, output);
            if (!context.isKeyed()) {
                throw new IllegalStateException("Operator '" + context.operatorName() + "': a KeyedBroadcastProcessFunction needs a keyed"
                        + " stream; call keyBy(...) before connect(broadcastStream).");
            }
        }

        /** Calls {@code function} for every key that has a value in {@code state}, with that key current. */
        private <S extends State> void applyToKeys(String stateName, S state, KeyedStateFunction<Object, S> function) throws Exception {
            List<Object> keys = new ArrayList<>();
            List<Integer> groups = new ArrayList<>();
            keyedState.forEachEntry(stateName, (key, keyGroup, value) -> {
                keys.add(key);
                groups.add(keyGroup);
            });
            try {
                for (int i = 0; i < keys.size(); i++) {
                    keyedState.setCurrentKey(keys.get(i), groups.get(i));
                    function.process(keys.get(i), state);
                }
            } finally {
                keyedState.setCurrentKey(null, -1);
            }
        }

        @Override
        public void open() throws Exception {
            super.open();
            readOnlyCtx = userFunction.new ReadOnlyContext() {
                @Override
                public TimerService timerService() {
                    return timers;
                }

                @Override
                public Object getCurrentKey() {
                    return keyedState.getCurrentKey();
                }

                @Override
                public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor) {
                    return readOnly(stateDescriptor);
                }

                @Override
                public Long timestamp() {
                    return elementTimestamp();
                }

                @Override
                public <X> void output(OutputTag<X> outputTag, X value) {
                    sideOutput(outputTag, value);
                }

                @Override
                public long currentProcessingTime() {
                    return processingTime();
                }

                @Override
                public long currentWatermark() {
                    return currentWatermark;
                }
            };
            broadcastCtx = userFunction.new Context() {
                @Override
                public <T> void applyToKeyedState(ValueStateDescriptor<T> d, KeyedStateFunction<Object, ValueState<T>> function)
                        throws Exception {
                    applyToKeys(d.getName(), keyedState.getState(d), function);
                }

                @Override
                public <T> void applyToKeyedState(ListStateDescriptor<T> d, KeyedStateFunction<Object, ListState<T>> function)
                        throws Exception {
                    applyToKeys(d.getName(), keyedState.getListState(d), function);
                }

                @Override
                public <UK, UV> void applyToKeyedState(MapStateDescriptor<UK, UV> d, KeyedStateFunction<Object, MapState<UK, UV>> function)
                        throws Exception {
                    applyToKeys(d.getName(), keyedState.getMapState(d), function);
                }

                @Override
                public <T> void applyToKeyedState(ReducingStateDescriptor<T> d, KeyedStateFunction<Object, ReducingState<T>> function)
                        throws Exception {
                    applyToKeys(d.getName(), keyedState.getReducingState(d), function);
                }

                @Override
                public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor) {
                    return writable(stateDescriptor);
                }

                @Override
                public Long timestamp() {
                    return elementTimestamp();
                }

                @Override
                public <X> void output(OutputTag<X> outputTag, X value) {
                    sideOutput(outputTag, value);
                }

                @Override
                public long currentProcessingTime() {
                    return processingTime();
                }

                @Override
                public long currentWatermark() {
                    return currentWatermark;
                }
            };
            timerCtx = userFunction.new OnTimerContext() {
                @Override
                public TimeDomain timeDomain() {
                    return firingDomain;
                }

                @Override
                public Object getCurrentKey() {
                    return keyedState.getCurrentKey();
                }

                @Override
                public TimerService timerService() {
                    return timers;
                }

                @Override
                public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor) {
                    return readOnly(stateDescriptor);
                }

                @Override
                public Long timestamp() {
                    return firingTimestamp;
                }

                @Override
                public <X> void output(OutputTag<X> outputTag, X value) {
                    sideOutput(outputTag, value);
                }

                @Override
                public long currentProcessingTime() {
                    return processingTime();
                }

                @Override
                public long currentWatermark() {
                    return currentWatermark;
                }
            };
        }

        @Override
        protected void process(Object record, long timestamp) throws Exception {
            collector.timestamp = timestamp;
            userFunction.processElement(record, readOnlyCtx, collector);
        }

        @Override
        protected void process2(Object record, long timestamp) throws Exception {
            collector.timestamp = timestamp;
            userFunction.processBroadcastElement(record, broadcastCtx, collector);
        }

        @Override
        void onTimer(long timestamp) throws Exception {
            userFunction.onTimer(timestamp, timerCtx, collector);
        }
    }
}
