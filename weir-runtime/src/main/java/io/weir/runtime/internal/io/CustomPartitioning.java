package io.weir.runtime.internal.io;

import io.weir.api.functions.KeySelector;
import io.weir.api.functions.Partitioner;

/**
 * The key selector and partitioner of a {@code partitionCustom} edge, travelling as the edge's key selector. Used by
 * {@link RecordWriter} in {@link RecordWriter.Mode#CUSTOM} on the sending subtask's thread.
 */
public final class CustomPartitioning implements KeySelector<Object, Object> {
    private static final long serialVersionUID = 1L;

    private final KeySelector<Object, Object> keySelector;
    private final Partitioner<Object> partitioner;

    @SuppressWarnings("unchecked")
    public CustomPartitioning(KeySelector<?, ?> keySelector, Partitioner<?> partitioner) {
        this.keySelector = (KeySelector<Object, Object>) keySelector;
        this.partitioner = (Partitioner<Object>) partitioner;
    }

    @Override
    public Object getKey(Object value) throws Exception {
        return keySelector.getKey(value);
    }

    /** The receiving channel of {@code record}, checked to be in range. */
    int channel(Object record, int channels) throws Exception {
        int c = partitioner.partition(keySelector.getKey(record), channels);
        if (c < 0 || c >= channels) {
            throw new IllegalArgumentException("The partitioner " + partitioner.getClass().getName() + " of partitionCustom returned " + c
                    + " for record " + record + "; it must return a subtask index from 0 to " + (channels - 1) + " (numPartitions - 1).");
        }
        return c;
    }
}
