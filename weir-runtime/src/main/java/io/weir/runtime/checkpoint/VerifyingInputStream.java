package io.weir.runtime.checkpoint;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * Reads a state file and checks its size and CRC32C when the end is reached. Closing before the end reads the rest,
 * so a reader that stops early still learns about damage (it comes out of {@code close()}).
 */
final class VerifyingInputStream extends InputStream {
    private final Path file;
    private final StateFileHandle handle;
    private final InputStream in;
    private final CRC32C crc = new CRC32C();
    private long count;
    private boolean verified;
    private boolean closed;

    VerifyingInputStream(Path file, StateFileHandle handle) throws IOException {
        this.file = file;
        this.handle = handle;
        this.in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
    }

    @Override
    public int read() throws IOException {
        ensureOpen();
        int b = in.read();
        if (b < 0) {
            verifyAtEnd();
        } else {
            crc.update(b);
            count++;
            checkNotTooLong();
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        ensureOpen();
        int n = in.read(b, off, len);
        if (n < 0) {
            verifyAtEnd();
        } else if (n > 0) {
            crc.update(b, off, n);
            count += n;
            checkNotTooLong();
        }
        return n;
    }

    @Override
    public int available() throws IOException {
        ensureOpen();
        return in.available();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            if (!verified) {
                byte[] rest = new byte[8192];
                while (read(rest, 0, rest.length) >= 0) {
                    // reading to the end verifies
                }
            }
        } finally {
            closed = true;
            in.close();
        }
    }

    private void checkNotTooLong() throws CorruptCheckpointException {
        if (count > handle.sizeBytes()) {
            throw new CorruptCheckpointException(file, CheckpointExamination.sizeProblem(Math.max(count, fileSizeOr(count)), handle.sizeBytes()));
        }
    }

    private void verifyAtEnd() throws CorruptCheckpointException {
        if (verified) {
            return;
        }
        String sizeProblem = CheckpointExamination.sizeProblem(count, handle.sizeBytes());
        if (sizeProblem != null) {
            throw new CorruptCheckpointException(file, sizeProblem);
        }
        if (crc.getValue() != handle.crc32c()) {
            throw new CorruptCheckpointException(file, CheckpointExamination.crcProblem(handle.crc32c(), crc.getValue()));
        }
        verified = true;
    }

    private long fileSizeOr(long fallback) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return fallback;
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("state file stream " + file + " is closed");
        }
    }
}
