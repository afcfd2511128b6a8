package io.weir.api.datastream;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.graph.SideOutputTransformation;
import io.weir.api.graph.Transformation;
import io.weir.api.util.OutputTag;

/** The result of an operation: settings here apply to the operator that produced the stream. */
public class SingleOutputStreamOperator<T> extends DataStream<T> {
    /** Set for operators that must run with parallelism 1 ({@code windowAll}). */
    boolean nonParallel;

    public SingleOutputStreamOperator(StreamExecutionEnvironment environment, Transformation<T> transformation) {
        super(environment, transformation);
    }

    public SingleOutputStreamOperator<T> setParallelism(int parallelism) {
        if (nonParallel && parallelism != 1) {
            throw new IllegalArgumentException("Operator '" + transformation.getName() + "' is not parallel (windowAll sends every element to one "
                    + "window operator): its parallelism must be 1, not " + parallelism + ".");
        }
        transformation.setParallelism(parallelism);
        return this;
    }

    public SingleOutputStreamOperator<T> setMaxParallelism(int maxParallelism) {
        transformation.setMaxParallelism(maxParallelism);
        return this;
    }

    public SingleOutputStreamOperator<T> name(String name) {
        transformation.setName(name);
        return this;
    }

    /** A stable id for the operator's state in checkpoints; set it on stateful operators of long-lived jobs. */
    public SingleOutputStreamOperator<T> uid(String uid) {
        transformation.setUid(uid);
        return this;
    }

    /**
     * The elements this operator emitted to the side output {@code sideOutputTag}: with
     * {@code ctx.output(tag, value)} in a process function, or late elements of a window with
     * {@code sideOutputLateData(tag)}. Tags are equal when their ids are.
     */
    public <X> DataStream<X> getSideOutput(OutputTag<X> sideOutputTag) {
        if (sideOutputTag == null) {
            throw new IllegalArgumentException("getSideOutput needs an OutputTag, but got null.");
        }
        return new DataStream<>(environment, new SideOutputTransformation<>(transformation, sideOutputTag));
    }

    /** Accepted for source compatibility with Flink jobs; Weir needs no type hints. */
    public SingleOutputStreamOperator<T> returns(Class<T> typeClass) {
        return this;
    }
}
