package io.weir.cli.campaign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The committed output of the campaign job compared with the exact expected output: every id of {@code 0..records-1}
 * once, key {@code id % keys}, and per key the counts 1, 2, 3, ... in id order. Hidden files (in-progress and pending
 * parts) are not output.
 */
record CommittedOutput(long lines, long duplicates, long missing, long countsTooLow, long countsTooHigh, long foreign, long malformed,
        long hiddenFiles) {

    static CommittedOutput read(Path out, long records, long keys) throws IOException {
        int[] seen = new int[(int) records];
        long[] expectedCount = new long[(int) records];
        long[] perKey = new long[(int) keys];
        for (int id = 0; id < records; id++) {
            expectedCount[id] = ++perKey[(int) (id % keys)];
        }
        long lines = 0, duplicates = 0, low = 0, high = 0, foreign = 0, malformed = 0, hidden = 0;
        List<Path> files;
        if (!Files.isDirectory(out)) {
            files = List.of();
        } else {
            try (Stream<Path> all = Files.walk(out)) {
                files = all.filter(Files::isRegularFile).sorted().toList();
            }
        }
        for (Path f : files) {
            if (f.getFileName().toString().startsWith(".")) {
                hidden++;
                continue;
            }
            for (String line : Files.readAllLines(f)) {
                lines++;
                String[] parts = line.split(",");
                long id, key, count;
                try {
                    if (parts.length != 3) {
                        throw new NumberFormatException(line);
                    }
                    id = Long.parseLong(parts[0]);
                    key = Long.parseLong(parts[1]);
                    count = Long.parseLong(parts[2]);
                } catch (NumberFormatException e) {
                    malformed++;
                    continue;
                }
                if (id < 0 || id >= records || key != id % keys) {
                    foreign++;
                    continue;
                }
                if (seen[(int) id]++ > 0) {
                    duplicates++;
                }
                if (count < expectedCount[(int) id]) {
                    low++;
                } else if (count > expectedCount[(int) id]) {
                    high++;
                }
            }
        }
        long missing = 0;
        for (int s : seen) {
            if (s == 0) {
                missing++;
            }
        }
        return new CommittedOutput(lines, duplicates, missing, low, high, foreign, malformed, hidden);
    }

    boolean exact() {
        return duplicates == 0 && missing == 0 && countsTooLow == 0 && countsTooHigh == 0 && foreign == 0 && malformed == 0;
    }

    @Override
    public String toString() {
        return "lines=" + lines + " duplicates=" + duplicates + " missing=" + missing + " counts-too-low=" + countsTooLow
                + " counts-too-high=" + countsTooHigh + " foreign=" + foreign + " malformed=" + malformed + " hidden-files=" + hiddenFiles;
    }
}
