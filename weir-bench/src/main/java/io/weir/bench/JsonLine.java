package io.weir.bench;

/**
 * Builds the one-line JSON result: numbers, booleans and plain strings, in insertion order.
 * Hand-written rather than Jackson so that the W4 start-up figure does not include loading a
 * JSON library (the line is printed after the measurement, but it is part of the process time).
 */
public final class JsonLine {
    private final StringBuilder sb = new StringBuilder("{");

    public JsonLine put(String name, String value) {
        field(name);
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
        return this;
    }

    public JsonLine put(String name, long value) {
        field(name);
        sb.append(value);
        return this;
    }

    /** A decimal with three fractional digits (for sub-millisecond durations in ms). */
    public JsonLine put(String name, double value) {
        field(name);
        sb.append(String.format(java.util.Locale.ROOT, "%.3f", value));
        return this;
    }

    public JsonLine put(String name, boolean value) {
        field(name);
        sb.append(value);
        return this;
    }

    private void field(String name) {
        if (sb.length() > 1) {
            sb.append(',');
        }
        sb.append('"').append(name).append("\":");
    }

    @Override
    public String toString() {
        return sb + "}";
    }
}
