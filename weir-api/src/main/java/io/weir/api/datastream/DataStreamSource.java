package io.weir.api.datastream;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.graph.SourceTransformation;
import io.weir.api.graph.Transformation;

/**
 * The stream produced by a source. Settings made here apply to the source; when the source was added with a
 * {@code WatermarkStrategy} ({@code fromSource(source, strategy, name)}), the timestamps and watermarks are made by an
 * operator chained to the source, which follows the source's parallelism.
 */
public class DataStreamSource<T> extends SingleOutputStreamOperator<T> {
    private final SourceTransformation<T> source;

    /** The stream of {@code transformation}; made by the environment's {@code fromSource}/{@code addSource}. */
    public DataStreamSource(StreamExecutionEnvironment environment, SourceTransformation<T> transformation) {
        super(environment, transformation);
        this.source = transformation;
    }

    /**
     * The stream of {@code source} as {@code withWatermarks} (an operator reading {@code source}) makes it: elements
     * with their timestamps, and watermarks.
     */
    public DataStreamSource(StreamExecutionEnvironment environment, SourceTransformation<T> source, Transformation<T> withWatermarks) {
        super(environment, withWatermarks);
        this.source = source;
    }

    /**
     * Sets the source's parallelism (and that of its chained watermark operator, if any).
     *
     * @throws IllegalArgumentException if the source is not parallel and {@code parallelism} is not 1
     */
    @Override
    public DataStreamSource<T> setParallelism(int parallelism) {
        if (!source.isParallel() && parallelism != 1) {
            throw new IllegalArgumentException("Source '" + source.getName() + "' is not parallel (" + source.getName()
                    + " is not a ParallelSourceFunction or a split-based source): its parallelism must be 1, not " + parallelism + ".");
        }
        source.setParallelism(parallelism);
        super.setParallelism(parallelism);
        return this;
    }

    /** Sets the source's max parallelism (and that of its chained watermark operator, if any). */
    @Override
    public DataStreamSource<T> setMaxParallelism(int maxParallelism) {
        source.setMaxParallelism(maxParallelism);
        super.setMaxParallelism(maxParallelism);
        return this;
    }

    /** Names the source. */
    @Override
    public DataStreamSource<T> name(String name) {
        source.setName(name);
        if (transformation != source) {
            transformation.setName("Timestamps/Watermarks: " + name);
        }
        return this;
    }

    /** A stable id for the source's state (its split positions) in checkpoints. */
    @Override
    public DataStreamSource<T> uid(String uid) {
        source.setUid(uid);
        return this;
    }
}
