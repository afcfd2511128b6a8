package io.weir.bench;

import java.util.Locale;

/**
 * The end-to-end workloads of WORKLOADS.md on Weir, for side-by-side runs with the Flink anchor.
 * Prints one JSON line, last on stdout.
 *
 * <pre>
 * WeirBench &lt;W1|W1-nockpt|W3|W4|W5|selftest&gt; [events] [keys]
 * </pre>
 *
 * W2 (RocksDB) is not available: Weir has no disk state
 * backend yet.
 */
public final class WeirBench {
    private WeirBench() {}

    public static void main(String[] args) throws Exception {
        long mainStart = System.nanoTime();
        if (args.length < 1 || args.length > 3) {
            usage("expected a workload and at most two numbers");
        }
        String workload = args[0];
        String line;
        switch (workload) {
            case "selftest":
                System.out.println(selftest());
                return;
            case "W4":
                line = StartupWorkload.run(mainStart);
                break;
            case "W5":
                line = WindowWorkload.run(args.length > 1 ? parse(args[1], "events") : 10_000_000L);
                break;
            case "W2":
                System.err.println("W2 is not implemented for Weir: no RocksDB/disk state backend yet.");
                System.exit(2);
                return;
            default:
                KeyedCountWorkload.Kind kind = KeyedCountWorkload.Kind.of(workload);
                if (kind == null) {
                    usage("unknown workload '" + workload + "'");
                }
                long events = args.length > 1 ? parse(args[1], "events") : kind.defaultEvents();
                long keys = args.length > 2 ? parse(args[2], "keys") : 100_000L;
                line = KeyedCountWorkload.run(kind, events, keys).json();
        }
        System.out.println(line);
        System.out.flush();
        System.exit(0); // do not wait for anything that lingers: proc_wall_s measures the job, not a shutdown race
    }

    /** The SplitMix64 reference values of WORKLOADS.md §1, in the format of the Flink anchor's selftest. */
    static String selftest() {
        return String.format(Locale.ROOT,
                "splitmix64(0)=0x%016X splitmix64(1)=0x%016X key(0,100000)=%d key(1,100000)=%d key(0,1000)=%d key(1,1000)=%d",
                SplitMix64.splitmix64(0), SplitMix64.splitmix64(1), SplitMix64.key(0, 100000), SplitMix64.key(1, 100000),
                SplitMix64.key(0, 1000), SplitMix64.key(1, 1000));
    }

    private static long parse(String s, String what) {
        try {
            return Long.parseLong(s.replace("_", ""));
        } catch (NumberFormatException e) {
            usage(what + " = '" + s + "' is not a number");
            return -1;
        }
    }

    private static void usage(String problem) {
        System.err.println("WeirBench: " + problem + ".\nusage: WeirBench <W1|W1-nockpt|W3|W4|selftest> [events] [keys]"
                + "\n  defaults: W1, W1-nockpt 20000000 events; W3 5000000; keys 100000 W5 10000000 (W2 is not available: no disk state backend)");
        System.exit(2);
    }
}
