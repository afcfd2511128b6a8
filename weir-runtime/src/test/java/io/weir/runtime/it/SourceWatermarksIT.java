package io.weir.runtime.it;

import io.weir.api.connector.source.Boundedness;
import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.ReaderOutput;
import io.weir.api.connector.source.Source;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.connector.source.lib.NumberSequenceSource;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.Watermark;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.functions.source.SourceFunction;
import io.weir.api.typeutils.TypeSerializer;
import io.weir.api.util.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Sources that emit their own watermarks (SourceContext.emitWatermark, ReaderOutput.emitWatermark): operators downstream see them. */
@Timeout(60)
class SourceWatermarksIT {
    /** Emits "value@watermark seen" for each element. */
    static final class SeeWatermark extends ProcessFunction<Long, String> {
        @Override
        public void processElement(Long value, Context ctx, Collector<String> out) {
            out.collect(value + "@" + ctx.timerService().currentWatermark());
        }
    }

    /** Emits 1, 2, 3 with a watermark equal to each value after it, and idles once. */
    static final class Legacy implements SourceFunction<Long> {
        @Override
        public void run(SourceContext<Long> ctx) {
            for (long i = 1; i <= 3; i++) {
                synchronized (ctx.getCheckpointLock()) {
                    ctx.collectWithTimestamp(i, i);
                    ctx.emitWatermark(new Watermark(i));
                    ctx.emitWatermark(new Watermark(i - 1)); // going back is ignored
                    ctx.markAsTemporarilyIdle();
                }
            }
        }

        @Override
        public void cancel() {}
    }

    @Test
    void aLegacySourcesWatermarksReachTheNextOperator() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        List<String> out = env.addSource(new Legacy()).process(new SeeWatermark()).executeAndCollect(3);
        assertThat(out).containsExactly("1@" + Long.MIN_VALUE, "2@1", "3@2");
    }

    /** Wraps the number sequence: after each record, a watermark at its value. */
    static final class WithWatermarks implements Source<Long, NumberSequenceSource.Range> {
        private static final long serialVersionUID = 1L;
        private final NumberSequenceSource inner = new NumberSequenceSource(1, 3);

        @Override
        public Boundedness getBoundedness() {
            return inner.getBoundedness();
        }

        @Override
        public List<NumberSequenceSource.Range> createSplits(int parallelism) {
            return inner.createSplits(parallelism);
        }

        @Override
        public TypeSerializer<NumberSequenceSource.Range> getSplitSerializer() {
            return inner.getSplitSerializer();
        }

        @Override
        public SourceReader<Long, NumberSequenceSource.Range> createReader(SourceReaderContext context) {
            SourceReader<Long, NumberSequenceSource.Range> reader = inner.createReader(context);
            return new SourceReader<>() {
                @Override
                public void addSplits(List<NumberSequenceSource.Range> splits) {
                    reader.addSplits(splits);
                }

                @Override
                public InputStatus pollNext(ReaderOutput<Long> output) throws Exception {
                    return reader.pollNext(new ReaderOutput<>() {
                        @Override
                        public void collect(Long record) {
                            output.collect(record, record);
                            output.emitWatermark(new Watermark(record));
                        }

                        @Override
                        public void collect(Long record, long timestamp) {
                            collect(record);
                        }
                    });
                }

                @Override
                public List<NumberSequenceSource.Range> snapshotState(long checkpointId) throws Exception {
                    return reader.snapshotState(checkpointId);
                }

                @Override
                public void close() throws Exception {
                    reader.close();
                }
            };
        }
    }

    @Test
    void aSplitSourcesWatermarksReachTheNextOperator() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        List<String> out = env.fromSource(new WithWatermarks(), "with watermarks").process(new SeeWatermark()).executeAndCollect(3);
        assertThat(out).containsExactly("1@" + Long.MIN_VALUE, "2@1", "3@2");
    }
}
