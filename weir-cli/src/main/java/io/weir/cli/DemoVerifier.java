package io.weir.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks the committed output of the demo job: lines {@code id,key,count} in the visible part files (names not starting
 * with '.') under the sink's base directory. Exactly-once holds when every id of {@code 0..generated-1} appears exactly
 * once, nothing else appears, every key is {@code id % keys}, and each key's counts in id order are 1, 2, 3, ...
 */
public final class DemoVerifier {

    private DemoVerifier() {}

    /**
     * What the committed output holds.
     *
     * @param generated   records the generator emitted (ids 0..generated-1)
     * @param files       committed part files read
     * @param lines       records (lines) found
     * @param duplicates  lines whose id was already seen
     * @param missing     ids of 0..generated-1 not found
     * @param unexpected  lines with an id outside 0..generated-1
     * @param malformed   lines that are not {@code id,key,count} with key = id % keys
     * @param countErrors records whose running count is not the number of earlier records of its key plus one
     * @param keys        number of keys
     */
    public record Verdict(long generated, int files, long lines, long duplicates, long missing, long unexpected, long malformed,
            long countErrors, long keys) {

        /** Whether the output is exactly the generated records, once each, with consistent per-key counts. */
        public boolean exactlyOnce() {
            return generated > 0 && lines == generated && duplicates == 0 && missing == 0 && unexpected == 0 && malformed == 0
                    && countErrors == 0;
        }
    }

    /** Reads every committed part file under {@code outDir}. */
    public static Verdict verify(Path outDir, long generated, long keys) throws IOException {
        if (generated < 0 || generated > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Cannot verify " + generated + " records: between 0 and " + Integer.MAX_VALUE + " are supported");
        }
        int n = (int) generated;
        BitSet seen = new BitSet(n);
        long[] counts = new long[n];
        long lines = 0;
        long duplicates = 0;
        long unexpected = 0;
        long malformed = 0;
        List<Path> files = committedFiles(outDir);
        for (Path f : files) {
            try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines++;
                    long[] rec = parse(line);
                    if (rec == null || rec[0] < 0 || rec[1] != Math.floorMod(rec[0], keys) || rec[2] < 1) {
                        malformed++;
                    } else if (rec[0] >= n) {
                        unexpected++;
                    } else if (seen.get((int) rec[0])) {
                        duplicates++;
                    } else {
                        seen.set((int) rec[0]);
                        counts[(int) rec[0]] = rec[2];
                    }
                }
            }
        }
        long countErrors = 0;
        long[] perKey = new long[(int) keys];
        for (int id = 0; id < n; id++) {
            int key = (int) (id % keys);
            perKey[key]++;
            if (seen.get(id) && counts[id] != perKey[key]) {
                countErrors++;
            }
        }
        long missing = n - seen.cardinality();
        return new Verdict(generated, files.size(), lines, duplicates, missing, unexpected, malformed, countErrors, keys);
    }

    /** The visible (committed) files under {@code outDir}, in name order; in-progress and pending files start with '.'. */
    public static List<Path> committedFiles(Path outDir) throws IOException {
        if (!Files.isDirectory(outDir)) {
            return new ArrayList<>();
        }
        try (Stream<Path> all = Files.walk(outDir)) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> !hidden(outDir.relativize(p)))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static long[] parse(String line) {
        int a = line.indexOf(',');
        int b = a < 0 ? -1 : line.indexOf(',', a + 1);
        if (b < 0 || line.indexOf(',', b + 1) >= 0) {
            return null;
        }
        try {
            return new long[] {Long.parseLong(line, 0, a, 10), Long.parseLong(line, a + 1, b, 10), Long.parseLong(line, b + 1, line.length(), 10)};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
