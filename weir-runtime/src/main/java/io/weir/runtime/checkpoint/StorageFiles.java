package io.weir.runtime.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.zip.CRC32C;

/** File-system helpers of checkpoint storage: owner-only creation, fsync, tolerant deletes, OS error reasons. */
final class StorageFiles {
    private static final FileAttribute<?>[] NONE = new FileAttribute<?>[0];
    private static final FileAttribute<?> OWNER_ONLY_FILE = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final FileAttribute<?> OWNER_ONLY_DIR = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private StorageFiles() {}

    static boolean supportsPosix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    static FileAttribute<?>[] ownerOnlyFile(Path p) {
        return supportsPosix(p) ? new FileAttribute<?>[] {OWNER_ONLY_FILE} : NONE;
    }

    /** Creates {@code dir} (owner-only) if it does not exist; tolerates another thread creating it at the same time. */
    static void createOwnerOnlyDirectory(Path dir) throws IOException {
        try {
            Files.createDirectory(dir, supportsPosix(dir) ? new FileAttribute<?>[] {OWNER_ONLY_DIR} : NONE);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }

    /** A new file, created exclusively and owner-only from the start (no window in which others could open it). */
    static FileChannel createNewFile(Path file) throws IOException {
        return FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnlyFile(file));
    }

    static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    /**
     * Makes the entries of {@code dir} (created, renamed, deleted files) durable. Windows cannot open a directory
     * for this and persists directory changes with its own journal, so there it is a no-op.
     */
    static void fsyncDirectory(Path dir) throws IOException {
        if (WINDOWS) {
            return;
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    /** Deletes {@code path} and everything below it; entries that vanish meanwhile are fine. */
    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                try {
                    Files.deleteIfExists(dir);
                } catch (DirectoryNotEmptyException raced) {
                    // A writer added a file after we listed the folder: one more pass catches it.
                    deleteRecursively(dir);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Sum of the sizes of the regular files directly in {@code dir}. */
    static long directorySize(Path dir) {
        long total = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                try {
                    BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                    if (a.isRegularFile()) {
                        total += a.size();
                    }
                } catch (IOException vanished) {
                    // deleted while we listed: it does not count
                }
            }
        } catch (IOException e) {
            return total;
        }
        return total;
    }

    /** CRC32C and length of a whole file. */
    static long[] crc32cAndSize(Path file) throws IOException {
        CRC32C crc = new CRC32C();
        long size = 0;
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                crc.update(buf, 0, n);
                size += n;
            }
        }
        return new long[] {crc.getValue(), size};
    }

    /** The operating system's reason for {@code e}, in lower case, e.g. "permission denied", "not a directory". */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException || e instanceof FileAlreadyExistsException) {
            return "not a directory";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        String reason = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : e.getMessage();
        return reason == null ? e.getClass().getSimpleName() : reason.toLowerCase(Locale.ROOT);
    }

    /** The path the OS complained about, when it says. */
    static Path failedPath(IOException e, Path fallback) {
        if (e instanceof FileSystemException fse && fse.getFile() != null) {
            return Path.of(fse.getFile());
        }
        return fallback;
    }
}
