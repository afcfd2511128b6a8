package io.weir.api.functions.source;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Emits the text a TCP server sends, split at a delimiter, as Flink's {@code SocketTextStreamFunction}; made by
 * {@code env.socketTextStream(host, port)}. It connects once and ends when the server closes the connection (Flink can
 * retry; Weir does not). Nothing is checkpointed: after a restore it emits what the server sends next. {@code run} runs
 * on the source's own thread; {@link #cancel()} comes from another thread and closes the socket. A trailing
 * carriage return is removed from each line when the delimiter is '\n', so Windows line ends read as lines too.
 */
public class SocketTextStreamFunction implements SourceFunction<String> {
    private static final long serialVersionUID = 1L;
    private static final int CONNECT_TIMEOUT_MS = 10_000;

    private final String hostname;
    private final int port;
    private final String delimiter;
    private transient volatile Socket socket;
    private transient volatile boolean running;

    /**
     * A source reading from {@code hostname:port}, lines ending at {@code delimiter}.
     *
     * @throws IllegalArgumentException for a port outside 0..65535 or an empty delimiter
     */
    public SocketTextStreamFunction(String hostname, int port, String delimiter) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("socketTextStream: port " + port + " is not a TCP port (0 to 65535).");
        }
        if (delimiter == null || delimiter.isEmpty()) {
            throw new IllegalArgumentException("socketTextStream: the delimiter must not be empty.");
        }
        this.hostname = Objects.requireNonNull(hostname, "hostname");
        this.port = port;
        this.delimiter = delimiter;
    }

    @Override
    public void run(SourceContext<String> ctx) throws Exception {
        running = true;
        StringBuilder buffer = new StringBuilder();
        char[] chunk = new char[8192];
        try (Socket s = new Socket()) {
            socket = s;
            s.connect(new InetSocketAddress(hostname, port), CONNECT_TIMEOUT_MS);
            Reader in = new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8);
            int n;
            while (running && (n = read(in, chunk)) != -1) {
                buffer.append(chunk, 0, n);
                int end;
                while ((end = buffer.indexOf(delimiter)) >= 0) {
                    String line = buffer.substring(0, end);
                    if (delimiter.equals("\n") && line.endsWith("\r")) {
                        line = line.substring(0, line.length() - 1);
                    }
                    synchronized (ctx.getCheckpointLock()) {
                        ctx.collect(line);
                    }
                    buffer.delete(0, end + delimiter.length());
                }
            }
        }
        if (running && buffer.length() > 0) {
            synchronized (ctx.getCheckpointLock()) {
                ctx.collect(buffer.toString()); // the text after the last delimiter, when the server closes
            }
        }
    }

    private int read(Reader in, char[] chunk) throws IOException {
        try {
            return in.read(chunk);
        } catch (IOException e) {
            if (!running) {
                return -1; // cancel() closed the socket
            }
            throw new IOException("socketTextStream: reading from " + hostname + ":" + port + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void cancel() {
        running = false;
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing to unblock the reader; nothing else to do
            }
        }
    }
}
