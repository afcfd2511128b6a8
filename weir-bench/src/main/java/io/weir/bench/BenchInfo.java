package io.weir.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Identification fields common to every result line. */
final class BenchInfo {
    static final int PARALLELISM = 2;

    private BenchInfo() {}

    /** The project version (filtered into a resource at build time), plus {@code +<commit>} when run.sh passes it. */
    static String engineVersion() {
        String version = "unknown";
        try (InputStream in = BenchInfo.class.getResourceAsStream("weir-bench.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                version = p.getProperty("version", version);
            }
        } catch (IOException e) {
            // keep "unknown": identification only
        }
        String commit = System.getProperty("weir.bench.commit", "");
        return commit.isBlank() ? version : version + "+" + commit;
    }

    static JsonLine header(String workload, long events, long keys) {
        return new JsonLine()
                .put("workload", workload)
                .put("engine", "weir")
                .put("engine_version", engineVersion())
                .put("jdk", System.getProperty("java.version"))
                .put("object_reuse", String.valueOf(Boolean.getBoolean("weir.bench.object-reuse")))
                .put("events", events)
                .put("keys", keys)
                .put("parallelism", PARALLELISM);
    }

    /**
     * {@code -Dweir.bench.object-reuse=true} turns Weir's copies of records (at task boundaries, into
     * state, windows and transactions) off, to measure what record ownership costs.
     */
    static void applyObjectReuse(io.weir.api.environment.StreamExecutionEnvironment env) {
        if (Boolean.getBoolean("weir.bench.object-reuse")) {
            env.getConfig().enableObjectReuse();
        }
    }
}
