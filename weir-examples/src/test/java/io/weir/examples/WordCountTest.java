package io.weir.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's example runs and prints the running counts. */
class WordCountTest {
    @TempDir
    Path dir;

    @Test
    void theReadmeExampleRunsAndCountsWords() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true));
        try {
            WordCount.main(new String[] {dir.toUri().toString()});
        } finally {
            System.setOut(original);
        }
        String out = captured.toString();
        assertThat(out).contains("(to,2)").contains("(be,2)").contains("(question,1)");
    }
}
