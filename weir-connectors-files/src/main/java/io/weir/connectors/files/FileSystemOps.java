package io.weir.connectors.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/** The file-system steps of the sink, each failing with a message that names the path and what to do. */
final class FileSystemOps {
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private FileSystemOps() {}

    /** Creates the base directory if needed and checks that it is a writable directory. */
    static void ensureBaseDirectory(Path base) throws IOException {
        try {
            Files.createDirectories(base);
        } catch (IOException e) {
            throw new IOException("The file sink cannot create its base directory " + base + ": " + e + ". Create it (or fix its parent) "
                    + "so that this process can write there, or choose another directory in FileSink.forRowFormat(...).", e);
        }
        if (!Files.isWritable(base)) {
            throw new AccessDeniedException(base.toString(), null, "the file sink's base directory is not writable by this process; "
                    + "fix its permissions or choose another directory in FileSink.forRowFormat(...)");
        }
    }

    /** Creates a bucket directory and makes its entry durable in every parent up to the base directory. */
    static void ensureBucketDirectory(Path base, Path bucketDir) throws IOException {
        if (Files.isDirectory(bucketDir)) {
            return;
        }
        try {
            Files.createDirectories(bucketDir);
        } catch (IOException e) {
            throw new IOException("The file sink cannot create bucket directory " + bucketDir + ": " + e + ". Check that " + base
                    + " is writable by this process and has free space, and that no file has the bucket's name.", e);
        }
        for (Path p = bucketDir.getParent(); p != null && p.startsWith(base); p = p.getParent()) {
            fsyncDirectory(p);
        }
    }

    /** Makes renames and new entries in {@code dir} durable (no-op on Windows, which cannot open directories). */
    static void fsyncDirectory(Path dir) throws IOException {
        if (WINDOWS) {
            return;
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            throw new IOException("Fsync of directory " + dir + " failed: " + e + ". The file system may be full or failing; check it, "
                    + "then restart the job: it restores its last checkpoint and repeats the step.", e);
        }
    }

    /**
     * Commits one part: renames it atomically from its hidden in-progress name to its visible name.
     *
     * @param recovering whether this is a repeated commit after a restore, where a part may already
     *     be committed (or been taken away by a consumer after its commit)
     * @return whether a rename happened (so the directory needs an fsync)
     */
    static boolean commit(Path base, PartFile part, boolean recovering, org.slf4j.Logger log) throws IOException {
        Path src = part.inProgressPath(base);
        Path dst = part.committedPath(base);
        if (!Files.exists(src)) {
            if (Files.exists(dst)) {
                log.debug("Part {} is already committed.", dst);
                return false;
            }
            if (recovering) {
                log.warn("Part {} of a restored transaction is neither in progress ({}) nor committed; assuming it was committed "
                        + "and then moved away by a consumer.", dst, src.getFileName());
                return false;
            }
            throw new IOException("Cannot commit part " + dst + ": its in-progress file " + src + " is gone. Something else deletes files "
                    + "in the sink's directory; give the sink a directory of its own.");
        }
        long actual = Files.size(src);
        if (actual != part.size()) {
            throw new IOException("Cannot commit part " + dst + ": its in-progress file " + src + " has " + actual + " bytes, but "
                    + part.size() + " were made durable when its checkpoint was taken. The file was changed or lost data "
                    + "(a file system without working fsync?). Weir does not publish it; inspect it and the sink's directory.");
        }
        if (Files.exists(dst)) {
            throw new IOException("Cannot commit part " + src + " to " + dst + ": a file of that name already exists and Weir never "
                    + "overwrites committed output. Was the job restored from an older checkpoint than its latest one, or does "
                    + "another job write into " + part.bucketDirectory(base) + "?");
        }
        try {
            Files.move(src, dst, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IOException("Committing part " + src + " to " + dst + " (atomic rename) failed: " + e + ". Check that the directory "
                    + "is writable by this process; the part stays pending and the commit is retried when the job restarts.", e);
        }
        return true;
    }
}
