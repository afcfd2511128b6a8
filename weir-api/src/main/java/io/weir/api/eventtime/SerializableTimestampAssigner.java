package io.weir.api.eventtime;

import java.io.Serializable;

/** A {@link TimestampAssigner} that can be shipped with the job; the usual target of a lambda. */
@FunctionalInterface
public interface SerializableTimestampAssigner<T> extends TimestampAssigner<T>, Serializable {}
