package io.weir.api.coverage;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Decides, by reflection on Weir's classes, whether Weir has a Flink API item under the mapped name with a compatible
 * signature.
 *
 * <p>Compatible means: a public or protected member of the same name and kind on the mapped Weir class or one of its
 * supertypes, static exactly when Flink's is, whose erased parameter types, one by one, are the mapped Flink
 * parameter type or a supertype of it ({@code Object} accepts anything). Generics and return types are not compared.
 */
final class WeirApiMatcher {

    /** How Weir stands to one item. */
    enum Verdict {
        /** A member with a compatible signature exists. */
        SUPPORTED,
        /** Incompatible on purpose, and listed with its reason in {@code accepted-differences.txt}. */
        SUPPORTED_DIFFERENTLY,
        /** Members of that name exist, none with a compatible signature. */
        INCOMPATIBLE,
        /** No class, or no member of that name. */
        MISSING
    }

    /** The verdict on one item, with what was found (Weir's overloads when incompatible). */
    record Result(ApiItem item, Verdict verdict, String detail) {}

    private final FlinkToWeirMapping mapping;
    private final ClassLoader loader;

    WeirApiMatcher(FlinkToWeirMapping mapping, ClassLoader loader) {
        this.mapping = mapping;
        this.loader = loader;
    }

    /** Classifies one item; an item with a Flink type that no mapping rule covers is MISSING and says so. */
    Result classify(ApiItem item) {
        List<String> unmapped = Stream.concat(Stream.of(item.owner()), item.params().stream())
                .filter(type -> mapping.weirName(type).isEmpty()).distinct().toList();
        if (!unmapped.isEmpty()) {
            return new Result(item, Verdict.MISSING, "no rule in flink-to-weir.txt maps " + unmapped);
        }
        String weirOwner = weirName(item.owner());
        List<String> weirParams = item.params().stream().map(this::weirName).toList();
        Optional<Class<?>> owner = load(weirOwner);
        if (owner.isEmpty() || !Modifier.isPublic(owner.get().getModifiers())) {
            return new Result(item, Verdict.MISSING, "no public class " + weirOwner);
        }
        List<? extends Member> candidates = switch (item.kind()) {
            case FIELD -> fields(owner.get(), item.name());
            case CONSTRUCTOR -> constructors(owner.get());
            case METHOD -> methods(owner.get(), item.name());
        };
        if (candidates.isEmpty()) {
            return new Result(item, Verdict.MISSING, "no " + item.name() + " on " + weirOwner);
        }
        for (Member candidate : candidates) {
            if (candidate.isStatic() == item.isStatic() && parametersAccept(candidate.params(), weirParams)) {
                return new Result(item, Verdict.SUPPORTED, candidate.describe());
            }
        }
        return new Result(item, Verdict.INCOMPATIBLE, "Weir has " + candidates.stream().map(Member::describe)
                .sorted().collect(Collectors.joining(", ")));
    }

    private String weirName(String flinkType) {
        return mapping.weirName(flinkType).orElseThrow();
    }

    private boolean parametersAccept(List<Class<?>> weirParams, List<String> mappedFlinkParams) {
        if (weirParams.size() != mappedFlinkParams.size()) {
            return false;
        }
        for (int i = 0; i < weirParams.size(); i++) {
            if (!accepts(weirParams.get(i), mappedFlinkParams.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a Weir parameter of this erased type accepts an argument of the mapped Flink type. */
    private boolean accepts(Class<?> weirParam, String mappedFlinkType) {
        if (weirParam.getTypeName().equals(mappedFlinkType) || weirParam == Object.class) {
            return true;
        }
        if (weirParam.isArray() != mappedFlinkType.endsWith("[]")) {
            return false;
        }
        if (weirParam.isArray()) {
            return accepts(weirParam.getComponentType(), mappedFlinkType.substring(0, mappedFlinkType.length() - 2));
        }
        return !weirParam.isPrimitive() && load(mappedFlinkType).map(weirParam::isAssignableFrom).orElse(false);
    }

    private Optional<Class<?>> load(String binaryName) {
        if (binaryName.endsWith("[]")) {
            return load(binaryName.substring(0, binaryName.length() - 2)).map(Class::arrayType);
        }
        try {
            return Optional.of(Class.forName(binaryName, false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** A Weir field, constructor or method reduced to what the comparison needs. */
    private record Member(String describe, boolean isStatic, List<Class<?>> params) {
        static Member of(Executable executable) {
            String name = executable instanceof Constructor<?> ? "<init>" : executable.getName();
            String params = Arrays.stream(executable.getParameterTypes()).map(Class::getTypeName)
                    .collect(Collectors.joining(","));
            return new Member(name + "(" + params + ")" + (Modifier.isStatic(executable.getModifiers()) ? " static" : ""),
                    Modifier.isStatic(executable.getModifiers()), List.of(executable.getParameterTypes()));
        }
    }

    private static List<Member> fields(Class<?> owner, String name) {
        return Arrays.stream(owner.getFields()).filter(f -> f.getName().equals(name))
                .map(f -> new Member(describe(f), Modifier.isStatic(f.getModifiers()), List.of())).toList();
    }

    private static String describe(Field field) {
        return field.getName() + (Modifier.isStatic(field.getModifiers()) ? " static" : "");
    }

    private static List<Member> constructors(Class<?> owner) {
        return Arrays.stream(owner.getDeclaredConstructors()).filter(c -> visibleToUsers(c.getModifiers()))
                .map(Member::of).toList();
    }

    /** Public and protected methods of that name on the class and all its supertypes, without bridges. */
    private static List<Member> methods(Class<?> owner, String name) {
        List<Member> result = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Class<?> type : typeAndSupertypes(owner)) {
            Stream.of(type.getDeclaredMethods())
                    .filter(m -> m.getName().equals(name) && !m.isBridge() && !m.isSynthetic()
                            && visibleToUsers(m.getModifiers()))
                    .map(Member::of)
                    .filter(m -> seen.add(m.describe()))
                    .forEach(result::add);
        }
        return result;
    }

    private static List<Class<?>> typeAndSupertypes(Class<?> owner) {
        List<Class<?>> result = new ArrayList<>();
        Deque<Class<?>> queue = new ArrayDeque<>(List.of(owner));
        while (!queue.isEmpty()) {
            Class<?> type = queue.removeFirst();
            if (result.contains(type)) {
                continue;
            }
            result.add(type);
            if (type.getSuperclass() != null) {
                queue.add(type.getSuperclass());
            }
            queue.addAll(List.of(type.getInterfaces()));
        }
        return result;
    }

    private static boolean visibleToUsers(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }
}
