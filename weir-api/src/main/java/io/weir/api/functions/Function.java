package io.weir.api.functions;

import java.io.Serializable;

/** Marker for every user function. Functions are serializable so that a job graph can be shipped and copied per subtask. */
public interface Function extends Serializable {}
