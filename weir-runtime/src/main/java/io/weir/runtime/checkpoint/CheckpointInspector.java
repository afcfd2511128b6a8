package io.weir.runtime.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Human-readable reports about checkpoints on disk, for the {@code weir checkpoints} command. Both methods verify
 * what they show (sizes and CRC32C of every state file), so they read all state data of the checkpoints they cover.
 * Damage is reported in the text, never thrown.
 */
public final class CheckpointInspector {

    private CheckpointInspector() {}

    /**
     * One line per checkpoint, newest first: id, trigger time (ISO-8601, UTC), complete, intact (with the problem if
     * not), size. {@code baseOrJobDir} is a job folder (containing {@code chk-N} folders) or a base directory holding
     * several job folders, which are then listed one after the other.
     *
     * @throws IllegalArgumentException if the path does not exist or is not a directory
     * @throws UncheckedIOException     if a directory cannot be listed
     */
    public static String list(Path baseOrJobDir) {
        return listing(baseOrJobDir).text();
    }

    /**
     * What {@link #list(Path)} prints, and which listed jobs have checkpoints of which none is intact (nothing to
     * resume from).
     *
     * @param text               the report of {@link #list(Path)}
     * @param jobsWithoutIntact  the job folders that hold checkpoint folders but no intact checkpoint, in listing order
     */
    public record Listing(String text, List<Path> jobsWithoutIntact) {}

