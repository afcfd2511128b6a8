package io.weir.api.connector.source.lib;

import io.weir.api.connector.source.Boundedness;
import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.ReaderOutput;
import io.weir.api.connector.source.Source;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.typeutils.TypeSerializer;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The numbers {@code from..to} (inclusive), cut into one contiguous range per subtask, as Flink's
 * {@code fromSequence}. The position in each range is checkpointed, so the source is replayable.
 */
public final class NumberSequenceSource implements Source<Long, NumberSequenceSource.Range> {
    private static final long serialVersionUID = 1L;
    private static final int BATCH = 512;

    private final long from;
    private final long to;

    public NumberSequenceSource(long from, long to) {
        if (from > to) {
            throw new IllegalArgumentException("fromSequence(" + from + ", " + to + "): 'from' must not be greater than 'to'.");
        }
        this.from = from;
        this.to = to;
    }

    /** The unread numbers {@code next..to} of one range (empty when {@code next > to}). */
    public record Range(long next, long to) {}

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public List<Range> createSplits(int parallelism) {
        List<Range> splits = new ArrayList<>(parallelism);
        long total = to - from + 1; // may overflow for the full long range; not supported
        for (int i = 0; i < parallelism; i++) {
            long start = from + (long) ((double) total * i / parallelism);
            long endExclusive = i == parallelism - 1 ? to + 1 : from + (long) ((double) total * (i + 1) / parallelism);
            if (total % parallelism == 0) {
                start = from + total / parallelism * i;
                endExclusive = start + total / parallelism;
            }
            splits.add(new Range(start, endExclusive - 1));
        }
        return splits;
    }

    @Override
    public SourceReader<Long, Range> createReader(SourceReaderContext context) {
        return new Reader();
    }

    @Override
    public TypeSerializer<Range> getSplitSerializer() {
        return new RangeSerializer();
    }

    private static final class Reader implements SourceReader<Long, Range> {
        private final ArrayDeque<Range> pending = new ArrayDeque<>();
        private long next;
        private long end = -1;
        private boolean active;

        @Override
        public void addSplits(List<Range> splits) {
            pending.addAll(splits);
        }

        @Override
        public InputStatus pollNext(ReaderOutput<Long> output) {
            if (!active) {
                Range r = pending.poll();
                if (r == null) {
                    return InputStatus.END_OF_INPUT;
                }
                next = r.next();
                end = r.to();
                active = true;
            }
            long stop = Math.min(end, next + BATCH - 1);
            while (next <= stop) {
                output.collect(next++);
            }
            if (next > end) {
                active = false;
                return pending.isEmpty() ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
            }
            return InputStatus.MORE_AVAILABLE;
        }

        @Override
        public List<Range> snapshotState(long checkpointId) {
            List<Range> state = new ArrayList<>(pending.size() + 1);
            if (active) {
                state.add(new Range(next, end));
            }
            state.addAll(pending);
            return state;
        }
    }

    static final class RangeSerializer implements TypeSerializer<Range> {
        private static final long serialVersionUID = 1L;

        @Override
        public void serialize(Range value, DataOutput out) throws IOException {
            out.writeLong(value.next());
            out.writeLong(value.to());
        }

        @Override
        public Range deserialize(DataInput in) throws IOException {
            return new Range(in.readLong(), in.readLong());
        }

        @Override
        public Range copy(Range value) {
            return value;
        }

        @Override
        public boolean isImmutableType() {
            return true;
        }

        @Override
        public TypeSerializer<Range> duplicate() {
            return this;
        }

        @Override
        public String snapshotIdentifier() {
            return "weir:number-sequence-range:v1";
        }
    }
}
