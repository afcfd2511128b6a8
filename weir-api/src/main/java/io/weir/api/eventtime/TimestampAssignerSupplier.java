package io.weir.api.eventtime;

import java.io.Serializable;

/** Creates a {@link TimestampAssigner} per parallel instance; lets non-serializable assigners be used. */
@FunctionalInterface
public interface TimestampAssignerSupplier<T> extends Serializable {

    TimestampAssigner<T> createTimestampAssigner(Context context);

    /** Nothing yet; present so that assigners written for Flink compile. */
    interface Context {}

    /** A supplier that always hands out the given serializable assigner. */
    static <T> TimestampAssignerSupplier<T> of(SerializableTimestampAssigner<T> assigner) {
        return context -> assigner;
    }
}
