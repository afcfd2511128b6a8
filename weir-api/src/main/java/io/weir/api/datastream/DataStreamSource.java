package io.weir.api.datastream;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.graph.SourceTransformation;

/** The stream produced by a source. */
public class DataStreamSource<T> extends SingleOutputStreamOperator<T> {

    public DataStreamSource(StreamExecutionEnvironment environment, SourceTransformation<T> transformation) {
        super(environment, transformation);
    }

    @Override
    public DataStreamSource<T> setParallelism(int parallelism) {
        SourceTransformation<T> t = (SourceTransformation<T>) transformation;
        if (!t.isParallel() && parallelism != 1) {
            throw new IllegalArgumentException("Source '" + t.getName() + "' is not parallel (" + t.getName()
                    + " is not a ParallelSourceFunction or a split-based source): its parallelism must be 1, not " + parallelism + ".");
        }
        super.setParallelism(parallelism);
        return this;
    }
}
