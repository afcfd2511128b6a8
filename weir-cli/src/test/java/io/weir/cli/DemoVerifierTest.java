package io.weir.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's verdict on hand-written part files. */
class DemoVerifierTest {
    private static final int KEYS = 3;

    @TempDir
    Path out;

    /** Lines id,key,count of the failure-free output for ids 0..n-1. */
    private static List<String> expectedLines(int n) {
        List<String> lines = new ArrayList<>();
        long[] counts = new long[KEYS];
        for (int id = 0; id < n; id++) {
            lines.add(id + "," + id % KEYS + "," + ++counts[id % KEYS]);
        }
        return lines;
    }

    private void write(String name, List<String> lines) throws Exception {
        Path f = out.resolve(name);
        Files.createDirectories(f.getParent());
        Files.write(f, lines);
    }

    @Test
    void shouldHoldForEveryRecordOnceAcrossFilesInAnyOrder() throws Exception {
        List<String> lines = expectedLines(10);
        write("part-1-0", lines.subList(5, 10));
        write("bucket/part-0-0", lines.subList(0, 5));

        DemoVerifier.Verdict v = DemoVerifier.verify(out, 10, KEYS);

        assertThat(v.exactlyOnce()).as(v.toString()).isTrue();
        assertThat(v.files()).isEqualTo(2);
        assertThat(v.lines()).isEqualTo(10);
    }

    @Test
    void shouldIgnoreHiddenInProgressAndPendingFiles() throws Exception {
        List<String> lines = expectedLines(6);
        write("part-0-0", lines);
        write(".part-0-1.inprogress", lines.subList(0, 2));
        write(".pending/part-0-2", lines.subList(0, 2));

        DemoVerifier.Verdict v = DemoVerifier.verify(out, 6, KEYS);

        assertThat(v.exactlyOnce()).isTrue();
        assertThat(v.files()).isOne();
    }

    @Test
    void shouldCountDuplicatesMissingUnexpectedAndMalformed() throws Exception {
        List<String> lines = new ArrayList<>(expectedLines(10));
        lines.remove(4);                 // missing id 4
        lines.add(lines.get(0));         // duplicate of id 0
        lines.add("12,0,5");             // never generated
        lines.add("garbage");
        lines.add("7,2,3");              // key of 7 is 1, not 2
        write("part-0-0", lines);

        DemoVerifier.Verdict v = DemoVerifier.verify(out, 10, KEYS);

        assertThat(v.exactlyOnce()).isFalse();
        assertThat(v.missing()).isOne();
        assertThat(v.duplicates()).isOne();
        assertThat(v.unexpected()).isOne();
        assertThat(v.malformed()).isEqualTo(2);
    }

    @Test
    void shouldDetectARunningCountThatWasResetOrCountedTwice() throws Exception {
        List<String> lines = expectedLines(9);
        lines.set(6, "6,0,1");           // key 0's third record counted as its first (state lost)
        lines.set(7, "7,1,4");           // key 1's third record counted as its fourth (counted twice)
        write("part-0-0", lines);

        DemoVerifier.Verdict v = DemoVerifier.verify(out, 9, KEYS);

        assertThat(v.exactlyOnce()).isFalse();
        assertThat(v.countErrors()).isEqualTo(2);
        assertThat(v.missing()).isZero();
        assertThat(v.duplicates()).isZero();
    }

    @Test
    void shouldNotHoldWhenNothingWasGeneratedOrTheOutputIsMissing() throws Exception {
        assertThat(DemoVerifier.verify(out, 0, KEYS).exactlyOnce()).isFalse();
        assertThat(DemoVerifier.verify(out.resolve("absent"), 5, KEYS).missing()).isEqualTo(5);
    }
}
