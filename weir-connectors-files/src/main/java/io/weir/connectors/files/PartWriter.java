package io.weir.connectors.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One open in-progress part file: a {@link FileChannel} behind a heap buffer, with an exact byte
 * count for the rolling policy. Task thread only. {@link #closeDurably()} makes the bytes durable
 * (drain, force, close); {@link #discard()} throws them away.
 */
final class PartWriter {
    private static final int BUFFER_SIZE = 64 * 1024;

    private final Path path;
    private final String partName;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
    private final long createdAt;
    private long size;
    private boolean closed;

    /** What the encoder writes to; closing it does nothing (the sink owns the file). */
    private final OutputStream stream = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            if (!buffer.hasRemaining()) {
                drain();
            }
            buffer.put((byte) b);
            size++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > buffer.remaining()) {
                drain();
            }
            if (len >= BUFFER_SIZE) {
                writeFully(ByteBuffer.wrap(b, off, len));
            } else {
                buffer.put(b, off, len);
            }
            size += len;
        }
    };

    PartWriter(Path path, String partName, FileChannel channel, long createdAt) {
        this.path = path;
        this.partName = partName;
        this.channel = channel;
        this.createdAt = createdAt;
    }

    /**
     * Creates the in-progress file of part {@code partName} in {@code directory}; it must not exist yet
     * (names are unique, so an existing file means someone else writes here).
     */
    static PartWriter create(Path directory, String partName, long createdAt) throws IOException {
        Path path = directory.resolve(PartFile.inProgressName(partName));
        try {
            return new PartWriter(path, partName, FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), createdAt);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("Cannot create part file " + path + ": it already exists. Part names are unique per sink, so another "
                    + "job or sink is probably writing into the same directory; give each sink its own base directory.", e);
        } catch (IOException e) {
            throw new IOException("Cannot create part file " + path + ": " + e + ". Check that the directory exists, is writable by "
                    + "this process and has free space.", e);
        }
    }

    Path path() {
        return path;
    }

    /** The committed name of this part, {@code part-<subtask>-<counter>}. */
    String partName() {
        return partName;
    }

    long size() {
        return size;
    }

    long createdAt() {
        return createdAt;
    }

    <IN> void write(IN element, Encoder<IN> encoder) throws IOException {
        try {
            encoder.encode(element, stream);
        } catch (IOException e) {
            throw new IOException("Writing part file " + path + " failed after " + size + " bytes: " + e + ". If the disk is full, free "
                    + "space or move the sink's base directory to another disk; the job restarts from its last checkpoint and writes "
                    + "the uncommitted elements again.", e);
        }
    }

    /** Writes out the buffer, forces data and metadata to the device, and closes the file. */
    void closeDurably() throws IOException {
        try {
            drain();
            channel.force(true);
        } catch (IOException e) {
            IOException failure = new IOException("Flushing and fsyncing part file " + path + " failed: " + e + ". If the disk is full, "
                    + "free space or move the sink's base directory to another disk; the checkpoint fails and the job restarts "
                    + "from the previous one.", e);
            closeQuietly(failure);
            throw failure;
        }
        closed = true;
        channel.close();
    }

    /** Closes and deletes the file; used for transactions that will never be committed. */
    void discard() throws IOException {
        IOException failure = null;
        if (!closed) {
            closed = true;
            try {
                channel.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            IOException wrapped = new IOException("Cannot delete aborted part file " + path + ": " + e + ". It is hidden and harmless to "
                    + "readers; delete it by hand, or it is removed when the sink next restores.", e);
            if (failure != null) {
                wrapped.addSuppressed(failure);
            }
            throw wrapped;
        }
        if (failure != null) {
            throw new IOException("Closing aborted part file " + path + " failed: " + failure, failure);
        }
    }

    private void closeQuietly(IOException failure) {
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private void drain() throws IOException {
        buffer.flip();
        writeFully(buffer);
        buffer.clear();
    }

    private void writeFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }
}
