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
        HASH
    }

    private final Transformation<T> input;
    private final Partitioning partitioning;
    private final KeySelector<T, ?> keySelector;

    public PartitionTransformation(Transformation<T> input, Partitioning partitioning, KeySelector<T, ?> keySelector) {
        super(partitioning.name().toLowerCase(java.util.Locale.ROOT), input.getParallelism());
        this.input = input;
        this.partitioning = partitioning;
        this.keySelector = keySelector;
    }

    public Transformation<T> getInput() {
        return input;
    }

    public Partitioning getPartitioning() {
        return partitioning;
    }

    public KeySelector<T, ?> getKeySelector() {
        return keySelector;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}
