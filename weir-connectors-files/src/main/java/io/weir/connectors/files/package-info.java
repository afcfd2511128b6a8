/**
 * Exactly-once file output: {@link io.weir.connectors.files.FileSink}, a row-format sink that
 * commits part files with the checkpoints of the job, with its {@link io.weir.connectors.files.Encoder}
 * (one element to bytes) and {@link io.weir.connectors.files.BucketAssigner} (one element to a
 * sub-directory).
 */
package io.weir.connectors.files;
