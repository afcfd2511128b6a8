package io.weir.api.graph;

import io.weir.api.functions.KeySelector;

import java.util.List;

/** Says how elements of the input are distributed to the subtasks of the next operator. */
public final class PartitionTransformation<T> extends Transformation<T> {

    /** Distribution of elements between two operators. */
    public enum Partitioning {
        /** Subtask i to subtask i; needs equal parallelism. */
        FORWARD,
        /** Round robin over all downstream subtasks. */
        REBALANCE,
        /** Every element to every downstream subtask. */
        BROADCAST,
        /** By key group of the key: every element of a key reaches the same subtask. */
        HASH,
        /** Each element to a downstream subtask chosen at random. */
        SHUFFLE,
        /** Every element to the first downstream subtask (index 0). */
        GLOBAL,
        /**
         * Round robin over a local subset of the downstream subtasks, as Flink's pointwise pattern: with more downstream
         * than upstream subtasks each upstream subtask feeds its own consecutive range; with fewer, each upstream subtask
         * feeds one.
         */
        RESCALE,
        /** The subtask a user {@link io.weir.api.functions.Partitioner} returns for the element's key. */
        CUSTOM
    }

    private final Transformation<T> input;
    private final Partitioning partitioning;
    private final KeySelector<T, ?> keySelector;

    private final io.weir.api.functions.Partitioner<?> partitioner;

    /**
     * @param keySelector the key for {@link Partitioning#HASH} and {@link Partitioning#CUSTOM}, else null
     */
    public PartitionTransformation(Transformation<T> input, Partitioning partitioning, KeySelector<T, ?> keySelector) {
        this(input, partitioning, keySelector, null);
    }

    /**
     * @param keySelector the key for {@link Partitioning#HASH} and {@link Partitioning#CUSTOM}, else null
     * @param partitioner for {@link Partitioning#CUSTOM} only
     * @throws NullPointerException for {@link Partitioning#CUSTOM} without a partitioner or key selector
     */
    public PartitionTransformation(Transformation<T> input, Partitioning partitioning, KeySelector<T, ?> keySelector,
            io.weir.api.functions.Partitioner<?> partitioner) {
        super(partitioning.name().toLowerCase(java.util.Locale.ROOT), input.getParallelism());
        if (partitioning == Partitioning.CUSTOM) {
            java.util.Objects.requireNonNull(partitioner, "partitionCustom: the partitioner must not be null");
            java.util.Objects.requireNonNull(keySelector, "partitionCustom: the key selector must not be null");
        }
        this.input = input;
        this.partitioning = partitioning;
        this.keySelector = keySelector;
        this.partitioner = partitioner;
    }

    /** The user's partitioner of {@link Partitioning#CUSTOM}, else null. */
    public io.weir.api.functions.Partitioner<?> getPartitioner() {
        return partitioner;
    }

    /** The transformation whose elements are distributed. */
    public Transformation<T> getInput() {
        return input;
    }

    /** How the elements are distributed. */
    public Partitioning getPartitioning() {
        return partitioning;
    }

    /** The key of {@link Partitioning#HASH} and {@link Partitioning#CUSTOM}; null for the others. */
    public KeySelector<T, ?> getKeySelector() {
        return keySelector;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}
