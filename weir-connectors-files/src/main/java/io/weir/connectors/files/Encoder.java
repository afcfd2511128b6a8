package io.weir.connectors.files;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;

/**
 * Writes one element of a row-format file. Called on the sink's task thread, once per element, with
 * the stream of the part file that receives it; the encoder writes the element's bytes (including
 * any separator) and must neither close nor keep the stream.
 */
@FunctionalInterface
public interface Encoder<IN> extends Serializable {
    void encode(IN element, OutputStream stream) throws IOException;
}
