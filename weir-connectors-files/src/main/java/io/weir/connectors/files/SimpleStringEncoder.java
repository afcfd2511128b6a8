package io.weir.connectors.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Writes {@code element.toString()} followed by {@code '\n'}, in UTF-8 unless another charset is given. */
public final class SimpleStringEncoder<IN> implements Encoder<IN> {
    private static final long serialVersionUID = 1L;

    private final String charsetName;
    private transient Charset charset;

    public SimpleStringEncoder() {
        this(StandardCharsets.UTF_8.name());
    }

    /** @throws java.nio.charset.UnsupportedCharsetException if this JVM does not know {@code charsetName} */
    public SimpleStringEncoder(String charsetName) {
        this.charset = Charset.forName(charsetName);
        this.charsetName = this.charset.name();
    }

    @Override
    public void encode(IN element, OutputStream stream) throws IOException {
        if (charset == null) {
            charset = Charset.forName(charsetName);
        }
        stream.write(element.toString().getBytes(charset));
        stream.write('\n');
    }
}
