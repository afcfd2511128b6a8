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
import java.util.ArrayList;
import java.util.List;

/**
 * The elements of a collection, in order, from one subtask (as Flink's {@code fromCollection}).
 * The checkpointed position is the index of the next element. The elements are kept in the job
 * graph, so they must be serializable.
 */
public final class CollectionSource<T> implements Source<T, Integer> {
    private static final long serialVersionUID = 1L;
    private static final int BATCH = 512;

    private final ArrayList<T> elements;

    public CollectionSource(java.util.Collection<T> elements) {
        this.elements = new ArrayList<>(elements);
        for (int i = 0; i < this.elements.size(); i++) {
            if (this.elements.get(i) == null) {
                throw new IllegalArgumentException("fromCollection/fromElements: element " + i + " is null; streams cannot carry null elements.");
            }
        }
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public List<Integer> createSplits(int parallelism) {
        return List.of(0);
    }

    @Override
    public SourceReader<T, Integer> createReader(SourceReaderContext context) {
        return new SourceReader<>() {
            private int next = -1;

            @Override
            public void addSplits(List<Integer> splits) {
                for (Integer s : splits) {
                    next = Math.max(next, s);
                }
            }

            @Override
            public InputStatus pollNext(ReaderOutput<T> output) {
                if (next < 0) {
                    return InputStatus.END_OF_INPUT;
                }
                int stop = Math.min(elements.size(), next + BATCH);
                while (next < stop) {
                    output.collect(elements.get(next++));
                }
                return next >= elements.size() ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
            }

            @Override
            public List<Integer> snapshotState(long checkpointId) {
                return next < 0 ? List.of() : List.of(next);
            }
        };
    }

    @Override
    public TypeSerializer<Integer> getSplitSerializer() {
        return new TypeSerializer<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public void serialize(Integer value, DataOutput out) throws IOException {
                out.writeInt(value);
            }

            @Override
            public Integer deserialize(DataInput in) throws IOException {
                return in.readInt();
            }

            @Override
            public Integer copy(Integer value) {
                return value;
            }

            @Override
            public boolean isImmutableType() {
                return true;
            }

            @Override
            public TypeSerializer<Integer> duplicate() {
                return this;
            }

            @Override
            public String snapshotIdentifier() {
                return "weir:collection-position:v1";
            }
        };
    }
}
