package io.weir.connectors.files;

import io.weir.api.typeutils.TypeSerializer;
import org.slf4j.Logger;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Keeps part names unique and removes the leftovers of dead attempts.
 *
 * <p>Every subtask records one {@link Entry} per checkpoint in union list state, so that after a
 * restore every subtask sees the entries of all old subtasks: the next counter of each, and the
 * in-progress files each still had pending (pre-committed, not yet committed). From that, at
 * {@link #recover}, subtask {@code s}:
 * <ol>
 *   <li>continues its counter after the largest restored counter of any subtask, and after any
 *       part of its name space already in the directory (output of an earlier run, or of a newer
 *       checkpoint than the restored one), so that no name is ever reused;</li>
 *   <li>deletes every in-progress file of the name spaces it owns ({@code .part-s-*.inprogress})
 *       that no restored entry lists as pending. Such a file belongs to a transaction that began
 *       after the restored checkpoint's barrier, or to a run that was never restored; its elements
 *       are replayed. Subtask {@code s} owns name space {@code s}; subtask 0 also owns the name
 *       spaces of subtasks that no longer exist (index {@code >= parallelism}, after a rescale
 *       down). Other name spaces are left to their own subtasks, which may be writing already, and
 *       pending files are never touched, whichever subtask commits them.</li>
 * </ol>
 */
final class PartNameSpace {
    static final String STATE_NAME = "file-sink-part-names";

    /** One subtask's record: its name space, next counter and pending in-progress files (relative paths). */
    record Entry(int subtask, long nextCounter, List<String> pendingInProgress) {}

    private PartNameSpace() {}

    /**
     * Walks the base directory (skipping hidden directories), deletes unreferenced in-progress files
     * of {@code subtask}'s name space, and returns the first counter this subtask may use.
     */
    static long recover(Path base, int subtask, int parallelism, Iterable<Entry> restored, Set<String> pendingAnywhere, Logger log)
            throws IOException {
        long next = 0;
        for (Entry e : restored) {
            next = Math.max(next, e.nextCounter());
        }
        long[] maxSeen = {-1};
        List<Path> leftovers = new ArrayList<>();
        walkParts(base, "recovering", (file, n) -> {
            boolean owned = n.subtask() == subtask || (subtask == 0 && n.subtask() >= parallelism);
            if (owned && n.inProgress() && !pendingAnywhere.contains(relative(base, file))) {
                leftovers.add(file);
            } else if (n.subtask() == subtask) {
                maxSeen[0] = Math.max(maxSeen[0], n.counter());
            }
        });
        for (Path p : leftovers) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                throw new IOException("The file sink cannot delete leftover in-progress file " + p + " of a failed attempt: " + e
                        + ". Check that " + p.getParent() + " is writable by this process, or delete the file by hand.", e);
            }
        }
        if (!leftovers.isEmpty()) {
            log.info("File sink {} (subtask {}) removed {} in-progress part file(s) of failed attempts that the restored checkpoint "
                    + "does not list: {}", base, subtask, leftovers.size(), leftovers.size() <= 10 ? leftovers : leftovers.subList(0, 10) + " ...");
        }
        return Math.max(next, maxSeen[0] + 1);
    }

    /**
     * The committed parts that subtask {@code subtask} is answerable for (its own name space; subtask 0 also those of
     * subtasks {@code >= parallelism}) and that were opened after the checkpoint whose entries are {@code restored}:
     * a counter at or above that name space's restored next counter (the highest of all, for a name space the
     * checkpoint does not list). Used to report a rewind; sorted by path.
     */
    static List<Path> committedAfter(Path base, List<Entry> restored, int subtask, int parallelism) throws IOException {
        java.util.Map<Integer, Long> threshold = new java.util.HashMap<>();
        long highest = 0;
        for (Entry e : restored) {
            threshold.merge(e.subtask(), e.nextCounter(), Math::max);
            highest = Math.max(highest, e.nextCounter());
        }
        final long fallback = highest;
        List<Path> out = new ArrayList<>();
        walkParts(base, "reporting a rewind", (file, n) -> {
            boolean mine = n.subtask() == subtask || (subtask == 0 && n.subtask() >= parallelism);
            if (mine && !n.inProgress() && n.counter() >= threshold.getOrDefault(n.subtask(), fallback)) {
                out.add(file);
            }
        });
        java.util.Collections.sort(out);
        return out;
    }

    /**
     * Calls {@code visitor} for every part file (committed or in progress) under {@code base}, skipping hidden
     * directories. A file that vanishes while listed (renamed by a subtask committing it) is skipped; any other
     * listing error fails with a message naming {@code purpose}.
     */
    private static void walkParts(Path base, String purpose, java.util.function.BiConsumer<Path, PartFile.ParsedName> visitor) throws IOException {
        Files.walkFileTree(base, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(base) || !dir.getFileName().toString().startsWith(".") ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                PartFile.ParsedName n = PartFile.parse(file.getFileName().toString());
                if (n != null) {
                    visitor.accept(file, n);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw new IOException("The file sink cannot list " + file + " while " + purpose + ": " + e + ". Check the permissions of "
                        + base + ".", e);
            }
        });
    }

    static String relative(Path base, Path file) {
        StringBuilder sb = new StringBuilder();
        for (Path segment : base.relativize(file)) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(segment);
        }
        return sb.toString();
    }

    /** Format, version 1: version byte, subtask, next counter, pending count, pending paths. */
    static final class EntrySerializer implements TypeSerializer<Entry> {
        private static final long serialVersionUID = 1L;
        private static final int VERSION = 1;

        @Override
        public void serialize(Entry value, DataOutput out) throws IOException {
            out.writeByte(VERSION);
            out.writeInt(value.subtask());
            out.writeLong(value.nextCounter());
            out.writeInt(value.pendingInProgress().size());
            for (String p : value.pendingInProgress()) {
                out.writeUTF(p);
            }
        }

        @Override
        public Entry deserialize(DataInput in) throws IOException {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IOException("File sink name-space state has format version " + version + "; this Weir reads version " + VERSION + ".");
            }
            int subtask = in.readInt();
            long next = in.readLong();
            int n = in.readInt();
            List<String> pending = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                pending.add(in.readUTF());
            }
            return new Entry(subtask, next, List.copyOf(pending));
        }

        @Override
        public Entry copy(Entry value) {
            return value;
        }

        @Override
        public boolean isImmutableType() {
            return true;
        }

        @Override
        public TypeSerializer<Entry> duplicate() {
            return this;
        }

        @Override
        public String snapshotIdentifier() {
            return "weir-file-sink-part-names-v" + VERSION;
        }
    }
}
