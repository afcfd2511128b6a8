package io.weir.api.coverage;

import java.util.Arrays;
import java.util.List;

/**
 * One Flink API item of the checked-in list: a method, constructor or field of a Flink class, with erased parameter
 * types, in the form of one line of {@code flink-1.20-items.txt}:
 *
 * <pre>
 * streams      org.apache.flink.streaming.api.datastream.DataStream#map(org.apache.flink.api.common.functions.MapFunction)
 * windows      org.apache.flink.streaming.api.windowing.time.Time#seconds(long) static deprecated
 * types        org.apache.flink.api.java.tuple.Tuple2#f0
 * </pre>
 *
 * <p>Class names are binary names ({@code Outer$Inner}); a constructor is named {@code <init>}; varargs are arrays; a
 * field has no parentheses. The flag {@code static} is checked; {@code deprecated} only says that Flink deprecates the
 * item (kept because jobs still write it).
 */
record ApiItem(String category, Kind kind, String owner, String name, List<String> params, boolean isStatic,
               boolean deprecated) {

    /** What kind of member an item is. */
    enum Kind { METHOD, CONSTRUCTOR, FIELD }

    ApiItem {
        params = List.copyOf(params);
    }

    /** The signature part of the line, e.g. {@code a.B#m(int,java.lang.String)}: what identifies the item. */
    String signature() {
        return kind == Kind.FIELD ? owner + "#" + name : owner + "#" + name + "(" + String.join(",", params) + ")";
    }

    /** The item as one line of the list; {@link #parse} reads it back. */
    String toLine() {
        return String.format("%-12s %s%s%s", category, signature(), isStatic ? " static" : "",
                deprecated ? " deprecated" : "");
    }

    /** Reads one line written by {@link #toLine}; fails with the line on any other shape. */
    static ApiItem parse(String line) {
        String[] tokens = line.trim().split("\\s+");
        if (tokens.length < 2) {
            throw new IllegalArgumentException("expected '<category> <class>#<member>[(<params>)] [static] [deprecated]': " + line);
        }
        List<String> flags = Arrays.asList(tokens).subList(2, tokens.length);
        for (String flag : flags) {
            if (!flag.equals("static") && !flag.equals("deprecated")) {
                throw new IllegalArgumentException("unknown flag '" + flag + "' (allowed: static, deprecated): " + line);
            }
        }
        String signature = tokens[1];
        int hash = signature.indexOf('#');
        if (hash <= 0) {
            throw new IllegalArgumentException("no '#' between class and member: " + line);
        }
        String owner = signature.substring(0, hash);
        String member = signature.substring(hash + 1);
        int open = member.indexOf('(');
        Kind kind;
        String name;
        List<String> params;
        if (open < 0) {
            kind = Kind.FIELD;
            name = member;
            params = List.of();
        } else {
            if (!member.endsWith(")")) {
                throw new IllegalArgumentException("unbalanced parentheses: " + line);
            }
            name = member.substring(0, open);
            kind = name.equals("<init>") ? Kind.CONSTRUCTOR : Kind.METHOD;
            String inside = member.substring(open + 1, member.length() - 1);
            params = inside.isEmpty() ? List.of() : List.of(inside.split(","));
        }
        return new ApiItem(tokens[0], kind, owner, name, params, flags.contains("static"), flags.contains("deprecated"));
    }
}
