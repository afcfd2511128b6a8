package io.weir.runtime.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.DefaultClassResolver;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import com.esotericsoftware.kryo.util.MapReferenceResolver;
import org.objenesis.strategy.StdInstantiatorStrategy;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * One Kryo instance with its buffers, used by one thread (Kryo is not thread-safe). Values are
 * written as a length followed by Kryo's class-and-object bytes, so that Kryo never reads past its
 * own value in the caller's stream. Registration is not required (classes are written by name) and
 * references are tracked, so shared and cyclic object graphs survive.
 */
final class KryoCodec {
    private static final int MAX_RETAINED_BUFFER = 1 << 20;

    private final Kryo kryo;
    private Output output = new Output(256, -1);
    private final Input input = new Input();
    /** Reused for reading: Kryo copies what it reads out of the buffer, so nothing refers to it afterwards. */
    private byte[] readBuffer = new byte[256];

    KryoCodec(ClassLoader classLoader) {
        kryo = new Kryo(new HiddenClassGuard(), new MapReferenceResolver());
        kryo.setRegistrationRequired(false);
        kryo.setReferences(true);
        // Use a no-arg constructor when there is one, otherwise create the object without calling any.
        kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        kryo.setClassLoader(classLoader);
    }

    /** Writes {@code value} (which may be null); {@code declared} is the class named in error messages. */
    void write(Object value, DataOutput out, Class<?> declared) throws IOException {
        output.reset();
        try {
            kryo.writeClassAndObject(output, value);
        } catch (RuntimeException e) { // not only KryoException: reflection errors pass through Kryo
            throw failure("serialize", declared, value, e, "Give the state descriptor a TypeSerializer, or make "
                    + declared.getSimpleName() + " a POJO (public no-arg constructor, fields public or with getters"
                    + " and setters) or a record, with fields of serializable types; mark fields that need not be"
                    + " kept transient.");
        }
        int length = output.position();
        Io.writeVarInt(out, length);
        out.write(output.getBuffer(), 0, length);
        if (output.getBuffer().length > MAX_RETAINED_BUFFER) {
            output = new Output(256, -1);
        }
    }

    Object read(DataInput in, Class<?> declared) throws IOException {
        int length = Io.readLength(in, "Kryo value");
        if (length <= readBuffer.length) {
            in.readFully(readBuffer, 0, length);
            input.setBuffer(readBuffer, 0, length);
        } else {
            byte[] bytes = Io.readBytes(in, length);
            if (length <= MAX_RETAINED_BUFFER) {
                readBuffer = bytes;
            }
            input.setBuffer(bytes, 0, length);
        }
        try {
            return kryo.readClassAndObject(input);
        } catch (RuntimeException e) { // not only KryoException: reflection errors pass through Kryo
            throw failure("deserialize", declared, null, e, "The bytes are damaged, were written by a different"
                    + " serializer, or the class changed incompatibly since they were written.");
        }
    }

    <T> T copy(T value, Class<?> declared) {
        try {
            return kryo.copy(value);
        } catch (RuntimeException e) { // not only KryoException: reflection errors pass through Kryo
            throw failure("copy", declared, value, e, "Give the state descriptor a TypeSerializer, or make "
                    + declared.getSimpleName() + " a POJO or a record, with fields of serializable types.");
        }
    }

    /**
     * Kryo reports the failing field as a "Serialization trace" of {@code field (Class)} lines,
     * innermost first; we turn that into {@code Outer.field -> Inner.field} and lead with the root
     * cause, which is what the user can act on.
     */
    private static SerializationException failure(String action, Class<?> declared, Object value,
                                                  RuntimeException e, String advice) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String path = "";
        int traceStart = message.indexOf("Serialization trace:");
        if (traceStart >= 0) {
            String[] lines = message.substring(traceStart + "Serialization trace:".length()).trim().split("\\R");
            StringBuilder sb = new StringBuilder();
            for (int i = lines.length - 1; i >= 0; i--) {
                String line = lines[i].trim();
                int paren = line.indexOf(" (");
                String step = paren > 0 && line.endsWith(")")
                        ? line.substring(paren + 2, line.length() - 1) + "." + line.substring(0, paren)
                        : line;
                sb.append(sb.length() == 0 ? "" : " -> ").append(step);
            }
            path = " at field " + sb;
            message = message.substring(0, traceStart).trim();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String what = root == e ? message : root.toString();
        if (what.endsWith(".")) {
            what = what.substring(0, what.length() - 1);
        }
        if (e.getMessage() != null && e.getMessage().contains(HiddenClassGuard.HIDDEN)) {
            advice = ""; // the cause already says what to do
        } else if (!action.equals("deserialize") && isJdkClass(declared)) {
            advice = "Give the state descriptor a TypeSerializer, or mark the field that holds the "
                    + declared.getSimpleName() + " transient if it need not be kept.";
        } else if (!action.equals("deserialize")) {
            String whyNotPojo = TypeAnalysis.pojo(declared).notPojoReason;
            advice += whyNotPojo == null ? "" : " (" + declared.getSimpleName() + " is not a POJO because "
                    + whyNotPojo + ".)";
        }
        String actual = value != null && value.getClass() != declared ? " (a " + value.getClass().getName() + ")" : "";
        return new SerializationException("Cannot " + action + " a value of class " + declared.getName() + actual
                + " with the generic Kryo fallback" + path + ": " + (what + ". " + advice).trim(), e);
    }

    private static boolean isJdkClass(Class<?> type) {
        String name = type.getName();
        return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.") || name.startsWith("sun.");
    }

    /** Refuses lambdas and other hidden classes at write time: they could be written but never read back. */
    private static final class HiddenClassGuard extends DefaultClassResolver {
        static final String HIDDEN = "is a lambda or other hidden class";

        @Override
        protected void writeName(Output output, Class type, Registration registration) {
            if (type.isHidden()) {
                throw new KryoException("class " + type.getName() + " " + HIDDEN + ", which cannot be loaded"
                        + " by name when the value is read back; use a named class");
            }
            super.writeName(output, type, registration);
        }
    }
}
