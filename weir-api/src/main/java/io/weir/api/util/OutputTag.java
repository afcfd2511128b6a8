package io.weir.api.util;

import java.io.Serializable;
import java.util.Objects;

/** Names a side output. Create it as an anonymous subclass ({@code new OutputTag<String>("late"){}}) as in Flink, or directly. */
public class OutputTag<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final io.weir.api.typeinfo.TypeInformation<T> typeInfo;

    /**
     * A tag named {@code id}; its elements' type is not declared (Weir does not need it).
     *
     * @throws IllegalArgumentException if {@code id} is null or empty
     */
    public OutputTag(String id) {
        this.id = checkId(id);
        this.typeInfo = null;
    }

    /**
     * A tag named {@code id} whose elements have the type {@code typeInfo}; they are checked against it and written in
     * its format when they leave their task.
     *
     * @throws IllegalArgumentException if {@code id} is null or empty
     * @throws NullPointerException if {@code typeInfo} is null
     */
    public OutputTag(String id, io.weir.api.typeinfo.TypeInformation<T> typeInfo) {
        this.id = checkId(id);
        this.typeInfo = java.util.Objects.requireNonNull(typeInfo, "OutputTag '" + id + "': the TypeInformation is null");
    }

    private static String checkId(String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("An OutputTag needs a non-empty id.");
        }
        return id;
    }

    /** The tag's name; tags with equal ids are equal. */
    public String getId() {
        return id;
    }

    /** The declared type of the side output's elements, or {@code null} if undeclared. */
    public io.weir.api.typeinfo.TypeInformation<T> getTypeInfo() {
        return typeInfo;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutputTag && ((OutputTag<?>) o).id.equals(id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id);
    }

    @Override
    public String toString() {
        return "OutputTag(" + id + ")";
    }
}
