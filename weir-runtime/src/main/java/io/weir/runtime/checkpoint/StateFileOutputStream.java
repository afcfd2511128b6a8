package io.weir.runtime.checkpoint;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * Writes one state file of a checkpoint, computing its CRC32C and size on the way.
 *
 * <p>Finish with {@link #closeAndGetHandle()}: it flushes, fsyncs and returns the {@link StateFileHandle} to put in the
 * checkpoint's metadata. {@link #close()} without a handle means "give up": the partial file is deleted. After
 * {@code closeAndGetHandle()}, {@code close()} does nothing, so try-with-resources is the natural use:
 *
 * <pre>{@code
 * try (StateFileOutputStream out = storage.createStateFile(id, "t2-0.state")) {
 *     snapshot.writeTo(out);
 *     return out.closeAndGetHandle();
 * }   // an exception before closeAndGetHandle() deletes the partial file
 * }</pre>
 *
 * <p>One thread writes one stream; the stream is not thread-safe. Writes are buffered, so small writes are cheap.
 */
public final class StateFileOutputStream extends OutputStream {
    private static final int BUFFER_SIZE = 64 * 1024;

    private enum State { OPEN, COMPLETED, DISCARDED }

    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
    private final CRC32C crc = new CRC32C();
    private long size;
    private State state = State.OPEN;

    StateFileOutputStream(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** The file being written. */
    public Path path() {
        return file;
    }

    /** Bytes written so far. */
    public long size() {
        return size;
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        if (!buffer.hasRemaining()) {
            drainBuffer();
        }
        buffer.put((byte) b);
        size++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        ensureOpen();
        if (len >= BUFFER_SIZE) {
            drainBuffer();
            writeToFile(ByteBuffer.wrap(b, off, len));
        } else {
            if (len > buffer.remaining()) {
                drainBuffer();
            }
            buffer.put(b, off, len);
        }
        size += len;
    }

    /** Hands buffered bytes to the operating system (no fsync; that happens in {@link #closeAndGetHandle()}). */
    @Override
    public void flush() throws IOException {
        ensureOpen();
        drainBuffer();
    }

    /**
     * Flushes and fsyncs the file, closes it, and returns its handle (name, size, CRC32C). If this fails, the partial
     * file is deleted and the exception thrown.
     *
     * @throws IllegalStateException if the stream was already closed or completed
     */
    public StateFileHandle closeAndGetHandle() throws IOException {
        if (state != State.OPEN) {
            throw new IllegalStateException("state file " + file + " is already " + state + "; closeAndGetHandle() needs an open stream");
        }
        try {
            drainBuffer();
            channel.force(true);
            channel.close();
            state = State.COMPLETED;
            return new StateFileHandle(file.getFileName().toString(), size, crc.getValue());
        } catch (IOException | RuntimeException e) {
            discard(e);
            throw e;
        }
    }

    /** Discards the file unless {@link #closeAndGetHandle()} completed it; then does nothing. */
    @Override
    public void close() throws IOException {
        if (state == State.OPEN) {
            IOException failure = discard(null);
            if (failure != null) {
                throw failure;
            }
        }
    }

    private IOException discard(Exception primary) {
        state = State.DISCARDED;
        IOException failure = null;
        try {
            channel.close();
        } catch (IOException e) {
            failure = e;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (primary != null && failure != null) {
            primary.addSuppressed(failure);
        }
        return failure;
    }

    private void drainBuffer() throws IOException {
        if (buffer.position() > 0) {
            buffer.flip();
            writeToFile(buffer);
            buffer.clear();
        }
    }

    private void writeToFile(ByteBuffer data) throws IOException {
        crc.update(data.duplicate());
        StorageFiles.writeFully(channel, data);
    }

    private void ensureOpen() throws IOException {
        if (state != State.OPEN) {
            throw new IOException("state file " + file + " is " + state.name().toLowerCase(java.util.Locale.ROOT) + ", cannot write to it");
        }
    }
}
