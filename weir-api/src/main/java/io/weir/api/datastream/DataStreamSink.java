package io.weir.api.datastream;

import io.weir.api.graph.SinkTransformation;
import io.weir.api.graph.Transformation;

/** The end of a pipeline; settings apply to the sink. Made by {@code addSink}, {@code sinkTo} and {@code print}. */
public class DataStreamSink<T> {
    private final SinkTransformation<T> transformation;

    /** The sink of {@code transformation}; made by the DataStream API. */
    public DataStreamSink(SinkTransformation<T> transformation) {
        this.transformation = transformation;
    }

    /** The sink's graph node (part of the executor SPI). */
    public SinkTransformation<T> getTransformation() {
        return transformation;
    }

    /** Names the sink (shown in logs and task names). */
    public DataStreamSink<T> name(String name) {
        transformation.setName(name);
        return this;
    }

    /** A stable id for the sink's state in checkpoints; set it on sinks with state (such as transactional ones). */
    public DataStreamSink<T> uid(String uid) {
        transformation.setUid(uid);
        return this;
    }

    /** The sink's parallelism. */
    public DataStreamSink<T> setParallelism(int parallelism) {
        transformation.setParallelism(parallelism);
        return this;
    }

    /** Runs the sink in a task of its own, not chained to the operator before it, as Flink's {@code disableChaining}. */
    public DataStreamSink<T> disableChaining() {
        transformation.setChainingStrategy(Transformation.ChainingStrategy.NEVER);
        return this;
    }

    /** Records the slot sharing group; the embedded executor has no slots, so it changes nothing (as on operators). */
    public DataStreamSink<T> slotSharingGroup(String slotSharingGroup) {
        transformation.setSlotSharingGroup(slotSharingGroup);
        return this;
    }

    /** A description of the sink for people reading the job's graph; changes nothing at run time. */
    public DataStreamSink<T> setDescription(String description) {
        transformation.setDescription(description);
        return this;
    }
}
