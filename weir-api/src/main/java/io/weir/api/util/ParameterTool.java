package io.weir.api.util;

import io.weir.api.common.ExecutionConfig;
import io.weir.api.configuration.Configuration;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A job's own parameters (input paths, sizes, flags) read from the command line, a properties file, a map or the
 * system properties, under Flink's class name ({@code org.apache.flink.util.ParameterTool}). Typically created in
 * {@code main} and, to reach user functions, set with
 * {@code env.getConfig().setGlobalJobParameters(params)}:
 *
 * <pre>{@code
 * ParameterTool params = ParameterTool.fromArgs(args);     // --input /data/in --limit 1000 --verbose
 * String input = params.getRequired("input");
 * long limit = params.getLong("limit", 100);
 * boolean verbose = params.has("verbose");
 * }</pre>
 *
 * <p>The values are fixed at creation; the object is immutable apart from its record of which keys were asked for
 * ({@link #getUnrequestedParameters()}), which is thread-safe. Getters that parse a number throw
 * {@link NumberFormatException} on a value that does not parse, as Flink's do; {@link #getRequired} throws a
 * {@link RuntimeException} naming the key when it is missing.
 */
public class ParameterTool extends ExecutionConfig.GlobalJobParameters implements Cloneable {
    private static final long serialVersionUID = 1L;

    /** The value of a key given on the command line without a value (a flag such as {@code --verbose}). */
    protected static final String NO_VALUE_KEY = "__NO_VALUE_KEY";

    private final Map<String, String> data;
    private final Set<String> requested = ConcurrentHashMap.newKeySet();

    private ParameterTool(Map<String, String> data) {
        this.data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    // ------------------------------------------------------------------ factories

    /**
     * Reads {@code --key value} and {@code -key value} pairs; a key followed by another key or by nothing is a flag
     * (see {@link #has}). A value may itself start with {@code -} when it is a number ({@code --offset -5}).
     *
     * @throws IllegalArgumentException if an argument where a key is expected does not start with {@code -}, or is only
     *     dashes, naming the argument and its position
     */
    public static ParameterTool fromArgs(String[] args) {
        Map<String, String> map = new LinkedHashMap<>();
        int i = 0;
        while (i < args.length) {
            String arg = args[i];
            String key;
            if (arg.startsWith("--")) {
                key = arg.substring(2);
            } else if (arg.startsWith("-")) {
                key = arg.substring(1);
            } else {
                throw new IllegalArgumentException("Cannot read argument " + (i + 1) + " '" + arg + "' of " + java.util.Arrays.toString(args)
                        + ": a key is expected here; write keys as --key (or -key), each followed by its value unless it is a flag.");
            }
            if (key.isEmpty() || key.startsWith("-")) {
                throw new IllegalArgumentException("Argument " + (i + 1) + " '" + arg + "' of " + java.util.Arrays.toString(args)
                        + " names no key: write --key value.");
            }
            i++;
            if (i < args.length && (!args[i].startsWith("-") || isNumber(args[i]))) {
                map.put(key, args[i]);
                i++;
            } else {
                map.put(key, NO_VALUE_KEY);
            }
        }
        return new ParameterTool(map);
    }

    /**
     * The entries of a {@code .properties} file (ISO-8859-1 escapes as {@link Properties#load(InputStream)} reads them).
     *
     * @throws java.io.FileNotFoundException if the file does not exist, naming it
     */
    public static ParameterTool fromPropertiesFile(String path) throws IOException {
        return fromPropertiesFile(new File(path));
    }

    /** See {@link #fromPropertiesFile(String)}. */
    public static ParameterTool fromPropertiesFile(File file) throws IOException {
        if (!file.exists()) {
            throw new java.io.FileNotFoundException("Properties file " + file.getAbsolutePath() + " does not exist");
        }
        try (InputStream in = Files.newInputStream(file.toPath())) {
            return fromPropertiesFile(in);
        }
    }

    /** The entries of properties read from {@code in}, which the caller closes. */
    public static ParameterTool fromPropertiesFile(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(in);
        return fromProperties(p);
    }

    /** The entries of properties read as UTF-8 text from {@code reader}, which the caller closes (Weir-specific). */
    public static ParameterTool fromPropertiesFile(Reader reader) throws IOException {
        Properties p = new Properties();
        p.load(reader);
        return fromProperties(p);
    }

    /**
     * A copy of {@code map}.
     *
     * @throws NullPointerException if {@code map} or a key or value in it is null
     */
    public static ParameterTool fromMap(Map<String, String> map) {
        for (Map.Entry<String, String> e : map.entrySet()) {
            java.util.Objects.requireNonNull(e.getKey(), "a key of the parameter map");
            java.util.Objects.requireNonNull(e.getValue(), () -> "the value of parameter '" + e.getKey() + "'");
        }
        return new ParameterTool(map);
    }

    /** The JVM's system properties ({@code -Dkey=value}) as they are now. */
    public static ParameterTool fromSystemProperties() {
        return fromProperties(System.getProperties());
    }

    private static ParameterTool fromProperties(Properties p) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String name : new java.util.TreeSet<>(p.stringPropertyNames())) {
            map.put(name, p.getProperty(name));
        }
        return new ParameterTool(map);
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ reading

    /** How many parameters there are. */
    public int getNumberOfParameters() {
        return data.size();
    }

    /** Whether {@code key} was given, with or without a value. */
    public boolean has(String key) {
        requested().add(key);
        return data.containsKey(key);
    }

    /** The value of {@code key}, or null when it was not given (a flag's value is {@code "__NO_VALUE_KEY"}, as in Flink). */
    public String get(String key) {
        requested().add(key);
        return data.get(key);
    }

    /** The value of {@code key}, or {@code defaultValue} when it was not given. */
    public String get(String key, String defaultValue) {
        String v = get(key);
        return v == null ? defaultValue : v;
    }

    /**
     * The value of {@code key}.
     *
     * @throws RuntimeException if it was not given, naming the key
     */
    public String getRequired(String key) {
        String v = get(key);
        if (v == null) {
            throw new RuntimeException("No data for required key '" + key + "'");
        }
        return v;
    }

    /**
     * The value of {@code key} as an int.
     *
     * @throws RuntimeException if the key was not given, naming it
     * @throws NumberFormatException if the value is not an int
     */
    public int getInt(String key) {
        return Integer.parseInt(getRequired(key));
    }

    /**
     * The value of {@code key} as an int, or {@code defaultValue} when not given.
     *
     * @throws NumberFormatException if the value is not an int
     */
    public int getInt(String key, int defaultValue) {
        return parsed(key, defaultValue, Integer::parseInt);
    }

    /** As {@link #getInt(String)}, for a long. */
    public long getLong(String key) {
        return Long.parseLong(getRequired(key));
    }

    /** As {@link #getInt(String, int)}, for a long. */
    public long getLong(String key, long defaultValue) {
        return parsed(key, defaultValue, Long::parseLong);
    }

    /** As {@link #getInt(String)}, for a double. */
    public double getDouble(String key) {
        return Double.parseDouble(getRequired(key));
    }

    /** As {@link #getInt(String, int)}, for a double. */
    public double getDouble(String key, double defaultValue) {
        return parsed(key, defaultValue, Double::parseDouble);
    }

    /** As {@link #getInt(String)}, for a float. */
    public float getFloat(String key) {
        return Float.parseFloat(getRequired(key));
    }

    /** As {@link #getInt(String, int)}, for a float. */
    public float getFloat(String key, float defaultValue) {
        return parsed(key, defaultValue, Float::parseFloat);
    }

    /**
     * {@code true} only for the text {@code true} (any case), as {@link Boolean#parseBoolean}; a flag reads as false.
     *
     * @throws RuntimeException if the key was not given, naming it
     */
    public boolean getBoolean(String key) {
        return Boolean.parseBoolean(getRequired(key));
    }

    /** As {@link #getBoolean(String)}, or {@code defaultValue} when the key was not given. */
    public boolean getBoolean(String key, boolean defaultValue) {
        return parsed(key, defaultValue, Boolean::parseBoolean);
    }

    private <T> T parsed(String key, T defaultValue, java.util.function.Function<String, T> parse) {
        String v = get(key);
        return v == null ? defaultValue : parse.apply(v);
    }

    /** The keys that no getter or {@link #has} has asked for yet: typos in the arguments, usually. */
    public Set<String> getUnrequestedParameters() {
        Set<String> out = new java.util.TreeSet<>(data.keySet());
        out.removeAll(requested());
        return Collections.unmodifiableSet(out);
    }

    /** The parameters as properties. */
    public Properties getProperties() {
        Properties p = new Properties();
        p.putAll(data);
        return p;
    }

    /** The parameters as a {@link Configuration} (every entry as a string setting). */
    public Configuration getConfiguration() {
        return new Configuration(data);
    }

    /** A new tool with the parameters of this one and of {@code other}; {@code other}'s value wins for a key in both. */
    public ParameterTool mergeWith(ParameterTool other) {
        Map<String, String> merged = new HashMap<>(data);
        merged.putAll(other.data);
        return new ParameterTool(new java.util.TreeMap<>(merged));
    }

    /** The parameters, unmodifiable. */
    @Override
    public Map<String, String> toMap() {
        return data;
    }

    private Set<String> requested() {
        return requested;
    }

    @Override
    public ParameterTool clone() {
        return new ParameterTool(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterTool other && data.equals(other.data);
    }

    @Override
    public int hashCode() {
        return data.hashCode();
    }

    @Override
    public String toString() {
        return "ParameterTool" + data;
    }
}
