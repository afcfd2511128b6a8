package io.weir.connectors.files;

import io.weir.api.functions.sink.SinkFunction;

import java.io.Serializable;

/**
 * Chooses the bucket (sub-directory of the sink's base directory) of each element. Called on the
 * sink's task thread once per element.
 *
 * <p>A bucket id is a relative path: {@code ""} (the base directory itself), {@code "2024-05-01"},
 * or nested segments separated by {@code '/'} such as {@code "eu/2024-05-01"}. Segments must not be
 * empty, and must not start with {@code '.'}: names starting with a dot are the sink's hidden
 * in-progress files, and {@code ".."} would leave the base directory.
 */
@FunctionalInterface
public interface BucketAssigner<IN> extends Serializable {
    String getBucketId(IN element, SinkFunction.Context context);
}
