package io.weir.runtime.internal.operators;

import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.functions.TimeDomain;
import io.weir.api.functions.TimerService;
import io.weir.api.util.OutputTag;

/** {@code process} on non-keyed and keyed streams. */
public final class ProcessOperators {
    private ProcessOperators() {}

    /** A user call that may throw, such as a function's {@code onTimer}. */
    interface UserCall {
        void run() throws Exception;
    }

    /**
     * Runs a timer's user callback with the collector stamped as the timer's output is: an event-time timer's results
     * carry its time, a processing-time timer's none. A failure becomes an {@link OperatorException} of {@code op}.
     */
    static void fireTimer(StreamOperator op, SimpleOperators.TimestampedCollector collector, long timestamp, TimeDomain domain,
            UserCall call) {
        collector.timestamp = domain == TimeDomain.EVENT_TIME ? timestamp : StreamOperator.noTimestamp();
        try {
            call.run();
        } catch (OperatorException e) {
            throw e;
        } catch (Exception e) {
            throw new OperatorException(op.name(), op.context.subtaskIndex(), e);
        }
    }

    /** {@code ctx.output(tag, value)}: the value goes to the side output {@code tag} with the current record's (or timer's) timestamp. */
    static void sideOutput(Output output, String operator, OutputTag<?> tag, Object value, long timestamp) {
        if (tag == null) {
            throw new NullPointerException("Operator '" + operator + "': ctx.output needs an OutputTag, but got null.");
        }
        if (value == null) {
            throw new NullPointerException("Operator '" + operator + "': ctx.output(" + tag.getId() + ", null); streams cannot carry null elements.");
        }
        output.collect(tag, value, timestamp);
    }

    /**
     * {@code DataStream.process(ProcessFunction)}: on a non-keyed stream no keyed state and no timers; on a keyed stream
     * (Flink's older keyed form) keyed state and timers, which fire {@code onTimer}.
     */
    public static final class ProcessOperator extends UdfOperator<ProcessFunction<Object, Object>> {
        private SimpleOperators.TimestampedCollector collector;
        private ProcessFunction<Object, Object>.Context ctx;
        private ProcessFunction<Object, Object>.OnTimerContext timerCtx;
        private TimerServiceImpl keyedTimers;
        private TimeDomain firingDomain;
        private long firingTimestamp;

        public ProcessOperator(ProcessFunction<Object, Object> f) {
            super(f);
        }

        @Override
        protected void initializeUserState() throws Exception {
            super.initializeUserState();
            if (keyedState != null) {
                keyedTimers = new TimerServiceImpl(keyedState, context.processingTime(), this::onTimer);
            }
        }

        @Override
        public void open() throws Exception {
            super.open();
            collector = new SimpleOperators.TimestampedCollector(output);
            TimerService timerService = keyedTimers != null ? keyedTimers : new NonKeyedTimerService(context, () -> currentWatermark,
                    "use keyBy(...).process(KeyedProcessFunction)");
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
                    return timerService;
                }

                @Override
                public <X> void output(OutputTag<X> outputTag, X value) {
                    sideOutput(output, context.operatorName(), outputTag, value, collector.timestamp);
                }
            };
            ctx = userFunction.new Context() {
                @Override
                public Long timestamp() {
                    return collector.timestamp == noTimestamp() ? null : collector.timestamp;
                }

                @Override
                public TimerService timerService() {
                    return timerService;
                }

                @Override
                public <X> void output(OutputTag<X> outputTag, X value) {
                    sideOutput(output, context.operatorName(), outputTag, value, collector.timestamp);
                }
            };
        }

        @Override
        protected void process(Object record, long timestamp) throws Exception {
            collector.timestamp = timestamp;
            userFunction.processElement(record, ctx, collector);
        }

        @Override
        protected void onWatermark(long watermark) throws Exception {
            if (keyedTimers != null) {
                keyedTimers.advanceWatermark(watermark);
            }
        }

        private void onTimer(long timestamp, TimeDomain domain) {
            firingDomain = domain;
            firingTimestamp = timestamp;
            fireTimer(this, collector, timestamp, domain, () -> userFunction.onTimer(timestamp, timerCtx, collector));
        }
    }

    /** {@code KeyedStream.process(KeyedProcessFunction)} with keyed state and timers. */
    public static final class KeyedProcessOperator extends UdfOperator<KeyedProcessFunction<Object, Object, Object>> {
        private SimpleOperators.TimestampedCollector collector;
        private TimerServiceImpl timers;
        private KeyedProcessFunction<Object, Object, Object>.Context elementCtx;
        private KeyedProcessFunction<Object, Object, Object>.OnTimerContext timerCtx;
        private TimeDomain firingDomain;
        private long firingTimestamp;

        public KeyedProcessOperator(KeyedProcessFunction<Object, Object, Object> f) {
            super(f);
        }

        @Override
        protected void initializeUserState() throws Exception {
            super.initializeUserState();
            timers = new TimerServiceImpl(keyedState, context.processingTime(), this::onTimer);
        }

        @Override
        public void open() throws Exception {
            super.open();
            collector = new SimpleOperators.TimestampedCollector(output);
            elementCtx = userFunction.new Context() {
                @Override
                public Long timestamp() {
                    return collector.timestamp == noTimestamp() ? null : collector.timestamp;
                }

                @Override
                public TimerService timerService() {
                    return timers;
                }

                @Override
                public <X> void output(OutputTag<X> outputTag, X value) {
                    sideOutput(output, context.operatorName(), outputTag, value, collector.timestamp);
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
                    sideOutput(output, context.operatorName(), outputTag, value, collector.timestamp);
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
            userFunction.processElement(record, elementCtx, collector);
        }

        @Override
        protected void onWatermark(long watermark) throws Exception {
            timers.advanceWatermark(watermark);
        }

        private void onTimer(long timestamp, TimeDomain domain) {
            firingDomain = domain;
            firingTimestamp = timestamp;
            fireTimer(this, collector, timestamp, domain, () -> userFunction.onTimer(timestamp, timerCtx, collector));
        }
    }
}
