/**
 * Functions over two connected streams ({@code DataStream.connect}), as in Flink's
 * {@code org.apache.flink.streaming.api.functions.co}: one method per input. The operator calls them
 * on its subtask's thread and never concurrently, so a function may share fields between its two
 * methods without synchronization.
 */
package io.weir.api.functions.co;
