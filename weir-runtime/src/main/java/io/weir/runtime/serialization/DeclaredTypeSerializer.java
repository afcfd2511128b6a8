package io.weir.runtime.serialization;

import io.weir.api.typeinfo.BasicTypeInfo;
import io.weir.api.typeinfo.TypeInformation;
import io.weir.api.typeutils.EnumTypeInfo;
import io.weir.api.typeutils.TupleTypeInfo;
import io.weir.api.typeutils.TypeSerializer;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.lang.reflect.Modifier;

/**
 * The serializer of a stream whose element type was declared ({@code returns(...)}, a typed {@code OutputTag}, a
 * {@code ResultTypeQueryable} function): the declared type's own format, and a check that every element has the
 * declared class, failing with a message that names the operator and both types. Used only for types whose values
 * all have exactly one class (basic types, exact tuple classes, enums, final classes); a stream declared as an open
 * type keeps the self-describing format, since its elements may be of subclasses. One thread at a time.
 */
public final class DeclaredTypeSerializer implements TypeSerializer<Object> {
    private static final long serialVersionUID = 1L;

    private final TypeSerializer<Object> format;
    private final Class<?> expected;
    private final String declared;
    private final String where;

    private DeclaredTypeSerializer(TypeSerializer<Object> format, Class<?> expected, String declared, String where) {
        this.format = format;
        this.expected = expected;
        this.declared = declared;
        this.where = where;
    }

    /**
     * The serializer for a stream declared as {@code type} ({@code null}: undeclared), produced by {@code where} (e.g.
     * "operator 'Map'"): checked and in the type's format for closed types, else {@link Serializers#dynamic()}.
     */
    @SuppressWarnings("unchecked")
    public static TypeSerializer<Object> of(TypeInformation<?> type, String where) {
        if (type == null || !isClosed(type)) {
            return Serializers.dynamic();
        }
        return new DeclaredTypeSerializer((TypeSerializer<Object>) type.createSerializer(null), type.getTypeClass(), type.toString(), where);
    }

    private static boolean isClosed(TypeInformation<?> type) {
        Class<?> c = type.getTypeClass();
        return type instanceof BasicTypeInfo || type instanceof EnumTypeInfo
                || (type instanceof TupleTypeInfo && io.weir.api.tuple.Tuple.getTupleClass(type.getArity()) == c)
                || (Modifier.isFinal(c.getModifiers()) && !c.isArray());
    }

    private void check(Object value) {
        if (value == null) {
            return;
        }
        Class<?> actual = value instanceof Enum ? ((Enum<?>) value).getDeclaringClass() : value.getClass();
        if (actual != expected) {
            throw new SerializationException("The stream of " + where + " is declared as " + declared + " (with returns(...), a typed"
                    + " OutputTag or ResultTypeQueryable) but an element is a " + actual.getName() + ": " + value
                    + ". Declare the type the function really emits, or remove the declaration.");
        }
    }

    @Override
    public void serialize(Object value, DataOutput out) throws IOException {
        check(value);
        format.serialize(value, out);
    }

    @Override
    public Object deserialize(DataInput in) throws IOException {
        return format.deserialize(in);
    }

    @Override
    public Object copy(Object value) {
        check(value);
        return format.copy(value);
    }

    @Override
    public boolean isImmutableType() {
        return format.isImmutableType();
    }

    @Override
    public TypeSerializer<Object> duplicate() {
        return new DeclaredTypeSerializer(format.duplicate(), expected, declared, where);
    }

    @Override
    public String snapshotIdentifier() {
        return format.snapshotIdentifier();
    }
}
