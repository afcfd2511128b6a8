package io.weir.api.typeutils;

import io.weir.api.typeinfo.TypeInformation;

/**
 * Implemented by a function or source that can tell the type of what it produces, as in Flink. Weir reads it when the
 * job is built: the stream the function produces gets that type, as if {@code returns(getProducedType())} had been
 * called.
 *
 * @param <T> the produced type
 */
public interface ResultTypeQueryable<T> {
    /** The type of the produced elements; called on the thread that builds the job. */
    TypeInformation<T> getProducedType();
}
