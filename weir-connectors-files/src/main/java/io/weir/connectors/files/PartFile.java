package io.weir.connectors.files;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed part file: durable under its hidden in-progress name, waiting to be committed (renamed
 * to its visible name). Paths are relative to the sink's base directory, so a handle stays valid
 * on any subtask.
 *
 * <p>Names: {@code part-<subtask>-<counter>} once committed, {@code .part-<subtask>-<counter>.inprogress}
 * before. The subtask index is the name space of the subtask that created the file; the counter
 * grows within that name space and is restored from checkpoints, so a name is never used twice.
 *
 * @param bucketId the bucket, {@code ""} for the base directory
 * @param name the committed name, {@code part-<subtask>-<counter>}
 * @param size the file's length when it was closed
 */
record PartFile(String bucketId, String name, long size) {
    private static final Pattern COMMITTED = Pattern.compile("part-(\\d{1,9})-(\\d{1,18})");
    private static final Pattern IN_PROGRESS = Pattern.compile("\\.part-(\\d{1,9})-(\\d{1,18})\\.inprogress");

    static String committedName(int subtask, long counter) {
        return "part-" + subtask + "-" + counter;
    }

    static String inProgressName(String committedName) {
        return "." + committedName + ".inprogress";
    }

    String inProgressName() {
        return inProgressName(name);
    }

    Path bucketDirectory(Path base) {
        return bucketId.isEmpty() ? base : base.resolve(bucketId);
    }

    Path inProgressPath(Path base) {
        return bucketDirectory(base).resolve(inProgressName());
    }

    Path committedPath(Path base) {
        return bucketDirectory(base).resolve(name);
    }

    /** The in-progress file relative to the base directory, with {@code '/'} separators. */
    String relativeInProgress() {
        return bucketId.isEmpty() ? inProgressName() : bucketId + "/" + inProgressName();
    }

    /** A parsed file name of this sink: whether it is in progress, its name space and counter. */
    record ParsedName(boolean inProgress, int subtask, long counter) {}

    /** Parses a file name, or returns {@code null} if the sink did not write it. */
    static ParsedName parse(String fileName) {
        Matcher m = IN_PROGRESS.matcher(fileName);
        if (m.matches()) {
            return new ParsedName(true, Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)));
        }
        m = COMMITTED.matcher(fileName);
        if (m.matches()) {
            return new ParsedName(false, Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)));
        }
        return null;
    }
}
