package io.weir.runtime.internal.operators;

import io.weir.api.eventtime.TimestampAssigner;
import io.weir.api.eventtime.Watermark;
import io.weir.api.eventtime.WatermarkGenerator;
import io.weir.api.eventtime.WatermarkOutput;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.graph.TimestampsAndWatermarksSpec;

/**
 * {@code assignTimestampsAndWatermarks}: gives each record its timestamp, feeds the generator, and
 * asks the generator for a watermark every auto-watermark interval of processing time. Upstream
 * watermarks and idle statuses are dropped (this operator is the source of event time now), except
 * the final {@code Long.MAX_VALUE} watermark of a bounded input, which is passed on.
 *
 * <p>Idleness: when the generator marks the output idle, an idle status goes downstream, so that
 * tasks there leave this input out of their watermark; the next record (or watermark) marks it
 * active first. Nothing here is checkpointed, as in Flink: a restored generator starts over.
 */
public final class TimestampsAndWatermarksOperator extends StreamOperator {
    private final TimestampsAndWatermarksSpec spec;
    private TimestampAssigner<Object> assigner;
    private WatermarkGenerator<Object> generator;
    private long lastEmitted = Long.MIN_VALUE;
    private boolean idle;
    private boolean stopped;

    private final WatermarkOutput watermarkOutput = new WatermarkOutput() {
        @Override
        public void emitWatermark(Watermark watermark) {
            long ts = watermark.getTimestamp();
            if (ts <= lastEmitted) {
                return;
            }
            lastEmitted = ts;
            markActive();
            currentWatermark = ts;
            output.emitWatermark(ts);
        }

        @Override
        public void markIdle() {
            if (!idle) {
                idle = true;
                output.emitWatermarkStatus(true);
            }
        }

        @Override
        public void markActive() {
            if (idle) {
                idle = false;
                output.emitWatermarkStatus(false);
            }
        }
    };

    public TimestampsAndWatermarksOperator(TimestampsAndWatermarksSpec spec) {
        this.spec = spec;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open() throws Exception {
        WatermarkStrategy<Object> strategy = (WatermarkStrategy<Object>) spec.getStrategy();
        try {
            assigner = strategy.createTimestampAssigner(new io.weir.api.eventtime.TimestampAssignerSupplier.Context() {});
            generator = strategy.createWatermarkGenerator(() -> () -> context.processingTime().currentProcessingTime());
        } catch (Exception e) {
            throw new OperatorException(name(), context.subtaskIndex(), e);
        }
        if (spec.getAutoWatermarkIntervalMillis() > 0) {
            scheduleNext();
        }
    }

    private void scheduleNext() {
        long now = context.processingTime().currentProcessingTime();
        context.processingTime().scheduleAt(now + spec.getAutoWatermarkIntervalMillis(), this::onPeriodicEmit);
    }

    private void onPeriodicEmit() {
        if (stopped) {
            return;
        }
        try {
            generator.onPeriodicEmit(watermarkOutput);
        } catch (OperatorException | io.weir.runtime.internal.io.RecordWriter.TaskCancelledException e) {
            throw e;
        } catch (Exception e) {
            throw new OperatorException(name(), context.subtaskIndex(), e);
        }
        scheduleNext();
    }

    @Override
    protected void process(Object record, long timestamp) throws Exception {
        long ts = assigner.extractTimestamp(record, timestamp);
        watermarkOutput.markActive();
        output.collect(record, ts);
        generator.onEvent(record, ts, watermarkOutput);
    }

    /** Only the end of input's watermark passes; event time is this operator's to make otherwise. */
    @Override
    public void processWatermark(long watermark) {
        if (watermark == Long.MAX_VALUE) {
            watermarkOutput.emitWatermark(Watermark.MAX_WATERMARK);
            stopped = true;
        }
    }

    @Override
    public void processWatermarkStatus(boolean idle) {
        // upstream idleness does not matter: this operator decides the status of its own output
    }

    @Override
    public void endInput() throws Exception {
        if (!stopped) {
            generator.onPeriodicEmit(watermarkOutput);
        }
        stopped = true;
    }

    @Override
    protected void doClose() {
        stopped = true;
    }
}
