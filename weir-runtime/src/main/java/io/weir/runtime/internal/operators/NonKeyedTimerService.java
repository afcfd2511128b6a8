package io.weir.runtime.internal.operators;

import io.weir.api.functions.TimerService;

/** The timer service of a non-keyed operator: time and watermark readable, timers refused with a hint. */
final class NonKeyedTimerService implements TimerService {
    private final OperatorContext context;
    private final java.util.function.LongSupplier watermark;
    private final String hint;

    /** @param hint how to get a keyed operator, for example {@code "use keyBy(...).process(KeyedProcessFunction)"} */
    NonKeyedTimerService(OperatorContext context, java.util.function.LongSupplier watermark, String hint) {
        this.context = context;
        this.watermark = watermark;
        this.hint = hint;
    }

    @Override
    public long currentProcessingTime() {
        return context.processingTime().currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return watermark.getAsLong();
    }

    private UnsupportedOperationException keyedOnly() {
        return new UnsupportedOperationException("Operator '" + context.operatorName() + "': timers need a keyed stream; " + hint + ".");
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        throw keyedOnly();
    }

    @Override
    public void registerEventTimeTimer(long time) {
        throw keyedOnly();
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        throw keyedOnly();
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        throw keyedOnly();
    }
}
