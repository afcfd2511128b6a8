package io.weir.api.typeinfo;

import io.weir.api.common.ExecutionConfig;
import io.weir.api.spi.TypeSerializerProvider;
import io.weir.api.typeutils.TypeSerializer;

import java.io.Serializable;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Describes the type of a stream's elements or of a state's values, and creates its serializer. Made with
 * {@link #of(Class)}, {@link #of(TypeHint)} or the constants and factories of {@link Types}; given to
 * {@code returns(...)}, state descriptors and {@code OutputTag}s.
 *
 * <p>Where Weir differs from Flink on purpose: Weir does not need type information to run a job, because values whose
 * type is not declared are serialized with a self-describing (type-tagged) format; Weir never extracts types from
 * lambdas. A declared type makes the format fixed and checked: a state created from a {@code TypeInformation} is
 * written with that type's serializer, and a restore refuses state written under another type.
 *
 * <p>Instances are immutable and serializable; methods may be called from any thread.
 *
 * @param <T> the described type
 */
public abstract class TypeInformation<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    private static volatile TypeSerializerProvider provider;

    /** Whether the type is one of the basic types of {@link BasicTypeInfo} (boxed primitives, String, ...). */
    public abstract boolean isBasicType();

    /** Whether the type is one of the tuple classes {@code Tuple0} to {@code Tuple25}. */
    public abstract boolean isTupleType();

    /** The number of fields of the type itself: a tuple's arity, 1 for atomic types. */
    public abstract int getArity();

    /** The number of atomic fields, counting nested composite types' fields, as Flink counts them. */
    public abstract int getTotalFields();

    /** The class of the described values. */
    public abstract Class<T> getTypeClass();

    /** Whether values of the type may be used as keys (their {@code equals}/{@code hashCode} are meaningful). */
    public abstract boolean isKeyType();

    /** Whether values of the type may be sorted; the same as {@link #isKeyType()} in Weir. */
    public boolean isSortKeyType() {
        return isKeyType();
    }

    /** The type information of the type's generic parameters, by parameter name (e.g. {@code T0}); empty by default. */
    public Map<String, TypeInformation<?>> getGenericParameters() {
        return Collections.emptyMap();
    }

    /**
     * A new serializer for values of this type, created by the runtime on the class path (one thread at a time, as
     * every serializer).
     *
     * @param config the job's execution config
     * @throws IllegalStateException if no Weir runtime is on the class path
     */
    public TypeSerializer<T> createSerializer(ExecutionConfig config) {
        return provider().createSerializer(this, config == null ? new ExecutionConfig() : config);
    }

    private static TypeSerializerProvider provider() {
        TypeSerializerProvider p = provider;
        if (p == null) {
            Iterator<TypeSerializerProvider> found = ServiceLoader.load(TypeSerializerProvider.class, TypeInformation.class.getClassLoader())
                    .iterator();
            if (!found.hasNext()) {
                throw new IllegalStateException("No Weir runtime found to create serializers: put weir-runtime on the class path.");
            }
            p = found.next();
            provider = p;
        }
        return p;
    }

    /**
     * The type information of {@code typeClass}: a basic type, an enum, or any other class (see
     * {@link io.weir.api.typeutils.PojoTypeInfo}).
     *
     * @throws io.weir.api.functions.InvalidTypesException for a tuple class, whose field types a class cannot tell:
     *                                                     use {@link #of(TypeHint)} or {@link Types#TUPLE}
     * @throws NullPointerException if {@code typeClass} is null
     */
    public static <T> TypeInformation<T> of(Class<T> typeClass) {
        return TypeExtraction.forClass(typeClass);
    }

    /** The type information a {@link TypeHint} captured, for generic types: {@code of(new TypeHint<Tuple2<String, Long>>(){})}. */
    public static <T> TypeInformation<T> of(TypeHint<T> typeHint) {
        return typeHint.getTypeInfo();
    }

    /** Equal when they describe the same type. */
    @Override
    public abstract boolean equals(Object obj);

    @Override
    public abstract int hashCode();

    /** A readable form of the type, such as {@code Tuple2<String, Long>}. */
    @Override
    public abstract String toString();
}
