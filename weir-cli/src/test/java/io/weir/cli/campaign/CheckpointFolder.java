package io.weir.cli.campaign;

import io.weir.cli.WeirCli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The campaign job's checkpoint folder as {@code weir checkpoints list} shows it, and the damage done to it between runs. */
final class CheckpointFolder {
    private static final Pattern ROW = Pattern.compile("^\\s*(\\d+)\\s+\\S+\\s+(yes|no)\\s+(yes|no)\\b");
    private final Path jobDir;

    CheckpointFolder(Path checkpointDir) {
        this.jobDir = checkpointDir.resolve(CampaignJob.JOB_NAME);
    }

    /** One checkpoint as listed: id, complete, intact. */
    record Listed(long id, boolean complete, boolean intact) {}

    /** A listing: checkpoint id to its row (ascending), plus the exit code of the command. */
    record Listing(TreeMap<Long, Listed> rows, int exitCode, String text) {
        Optional<Long> newestIntact() {
            return rows.values().stream().filter(Listed::intact).map(Listed::id).max(Comparator.naturalOrder());
        }

        Optional<Long> newestComplete() {
            return rows.values().stream().filter(Listed::complete).map(Listed::id).max(Comparator.naturalOrder());
        }

        String brief() {
            StringBuilder sb = new StringBuilder("[");
            rows.values().forEach(r -> sb.append(sb.length() > 1 ? " " : "").append(r.id()).append(r.intact() ? "" : r.complete() ? "(damaged)" : "(incomplete)"));
            return sb.append(']').toString();
        }
    }

    /** Runs {@code weir checkpoints list JOBDIR} (in this JVM, through the same command line as the launcher). */
    Listing list() {
        TreeMap<Long, Listed> rows = new TreeMap<>();
        if (!Files.isDirectory(jobDir)) {
            return new Listing(rows, 0, "(no job folder)");
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WeirCli.newCommandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute("checkpoints", "list", jobDir.toString());
        for (String line : out.toString().split("\n")) {
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                long id = Long.parseLong(m.group(1));
                rows.put(id, new Listed(id, m.group(2).equals("yes"), m.group(3).equals("yes")));
            }
        }
        return new Listing(rows, code, out + err.toString());
    }

    /**
     * Damages one file of the newest complete checkpoint (or of the oldest retained complete one) and returns what was
     * done, or empty if there is no complete checkpoint.
     */
    Optional<String> damage(FaultPlan.Damage damage, boolean newest, Random random) throws IOException {
        Listing listing = list();
        Optional<Long> target = newest ? listing.newestComplete()
                : listing.rows().values().stream().filter(Listed::complete).map(Listed::id).min(Comparator.naturalOrder());
        if (target.isEmpty()) {
            return Optional.empty();
        }
        Path chk = jobDir.resolve("chk-" + target.get());
        Path file;
        if (damage.name().contains("METADATA")) {
            file = chk.resolve("_metadata");
        } else {
            try (Stream<Path> files = Files.list(chk)) {
                List<Path> states = files.filter(p -> p.getFileName().toString().endsWith(".state")).sorted().toList();
                if (states.isEmpty()) {
                    return Optional.empty();
                }
                file = states.get(random.nextInt(states.size()));
            }
        }
        long size = Files.size(file);
        switch (damage) {
            case FLIP_STATE_BYTE, FLIP_METADATA_BYTE -> {
                long at = size == 0 ? 0 : random.nextLong(size);
                try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
                    f.seek(at);
                    int b = f.read();
                    f.seek(at);
                    f.write((b < 0 ? 0 : b) ^ (1 << random.nextInt(8)));
                }
                return Optional.of("flipped a bit at byte " + at + " of " + jobDir.relativize(file) + " (" + size + " bytes)");
            }
            case TRUNCATE_STATE, TRUNCATE_METADATA -> {
                long to = size == 0 ? 0 : random.nextLong(size);
                try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
                    f.setLength(to);
                }
                return Optional.of("truncated " + jobDir.relativize(file) + " from " + size + " to " + to + " bytes");
            }
            case DELETE_STATE, DELETE_METADATA -> {
                Files.delete(file);
                return Optional.of("deleted " + jobDir.relativize(file));
            }
            default -> throw new IllegalStateException("unknown damage " + damage);
        }
    }
}
