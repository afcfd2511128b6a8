package io.weir.testing;

import io.weir.api.connector.source.Boundedness;
import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.ReaderOutput;
import io.weir.api.connector.source.Source;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.typeutils.TypeSerializer;

import java.util.List;

/**
 * Wraps a source so that each reader emits about {@code perCheckpoint} records and then waits for
 * the next completed checkpoint before it goes on. The job thus spans a known minimum number of
 * checkpoints however fast the machine is, without sleeping: a test can fail "after three completed
 * checkpoints" and be sure the input has not ended by then. The methods are called by the engine, on the source
 * task's thread, as for any {@link Source}.
 */
public final class PacedSource<T, S> implements Source<T, S> {
    private static final long serialVersionUID = 1L;

    private final Source<T, S> inner;
    private final long perCheckpoint;

    /**
     * @param inner         the source whose records are paced; its splits, state and boundedness are passed through
     * @param perCheckpoint records each reader emits between two completed checkpoints (at least; it may emit a
     *                      record more when a poll emits several)
     */
    public PacedSource(Source<T, S> inner, long perCheckpoint) {
        this.inner = inner;
        this.perCheckpoint = perCheckpoint;
    }

    @Override
    public Boundedness getBoundedness() {
        return inner.getBoundedness();
    }

    @Override
    public List<S> createSplits(int parallelism) {
        return inner.createSplits(parallelism);
    }

    @Override
    public TypeSerializer<S> getSplitSerializer() {
        return inner.getSplitSerializer();
    }

    @Override
    public SourceReader<T, S> createReader(SourceReaderContext context) {
        SourceReader<T, S> reader = inner.createReader(context);
        return new SourceReader<>() {
            private long emitted;
            private final Counting counting = new Counting();

            final class Counting implements ReaderOutput<T> {
                ReaderOutput<T> out;

                @Override
                public void collect(T record) {
                    emitted++;
                    out.collect(record);
                }

                @Override
                public void collect(T record, long timestamp) {
                    emitted++;
                    out.collect(record, timestamp);
                }

                @Override
                public void emitWatermark(io.weir.api.eventtime.Watermark watermark) {
                    out.emitWatermark(watermark);
                }

                @Override
                public void markIdle() {
                    out.markIdle();
                }
            }

            @Override
            public void addSplits(List<S> splits) {
                reader.addSplits(splits);
            }

            @Override
            public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
                if (emitted >= perCheckpoint) {
                    return InputStatus.NOTHING_AVAILABLE;
                }
                counting.out = output;
                return reader.pollNext(counting);
            }

            @Override
            public List<S> snapshotState(long checkpointId) throws Exception {
                return reader.snapshotState(checkpointId);
            }

            @Override
            public void notifyCheckpointComplete(long checkpointId) throws Exception {
                emitted = 0;
                reader.notifyCheckpointComplete(checkpointId);
            }

            @Override
            public void close() throws Exception {
                reader.close();
            }
        };
    }
}
