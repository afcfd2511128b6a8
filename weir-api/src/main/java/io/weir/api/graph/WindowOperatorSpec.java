package io.weir.api.graph;

import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.Function;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.util.OutputTag;
import io.weir.api.windowing.WindowAssigner;
import io.weir.api.windowing.evictors.Evictor;
import io.weir.api.windowing.triggers.Trigger;

/**
 * What the {@link OperatorKind#WINDOW} operator needs: the assigner, how window contents are kept
 * (reduced, aggregated, or all elements), the optional window function applied when a window fires,
 * the allowed lateness, the side output for late elements, and the trigger and evictor if set.
 */
public final class WindowOperatorSpec implements Function {
    private static final long serialVersionUID = 1L;

    /** How the contents of a window are stored. */
    public enum Contents {
        /** One value per window, folded with a {@link ReduceFunction}. */
        REDUCE,
        /** One accumulator per window, of an {@link AggregateFunction}. */
        AGGREGATE,
        /** Every element, for a window function that needs them all. */
        ELEMENTS
    }

    private final WindowAssigner<?, ?> assigner;
    private final Contents contents;
    private final Function incrementalFunction;
    private final Function windowFunction;
    private final long allowedLatenessMillis;
    private final OutputTag<?> lateDataOutputTag;
    private final Trigger<?, ?> trigger;
    private final Evictor<?, ?> evictor;

    /**
     * @param incrementalFunction the {@link ReduceFunction} or {@link AggregateFunction}, or null for {@link Contents#ELEMENTS}
     * @param windowFunction      a {@code ProcessWindowFunction}, {@code ProcessAllWindowFunction}, {@code WindowFunction} or
     *                            {@code AllWindowFunction}, or null to emit the incremental result itself
     * @param trigger             the trigger set by {@code trigger(...)}, or null for the assigner's default
     * @param evictor             the evictor set by {@code evictor(...)}, or null for none
     */
    public WindowOperatorSpec(WindowAssigner<?, ?> assigner, Contents contents, Function incrementalFunction, Function windowFunction,
            long allowedLatenessMillis, OutputTag<?> lateDataOutputTag, Trigger<?, ?> trigger, Evictor<?, ?> evictor) {
        this.assigner = assigner;
        this.contents = contents;
        this.incrementalFunction = incrementalFunction;
        this.windowFunction = windowFunction;
        this.allowedLatenessMillis = allowedLatenessMillis;
        this.lateDataOutputTag = lateDataOutputTag;
        this.trigger = trigger;
        this.evictor = evictor;
    }

    /** The window assigner. */
    public WindowAssigner<?, ?> getAssigner() {
        return assigner;
    }

    /** How window contents are kept. */
    public Contents getContents() {
        return contents;
    }

    /** The reduce or aggregate function, or null when every element is kept. */
    public Function getIncrementalFunction() {
        return incrementalFunction;
    }

    /** The window function applied on firing, or null to emit the incremental result itself. */
    public Function getWindowFunction() {
        return windowFunction;
    }

    /** How long after a window's end late elements still update it, in ms. */
    public long getAllowedLatenessMillis() {
        return allowedLatenessMillis;
    }

    /** The side output for late elements, or null to drop them. */
    public OutputTag<?> getLateDataOutputTag() {
        return lateDataOutputTag;
    }

    /** The trigger set on the stream, or null for the assigner's default trigger. */
    public Trigger<?, ?> getTrigger() {
        return trigger;
    }

    /** The evictor, or null for none. */
    public Evictor<?, ?> getEvictor() {
        return evictor;
    }
}
