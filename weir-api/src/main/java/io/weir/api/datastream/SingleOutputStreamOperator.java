package io.weir.api.datastream;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.graph.Transformation;

/** The result of an operation: settings here apply to the operator that produced the stream. */
public class SingleOutputStreamOperator<T> extends DataStream<T> {

    public SingleOutputStreamOperator(StreamExecutionEnvironment environment, Transformation<T> transformation) {
        super(environment, transformation);
    }

    public SingleOutputStreamOperator<T> setParallelism(int parallelism) {
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

    /** Accepted for source compatibility with Flink jobs; Weir needs no type hints. */
    public SingleOutputStreamOperator<T> returns(Class<T> typeClass) {
        return this;
    }
}
