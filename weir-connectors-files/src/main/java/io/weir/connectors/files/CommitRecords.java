package io.weir.connectors.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file sink's durable record of its commits, for the rewind fence of
 * {@link io.weir.api.functions.sink.TwoPhaseCommitSinkFunction}: one small file per subtask,
 * {@code <base>/.weir-commit-<i>}, holding the job lineage and the newest checkpoint whose parts that subtask
 * committed (or was about to). Hidden like in-progress files, so readers that skip names starting with {@code '.'}
 * never see it.
 *
 * <p>File format, version 1 (UTF-8 text, three lines): {@code weir-file-sink-commits 1}, {@code lineage <id>},
 * {@code checkpoint <id>}. Written to a temporary file, fsynced, renamed over the old one and the directory fsynced,
 * so a reader sees the old or the new record, never a mix. A record that cannot be parsed fails the restore with a
 * message naming the file: guessing could turn a rewind into silent duplicates.
 */
final class CommitRecords {
    private static final String HEADER = "weir-file-sink-commits 1";
    private static final Pattern NAME = Pattern.compile("\\.weir-commit-(\\d{1,9})");

    private CommitRecords() {}

    /** One subtask's record. */
    record Entry(int subtask, String lineage, long checkpointId) {}

    /** The highest checkpoint id recorded for {@code lineage} by any subtask, or empty. */
    static OptionalLong highest(Path base, String lineage) throws IOException {
        long max = Long.MIN_VALUE;
        for (Entry e : readAll(base)) {
            if (e.lineage().equals(lineage)) {
                max = Math.max(max, e.checkpointId());
            }
        }
        return max == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(max);
    }

    /** Every subtask's record; empty when the sink never recorded one. */
    static java.util.List<Entry> readAll(Path base) throws IOException {
        java.util.List<Entry> out = new java.util.ArrayList<>();
        if (!Files.isDirectory(base)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(base, ".weir-commit-*")) {
            for (Path f : files) {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (!m.matches()) {
                    continue; // temporary files of an interrupted write
                }
                Entry e = read(f, Integer.parseInt(m.group(1)));
                if (e != null) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    private static Entry read(Path file, int subtask) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException gone) {
            return null; // replaced between listing and reading: the new one is read by the next restore
        }
        String[] lines = text.split("\n");
        if (lines.length >= 3 && lines[0].equals(HEADER) && lines[1].startsWith("lineage ") && lines[2].startsWith("checkpoint ")) {
            try {
                return new Entry(subtask, lines[1].substring("lineage ".length()), Long.parseLong(lines[2].substring("checkpoint ".length())));
            } catch (NumberFormatException bad) {
                // reported below
            }
        }
        throw new IOException("The file sink's commit record " + file + " is damaged (expected '" + HEADER + "', a lineage and a checkpoint "
                + "id). It tells the sink which checkpoint's output it already committed, so that an older checkpoint is not restored "
                + "on top of it. If no older checkpoint is being restored, delete the file and resume; otherwise check the output for "
                + "duplicates first.");
    }

    /** Replaces {@code subtask}'s record durably. */
    static void write(Path base, int subtask, String lineage, long checkpointId) throws IOException {
        Path target = base.resolve(".weir-commit-" + subtask);
        Path tmp = base.resolve(".weir-commit-" + subtask + ".tmp");
        byte[] bytes = (HEADER + "\nlineage " + lineage + "\ncheckpoint " + checkpointId + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IOException("The file sink cannot write its commit record " + target + ": " + e + ". Check that " + base
                    + " is writable and has free space; nothing of this checkpoint was committed yet, and the commit is retried when "
                    + "the job restarts.", e);
        }
        FileSystemOps.fsyncDirectory(base);
    }

    /** Removes the record of a subtask that no longer exists (after a rewind at a lower parallelism). */
    static void delete(Path base, int subtask) throws IOException {
        Files.deleteIfExists(base.resolve(".weir-commit-" + subtask));
    }
}
