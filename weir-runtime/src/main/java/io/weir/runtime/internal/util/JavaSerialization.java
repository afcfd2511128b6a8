package io.weir.runtime.internal.util;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

/** Java serialization of user functions, to give each subtask its own copy. */
public final class JavaSerialization {
    private JavaSerialization() {}

    public static byte[] serialize(Object o, String what) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException("The function of " + what + " is not serializable: it holds a "
                    + e.getMessage() + ". Functions are copied to every subtask: make that field transient and create it in open(), "
                    + "or make the class Serializable. (An anonymous class also captures its enclosing instance; use a static nested class or a lambda.)", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("The function of " + what + " could not be serialized: " + e, e);
        }
        return bytes.toByteArray();
    }

    public static Object deserialize(byte[] bytes, String what) {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                try {
                    return Class.forName(desc.getName(), false, cl != null ? cl : JavaSerialization.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    return super.resolveClass(desc);
                }
            }
        }) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("Could not copy the function of " + what + ": " + e, e);
        }
    }
}
