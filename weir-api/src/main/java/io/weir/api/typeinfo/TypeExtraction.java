package io.weir.api.typeinfo;

import io.weir.api.functions.InvalidTypesException;
import io.weir.api.tuple.Tuple;
import io.weir.api.typeutils.EnumTypeInfo;
import io.weir.api.typeutils.ListTypeInfo;
import io.weir.api.typeutils.MapTypeInfo;
import io.weir.api.typeutils.PojoTypeInfo;
import io.weir.api.typeutils.TupleTypeInfo;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/** Turns a class or a reflected generic type into a {@link TypeInformation}. Stateless; any thread. */
final class TypeExtraction {
    private TypeExtraction() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T> TypeInformation<T> forClass(Class<T> c) {
        if (c == null) {
            throw new NullPointerException("TypeInformation.of needs a class, got null.");
        }
        BasicTypeInfo<T> basic = BasicTypeInfo.getInfoFor(c);
        if (basic != null) {
            return basic;
        }
        if (c.isEnum()) {
            return new EnumTypeInfo(c);
        }
        if (Tuple.class.isAssignableFrom(c)) {
            if (c.getTypeParameters().length == 0 && c.getGenericSuperclass() instanceof ParameterizedType && c != Tuple.class) {
                return (TypeInformation<T>) tupleSubclass(c); // class Pair extends Tuple2<String, Long>
            }
            if (c == Tuple.getTupleClass(0)) {
                return (TypeInformation<T>) new TupleTypeInfo<>();
            }
            throw new InvalidTypesException("The field types of " + c.getSimpleName() + " cannot be read from its class: use"
                    + " new TypeHint<" + c.getSimpleName() + "<...>>(){} or Types.TUPLE(...) to give them.");
        }
        if (c == List.class) {
            return (TypeInformation<T>) new ListTypeInfo<>(new PojoTypeInfo<>(Object.class));
        }
        return new PojoTypeInfo<>(c);
    }

    /** A subclass of a tuple class that fixes all field types in its declaration. */
    private static TypeInformation<?> tupleSubclass(Class<?> c) {
        ParameterizedType parent = (ParameterizedType) c.getGenericSuperclass();
        Type[] args = parent.getActualTypeArguments();
        TypeInformation<?>[] fields = new TypeInformation<?>[args.length];
        for (int i = 0; i < args.length; i++) {
            fields[i] = forType(args[i]);
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        TypeInformation<?> info = new TupleTypeInfo(c, fields);
        return info;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T> TypeInformation<T> forType(Type type) {
        if (type instanceof Class) {
            return forClass((Class<T>) type);
        }
        if (type instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) type;
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (Tuple.class.isAssignableFrom(raw)) {
                TypeInformation<?>[] fields = new TypeInformation<?>[args.length];
                for (int i = 0; i < args.length; i++) {
                    fields[i] = forType(args[i]);
                }
                return new TupleTypeInfo(raw, fields);
            }
            if (List.class.isAssignableFrom(raw) && args.length == 1) {
                return (TypeInformation<T>) new ListTypeInfo<>(forType(args[0]));
            }
            if (Map.class.isAssignableFrom(raw) && args.length == 2) {
                return (TypeInformation<T>) new MapTypeInfo<>(forType(args[0]), forType(args[1]));
            }
            return (TypeInformation<T>) forClass(raw);
        }
        throw new InvalidTypesException("The type " + type.getTypeName() + " is not concrete (a type variable or a wildcard):"
                + " give the actual type, e.g. new TypeHint<Tuple2<String, Long>>(){} instead of new TypeHint<Tuple2<K, V>>(){}.");
    }
}
