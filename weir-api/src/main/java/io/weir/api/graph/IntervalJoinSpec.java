package io.weir.api.graph;

import io.weir.api.functions.Function;
import io.weir.api.functions.co.ProcessJoinFunction;
import io.weir.api.util.OutputTag;

/**
 * What the {@link OperatorKind#INTERVAL_JOIN} operator needs: the user's {@link ProcessJoinFunction},
 * the bounds of the interval, both inclusive, in milliseconds relative to a left element's timestamp
 * (exclusive bounds given to the API are already moved by one millisecond), and the side outputs for
 * late elements of either input. Part of the executor SPI; built by {@code KeyedStream.IntervalJoined}.
 */
public final class IntervalJoinSpec implements Function {
    private static final long serialVersionUID = 1L;

    private final ProcessJoinFunction<?, ?, ?> function;
    private final long lowerBound;
    private final long upperBound;
    private final OutputTag<?> leftLateDataOutputTag;
    private final OutputTag<?> rightLateDataOutputTag;

    /**
     * @param lowerBound the smallest {@code tr - tl} that joins, inclusive
     * @param upperBound the largest {@code tr - tl} that joins, inclusive
     * @param leftLateDataOutputTag where late left elements go, or null to drop them
     * @param rightLateDataOutputTag where late right elements go, or null to drop them
     */
    public IntervalJoinSpec(ProcessJoinFunction<?, ?, ?> function, long lowerBound, long upperBound, OutputTag<?> leftLateDataOutputTag,
            OutputTag<?> rightLateDataOutputTag) {
        this.function = function;
        this.lowerBound = lowerBound;
        this.upperBound = upperBound;
        this.leftLateDataOutputTag = leftLateDataOutputTag;
        this.rightLateDataOutputTag = rightLateDataOutputTag;
    }

    /** The user's function, called once per joined pair. */
    public ProcessJoinFunction<?, ?, ?> getFunction() {
        return function;
    }

    /** The smallest right-minus-left timestamp difference that joins (inclusive). */
    public long getLowerBound() {
        return lowerBound;
    }

    /** The largest right-minus-left timestamp difference that joins (inclusive). */
    public long getUpperBound() {
        return upperBound;
    }

    /** The side output for late left elements, or null to drop them. */
    public OutputTag<?> getLeftLateDataOutputTag() {
        return leftLateDataOutputTag;
    }

    /** The side output for late right elements, or null to drop them. */
    public OutputTag<?> getRightLateDataOutputTag() {
        return rightLateDataOutputTag;
    }
}
