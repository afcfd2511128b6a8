package io.weir.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** {@code weir demo}: exactly-once output under injected failures and SIGKILL, checked record by record. */
@Command(name = "demo",
        description = {
            "Runs the demo job (io.weir.examples.DemoJob: generator -> keyed running count -> transactional file sink, a checkpoint "
                    + "every second, EXACTLY_ONCE) in a child JVM with `weir run -s latest`. While it runs, the job throws injected "
                    + "user exceptions (it restarts from its latest checkpoint) and the demo kills the child JVM with SIGKILL and "
                    + "starts it again with -s latest. One live line shows records/s, checkpoints, restarts, kills and elapsed time.",
            "At the end the generator stops, the final checkpoint commits the rest, and the demo reads the committed part files: "
                    + "every generated record must be there exactly once, with consistent per-key counts. Exit code 0 only if "
                    + "that verdict holds (3 if not)."},
        footerHeading = "%nExamples:%n",
        footer = {"  weir demo", "  weir demo --duration 20s --kills 1", "  weir demo --seed 42 --dir /tmp/weir-demo"})
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--duration", paramLabel = "TIME", defaultValue = "45s", converter = DurationConverter.class,
            description = "How long the generator runs, e.g. 45s, 2m, 1m30s (default: ${DEFAULT-VALUE}); finishing and checking "
                    + "take a few seconds more.")
    Duration duration;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Where the output, checkpoints and logs go; a new or empty directory (default: a new temporary one).")
    Path dir;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the failure plan (default: random; printed, so a run can be repeated).")
    Long seed;

    @Option(names = "--kills", paramLabel = "N", defaultValue = "2", description = "SIGKILLs of the job's JVM (default: ${DEFAULT-VALUE}).")
    int kills;

    @Option(names = "--failures", paramLabel = "N", defaultValue = "3",
            description = "Injected user exceptions (default: ${DEFAULT-VALUE}).")
    int failures;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "20000", description = "Records per second (default: ${DEFAULT-VALUE}).")
    long rate;

    @Option(names = "--keys", paramLabel = "N", defaultValue = "64", description = "Distinct keys (default: ${DEFAULT-VALUE}).")
    int keys;

    @Option(names = {"-p", "--parallelism"}, paramLabel = "N", defaultValue = "2",
            description = "Parallelism of the keyed count and the sink (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Override
    public Integer call() throws Exception {
        if (duration.toMillis() < 5_000) {
            throw CliException.usage("Invalid value for --duration: " + format(duration) + " (at least 5s, so that there is time to fail)");
        }
        if (kills < 0 || failures < 0) {
            throw CliException.usage("Invalid value for --kills or --failures: they must be 0 or more");
        }
        if (rate < 1 || keys < 1 || parallelism < 1) {
            throw CliException.usage("Invalid value for --rate, --keys or -p: they must be at least 1");
        }
        if (rate * duration.toSeconds() > 200_000_000L) {
            throw CliException.usage("--rate " + rate + " for " + format(duration) + " makes more than 200 million records; the check "
                    + "keeps one bit and one count per record in memory: lower the rate or the duration");
        }
        Path base = dir != null ? prepare(dir) : Files.createTempDirectory("weir-demo-");
        long s = seed != null ? seed : new java.util.Random().nextLong() & Long.MAX_VALUE;
        DemoRun.Settings settings = new DemoRun.Settings(base, duration, s, kills, failures, rate, keys, parallelism);
        return new DemoRun(settings, spec.commandLine().getOut(), System.console() != null).run();
    }

    private static Path prepare(Path dir) throws IOException {
        Path d = dir.toAbsolutePath().normalize();
        if (Files.exists(d) && !Files.isDirectory(d)) {
            throw CliException.usage("--dir " + d + " is not a directory");
        }
        if (Files.isDirectory(d)) {
            try (Stream<Path> entries = Files.list(d)) {
                if (entries.findAny().isPresent()) {
                    throw CliException.usage("--dir " + d + " is not empty; give a new or empty directory (the demo restores the "
                            + "latest checkpoint it finds there)");
                }
            }
        }
        return Files.createDirectories(d);
    }

    static String format(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + "s" : String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
    }

    /** Accepts 45s, 45 (seconds), 500ms, 2m, 1m30s, 1h. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)?");

        @Override
        public Duration convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT).replace(" ", "");
            Matcher m = PART.matcher(v);
            Duration total = Duration.ZERO;
            int end = 0;
            while (m.lookingAt()) {
                long n = Long.parseLong(m.group(1));
                String unit = m.group(2) == null ? "s" : m.group(2);
                total = total.plus(switch (unit) {
                    case "ms" -> Duration.ofMillis(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofSeconds(n);
                });
                end = m.end();
                m.region(end, v.length());
            }
            if (v.isEmpty() || end != v.length()) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a duration such as 45s, 2m, 1m30s or 500ms");
            }
            return total;
        }
    }
}
