package io.weir.cli.campaign;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A size-limited tmpfs mounted with {@code mount -t tmpfs} (the campaign runs as root), filled up by a filler file to make
 * the disk full at a chosen moment, freed by deleting the filler, and unmounted at the end.
 */
final class Tmpfs implements AutoCloseable {
    private final Path mountPoint;
    private final Path filler;

    private Tmpfs(Path mountPoint) {
        this.mountPoint = mountPoint;
        this.filler = mountPoint.resolve("campaign-filler");
    }

    /** @throws IOException with the command's output if the mount is not permitted or fails */
    static Tmpfs mount(Path mountPoint, String size) throws IOException, InterruptedException {
        Files.createDirectories(mountPoint);
        String out = exec(List.of("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", mountPoint.toString()));
        if (out != null) {
            throw new IOException("MOUNT NOT PERMITTED: `mount -t tmpfs -o size=" + size + " tmpfs " + mountPoint + "` failed: " + out
                    + " (the disk-full faults need root or CAP_SYS_ADMIN)");
        }
        return new Tmpfs(mountPoint);
    }

    Path dir() {
        return mountPoint;
    }

    /** Writes the filler until the file system refuses (ENOSPC); returns the bytes written. */
    long fill() throws IOException {
        long written = 0;
        try (OutputStream out = Files.newOutputStream(filler)) {
            for (int chunk = 1 << 20; chunk >= 1; chunk /= 16) {
                byte[] bytes = new byte[chunk];
                try {
                    while (true) {
                        out.write(bytes);
                        out.flush();
                        written += chunk;
                    }
                } catch (IOException full) {
                    // this chunk size no longer fits: try a smaller one
                }
            }
        } catch (IOException closeOnFullDisk) {
            // closing may fail too on a full tmpfs; the file stays
        }
        return written;
    }

    void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        String out = exec(List.of("umount", mountPoint.toString()));
        if (out != null) {
            String lazy = exec(List.of("umount", "-l", mountPoint.toString()));
            if (lazy != null) {
                throw new IOException("cannot unmount " + mountPoint + ": " + out + " / " + lazy);
            }
        }
    }

    /** Runs a command; returns null on exit 0, else its exit code and output. */
    private static String exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "timed out";
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return p.exitValue() == 0 ? null : "exit " + p.exitValue() + ": " + out;
    }
}