    /**
     * As {@link #list(Path)}, with the jobs that have no intact checkpoint named separately (for the exit code of
     * {@code weir checkpoints list}). Same exceptions as {@link #list(Path)}; any thread.
     */
    public static Listing listing(Path baseOrJobDir) {
        Path dir = baseOrJobDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("Cannot list checkpoints: " + dir + (Files.exists(dir)
                    ? " is not a directory" : " does not exist") + ". Give the checkpoint directory or a job folder in it.");
        }
        if (CheckpointExamination.checkpointIdOf(dir).isPresent()) {
            dir = dir.getParent(); // a chk-N folder: list its job
        }
        StringBuilder out = new StringBuilder();
        List<Path> withoutIntact = new ArrayList<>();
        if (!folders(dir).isEmpty()) {
            renderJob(dir, out, withoutIntact);
            return new Listing(out.toString(), List.copyOf(withoutIntact));
        }
        List<Path> jobs = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, Files::isDirectory)) {
            entries.forEach(jobs::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir + ": " + StorageFiles.reason(e), e);
        }
        jobs.removeIf(job -> folders(job).isEmpty());
        if (jobs.isEmpty()) {
            return new Listing("No checkpoints in " + dir + ".\n", List.of());
        }
        jobs.sort(null);
        for (Path job : jobs) {
            if (out.length() > 0) {
                out.append('\n');
            }
            renderJob(job, out, withoutIntact);
        }
        return new Listing(out.toString(), List.copyOf(withoutIntact));
    }

    private static void renderJob(Path jobDir, StringBuilder out, List<Path> withoutIntact) {
        List<CheckpointInfo> infos = CheckpointLoader.listCheckpoints(jobDir);
        long intact = infos.stream().filter(CheckpointInfo::intact).count();
        if (intact == 0 && !infos.isEmpty()) {
            withoutIntact.add(jobDir);
        }
        out.append("Job \"").append(JobFolderNames.decode(jobDir.getFileName().toString())).append("\" in ").append(jobDir)
                .append(": ").append(plural(infos.size(), "checkpoint")).append(", ").append(intact).append(" intact\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "TRIGGERED (UTC)", "COMPLETE", "INTACT", "SIZE", "PROBLEM"});
        for (CheckpointInfo info : infos) {
            String problem = info.problem() == null ? "" : relativize(info.problem(), jobDir);
            rows.add(new String[] {String.valueOf(info.checkpointId()), time(info.triggerTimestamp()),
                    yesNo(info.complete()), yesNo(info.intact()), size(info.totalBytes()), problem});
        }
        table(rows, "  ", out);
    }

    /**
     * Everything about one checkpoint: job, id, times, mode, format version, size, the tasks with their operators, and
     * one row per subtask (task, subtask, key groups, state file, size, checksum, ok or what is wrong).
     * {@code checkpointPath} is a {@code chk-N} folder, its {@code _metadata}, or a job folder (its newest complete
     * checkpoint is shown).
     *
     * @throws IllegalArgumentException if the path does not lead to a checkpoint folder
     */
    public static String inspect(Path checkpointPath) {
        Path folder = checkpointFolder(checkpointPath.toAbsolutePath().normalize());
        CheckpointExamination exam = CheckpointExamination.examine(folder);
        StringBuilder out = new StringBuilder();
        CheckpointMetadata md = exam.metadata();
        String id = CheckpointExamination.checkpointIdOf(folder).stream().mapToObj(String::valueOf).findFirst()
                .orElse(md == null ? "?" : String.valueOf(md.checkpointId()));
        String job = md != null ? md.jobName() : JobFolderNames.decode(folder.getParent().getFileName().toString());
        out.append("Checkpoint ").append(id).append(" of job \"").append(job).append("\"\n");
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {"folder:", folder.toString()});
        facts.add(new String[] {"status:", status(exam)});
        if (md != null) {
            facts.add(new String[] {"triggered:", time(md.triggerTimestamp())});
            facts.add(new String[] {"completed:", time(md.completedTimestamp()) + " (" + (md.completedTimestamp()
                    - md.triggerTimestamp()) + " ms after the trigger)"});
            facts.add(new String[] {"mode:", md.checkpointingMode()});
            facts.add(new String[] {"format version:", String.valueOf(md.formatVersion())});
        }
        facts.add(new String[] {"total size:", size(StorageFiles.directorySize(folder)) + (md == null ? ""
                : " (" + size(md.totalStateBytes()) + " of state in " + plural(exam.stateFiles().size(), "file") + ")")});
        table(facts, "  ", out);
        if (md != null) {
            renderSubtasks(md, exam, out);
        } else if (exam.complete()) {
            renderFilesOnly(folder, out);
        }
        return out.toString();
    }

    private static void renderSubtasks(CheckpointMetadata md, CheckpointExamination exam, StringBuilder out) {
        Map<String, CheckpointExamination.StateFileCheck> checks = new HashMap<>();
        exam.stateFiles().forEach(c -> checks.put(c.handle().fileName(), c));
        Map<String, SubtaskStateMetadata> tasks = new LinkedHashMap<>();
        md.subtasks().forEach(s -> tasks.putIfAbsent(s.taskId(), s));
        out.append("\n  Tasks:\n");
        List<String[]> taskRows = new ArrayList<>();
        taskRows.add(new String[] {"TASK", "ID", "PARALLELISM", "MAX PARALLELISM", "OPERATORS"});
        tasks.values().forEach(t -> taskRows.add(new String[] {t.taskName(), t.taskId(), String.valueOf(t.parallelism()),
                String.valueOf(t.maxParallelism()), String.join(" -> ", t.operators())}));
        table(taskRows, "    ", out);
        out.append("\n  Subtasks:\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"TASK", "SUBTASK", "KEY GROUPS", "INPUT ENDED", "STATE FILE", "SIZE", "CRC32C", "CHECK"});
        for (SubtaskStateMetadata s : md.subtasks()) {
            StateFileHandle h = s.stateFile();
            CheckpointExamination.StateFileCheck check = h == null ? null : checks.get(h.fileName());
            rows.add(new String[] {s.taskName(), s.subtaskIndex() + "/" + s.parallelism(),
                    s.hasKeyGroups() ? s.keyGroupStart() + "-" + s.keyGroupEnd() : "-", yesNo(s.endOfInput()),
                    h == null ? "(no state)" : h.fileName(), h == null ? "-" : size(h.sizeBytes()),
                    h == null ? "-" : h.crc32cHex(), check == null ? "-" : check.ok() ? "ok" : "bad: " + check.problem()});
        }
        table(rows, "    ", out);
    }

    private static void renderFilesOnly(Path folder, StringBuilder out) {
        out.append("\n  Files (not verified, since the metadata cannot be read):\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"FILE", "SIZE"});
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            List<Path> sorted = new ArrayList<>();
            files.forEach(sorted::add);
            sorted.sort(null);
            for (Path f : sorted) {
                rows.add(new String[] {f.getFileName().toString(), Files.isRegularFile(f) ? size(Files.size(f)) : "(dir)"});
            }
        } catch (IOException e) {
            rows.add(new String[] {"(cannot list: " + StorageFiles.reason(e) + ")", ""});
        }
        table(rows, "    ", out);
    }

    private static Path checkpointFolder(Path p) {
        if (Files.isRegularFile(p) && p.getFileName().toString().equals(CheckpointExamination.METADATA_FILE)) {
            return p.getParent();
        }
        if (!Files.isDirectory(p)) {
            throw new IllegalArgumentException("Cannot inspect " + p + ": " + (Files.exists(p) ? "not a checkpoint"
                    : "it does not exist") + ". Give a chk-<id> folder, its _metadata file, or a job folder.");
        }
        if (CheckpointExamination.checkpointIdOf(p).isPresent() || Files.exists(p.resolve(CheckpointExamination.METADATA_FILE))) {
            return p;
        }
        List<Path> folders = folders(p);
        if (folders.isEmpty()) {
            throw new IllegalArgumentException("Cannot inspect " + p + ": it holds no chk-<id> folders. Give a chk-<id>"
                    + " folder, its _metadata file, or a job folder; `weir checkpoints list` shows them.");
        }
        return folders.stream().filter(f -> Files.exists(f.resolve(CheckpointExamination.METADATA_FILE)))
                .findFirst().orElse(folders.get(0));
    }

    private static String status(CheckpointExamination exam) {
        if (!exam.complete()) {
            return "INCOMPLETE: no _metadata (the checkpoint was aborted, or the process stopped before it completed)";
        }
        if (!exam.intact()) {
            return "complete, DAMAGED: " + relativize(exam.problemFile() + ": " + exam.problem(), exam.directory().getParent());
        }
        return "complete, intact";
    }

    private static List<Path> folders(Path jobDir) {
        try {
            return CheckpointExamination.checkpointFolders(jobDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + jobDir + ": " + StorageFiles.reason(e), e);
        }
    }

    private static String relativize(String problem, Path dir) {
        String prefix = dir.toString() + dir.getFileSystem().getSeparator();
        return problem.startsWith(prefix) ? problem.substring(prefix.length()) : problem;
    }

    private static void table(List<String[]> rows, String indent, StringBuilder out) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    private static String time(long epochMillis) {
        return epochMillis <= 0 ? "-" : Instant.ofEpochMilli(epochMillis).toString();
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
