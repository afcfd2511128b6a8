package io.weir.api.coverage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads the members of one Flink class from its class file on the test classpath, without loading the class.
 *
 * <p>Why bytecode rather than {@code java.lang.reflect}: Flink's stability annotations ({@code @Public},
 * {@code @PublicEvolving}, {@code @Internal}, {@code @Experimental}) have CLASS retention, so reflection cannot see
 * them, and reflecting on a Flink class would need all of Flink's dependencies on the classpath to resolve its
 * signatures. Only the {@code flink-api-list} Maven profile puts Flink's jars on the classpath.
 */
final class FlinkClassReader {

    private static final String INTERNAL = "Lorg/apache/flink/annotation/Internal;";
    private static final String DEPRECATED = "Ljava/lang/Deprecated;";

    private FlinkClassReader() {}

    /** A class as read from its class file: its own flags and its public and protected members. */
    record FlinkClass(String name, String superName, List<String> interfaces, boolean deprecated, boolean internal,
                      List<FlinkMember> members) {}

    /**
     * One public or protected member (no synthetic or bridge methods, no static initializer).
     *
     * @param params erased parameter types as Java source names ({@code int}, {@code java.lang.Object[]}), binary names
     *               for nested classes; empty for a field
     */
    record FlinkMember(ApiItem.Kind kind, String name, List<String> params, boolean isStatic, boolean isProtected,
                       boolean deprecated, boolean internal) {}

    /** Reads {@code binaryName} (e.g. {@code a.b.Outer$Inner}), or empty if no class file of that name is visible. */
    static Optional<FlinkClass> read(String binaryName) {
        String resource = binaryName.replace('.', '/') + ".class";
        try (InputStream in = FlinkClassReader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            Collector collector = new Collector();
            new ClassReader(in).accept(collector, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
            return Optional.of(collector.result());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Visits one class file, collecting the flags that the generator filters on. */
    private static final class Collector extends ClassVisitor {
        private String name;
        private String superName;
        private List<String> interfaces = List.of();
        private boolean classDeprecated;
        private boolean classInternal;
        private final List<MemberBuilder> members = new ArrayList<>();

        Collector() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
            this.name = Type.getObjectType(name).getClassName();
            this.superName = superName == null ? null : Type.getObjectType(superName).getClassName();
            this.interfaces = interfaces == null ? List.of()
                    : List.of(interfaces).stream().map(i -> Type.getObjectType(i).getClassName()).toList();
            classDeprecated = (access & Opcodes.ACC_DEPRECATED) != 0;
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            classInternal |= INTERNAL.equals(descriptor);
            classDeprecated |= DEPRECATED.equals(descriptor);
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String methodName, String descriptor, String signature,
                                         String[] exceptions) {
            if (!visibleToUsers(access) || (access & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE)) != 0
                    || methodName.equals("<clinit>")) {
                return null;
            }
            List<String> params = List.of(Type.getArgumentTypes(descriptor)).stream()
                    .map(Type::getClassName).toList();
            ApiItem.Kind kind = methodName.equals("<init>") ? ApiItem.Kind.CONSTRUCTOR : ApiItem.Kind.METHOD;
            MemberBuilder member = new MemberBuilder(kind, methodName, params, access);
            members.add(member);
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    member.annotation(annotation);
                    return null;
                }
            };
        }

        @Override
        public FieldVisitor visitField(int access, String fieldName, String descriptor, String signature,
                                       Object value) {
            if (!visibleToUsers(access) || (access & Opcodes.ACC_SYNTHETIC) != 0) {
                return null;
            }
            MemberBuilder member = new MemberBuilder(ApiItem.Kind.FIELD, fieldName, List.of(), access);
            members.add(member);
            return new FieldVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    member.annotation(annotation);
                    return null;
                }
            };
        }

        FlinkClass result() {
            return new FlinkClass(name, superName, interfaces, classDeprecated, classInternal,
                    members.stream().map(m -> m.build(classDeprecated, classInternal)).toList());
        }

        private static boolean visibleToUsers(int access) {
            return (access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) != 0;
        }
    }

    /** Accumulates a member's annotations while ASM visits it. */
    private static final class MemberBuilder {
        private final ApiItem.Kind kind;
        private final String name;
        private final List<String> params;
        private final int access;
        private boolean deprecated;
        private boolean internal;

        MemberBuilder(ApiItem.Kind kind, String name, List<String> params, int access) {
            this.kind = kind;
            this.name = name;
            this.params = params;
            this.access = access;
            this.deprecated = (access & Opcodes.ACC_DEPRECATED) != 0;
        }

        void annotation(String descriptor) {
            internal |= INTERNAL.equals(descriptor);
            deprecated |= DEPRECATED.equals(descriptor);
        }

        FlinkMember build(boolean classDeprecated, boolean classInternal) {
            return new FlinkMember(kind, name, params, (access & Opcodes.ACC_STATIC) != 0,
                    (access & Opcodes.ACC_PROTECTED) != 0, deprecated || classDeprecated, internal || classInternal);
        }
    }
}
