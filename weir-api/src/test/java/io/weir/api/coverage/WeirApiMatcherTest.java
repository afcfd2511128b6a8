package io.weir.api.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.api.coverage.WeirApiMatcher.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parts of the coverage check on fixtures: item lines, the mapping table and the classification rules. */
@Timeout(10)
class WeirApiMatcherTest {

    /** Stands in for a Weir API class. */
    public static class Api extends Base {
        public static final int CONSTANT = 1;
        public int field;

        public Api() {}

        public Api(String name, Object... values) {}

        public void exact(Child child) {}

        public void widened(Parent parent) {}

        public void narrowed(Child child) {}

        public void anything(Object value) {}

        public void array(String[] values) {}

        public static Api create(long size) {
            return new Api();
        }

        public void instanceNotStatic() {}
    }

    /** A supertype that declares a protected method users override. */
    public static class Base {
        protected void hook(int value) {}
    }

    /** A parameter type. */
    public static class Parent {}

    /** A parameter type that extends {@link Parent}. */
    public static class Child extends Parent {}

    private static final String FLINK = "org.apache.flink.fake.";

    private final FlinkToWeirMapping mapping = FlinkToWeirMapping.parse(List.of(
            "# a comment",
            "class " + FLINK + "Api " + WeirApiMatcherTest.class.getName() + "$Api",
            "class " + FLINK + "Child " + WeirApiMatcherTest.class.getName() + "$Child",
            "class " + FLINK + "Parent " + WeirApiMatcherTest.class.getName() + "$Parent",
            "package " + FLINK + "absent io.weir.api.absent"));
    private final WeirApiMatcher matcher = new WeirApiMatcher(mapping, getClass().getClassLoader());

    @Test
    void anItemLineReadsBackAsWritten() {
        String line = "time         org.apache.flink.A$B#of(long,java.lang.Object[]) static deprecated";
        ApiItem item = ApiItem.parse(line);
        assertThat(item.toLine()).isEqualTo(line);
        assertThat(item.params()).containsExactly("long", "java.lang.Object[]");
        assertThat(ApiItem.parse("types org.apache.flink.T#f0").kind()).isEqualTo(ApiItem.Kind.FIELD);
        assertThat(ApiItem.parse("types org.apache.flink.T#<init>()").kind()).isEqualTo(ApiItem.Kind.CONSTRUCTOR);
        assertThatThrownBy(() -> ApiItem.parse("types org.apache.flink.T#m() final"))
                .hasMessageContaining("unknown flag 'final'");
    }

    @Test
    void classRulesCarryNestedClassesAndPackageRulesKeepTheSimpleName() {
        assertThat(mapping.weirName(FLINK + "Api$Context")).contains(WeirApiMatcherTest.class.getName() + "$Api$Context");
        assertThat(mapping.weirName(FLINK + "absent.Thing$Inner[]")).contains("io.weir.api.absent.Thing$Inner[]");
        assertThat(mapping.weirName("java.time.Duration")).contains("java.time.Duration");
        assertThat(mapping.weirName("org.apache.flink.other.Thing")).isEmpty();
        assertThat(mapping.unusedRules()).containsExactly("class " + FLINK + "Child", "class " + FLINK + "Parent");
    }

    @Test
    void aMappingLineOfAnotherShapeIsRefused() {
        assertThatThrownBy(() -> FlinkToWeirMapping.parse(List.of("package io.weir.api x")))
                .hasMessageContaining("expected 'package|class");
    }

    /** Members of the fixture {@link Api}, written as in the list with {@code F.} for the fake Flink package. */
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            exact(F.Child)                           | SUPPORTED
            widened(F.Child)                         | SUPPORTED
            anything(F.absent.Thing)                 | SUPPORTED
            array(java.lang.String[])                | SUPPORTED
            <init>(java.lang.String,java.lang.Object[]) | SUPPORTED
            hook(int)                                | SUPPORTED
            field                                    | SUPPORTED
            narrowed(F.Parent)                       | INCOMPATIBLE
            exact(F.absent.Thing)                    | INCOMPATIBLE
            exact(F.Child,int)                       | INCOMPATIBLE
            array(java.lang.String)                  | INCOMPATIBLE
            hook(long)                               | INCOMPATIBLE
            instanceNotStatic() static               | INCOMPATIBLE
            create(long)                             | INCOMPATIBLE
            CONSTANT                                 | INCOMPATIBLE
            absent()                                 | MISSING
            """)
    void aWeirParameterMustBeTheMappedTypeOrASupertypeAndStaticAsInFlink(String member, Verdict expected) {
        assertThat(matcher.classify(item(member.replace("F.", FLINK))).verdict()).isEqualTo(expected);
    }

    @Test
    void anIncompatibleItemNamesWeirsOverloads() {
        assertThat(matcher.classify(item("exact(" + FLINK + "Parent)")).detail())
                .isEqualTo("Weir has exact(" + WeirApiMatcherTest.class.getName() + "$Child)");
    }

    @Test
    void anAbsentClassOrMappingIsMissingAndSaysWhy() {
        assertThat(matcher.classify(ApiItem.parse("x " + FLINK + "absent.Thing#m()")).detail())
                .isEqualTo("no public class io.weir.api.absent.Thing");
        assertThat(matcher.classify(item("exact(org.apache.flink.other.Thing)")).detail())
                .contains("no rule in flink-to-weir.txt maps [org.apache.flink.other.Thing]");
    }

    private static ApiItem item(String member) {
        return ApiItem.parse("x " + FLINK + "Api#" + member);
    }
}
