package io.weir.api.functions.windowing.delta;

import java.io.Serializable;

/**
 * A distance between two elements, for {@code DeltaEvictor}.
 *
 * @param <DATA> the element type
 */
@FunctionalInterface
public interface DeltaFunction<DATA> extends Serializable {
    /** The distance from {@code oldDataPoint} to {@code newDataPoint}. */
    double getDelta(DATA oldDataPoint, DATA newDataPoint);
}
