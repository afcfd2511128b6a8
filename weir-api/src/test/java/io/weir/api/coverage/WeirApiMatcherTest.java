package io.weir.api.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.api.coverage.WeirApiMatcher.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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

    @Test
    void parametersMatchWhenWeirTakesTheMappedTypeOrASupertype() {
        assertThat(verdict("exact(" + FLINK + "Child)")).isEqualTo(Verdict.SUPPORTED);
        assertThat(verdict("widened(" + FLINK + "Child)")).isEqualTo(Verdict.SUPPORTED);
        assertThat(verdict("anything(" + FLINK + "absent.Thing)")).isEqualTo(Verdict.SUPPORTED);
        assertThat(verdict("array(java.lang.String[])")).isEqualTo(Verdict.SUPPORTED);
        assertThat(verdict("<init>(java.lang.String,java.lang.Object[])")).isEqualTo(Verdict.SUPPORTED);
        assertThat(verdict("hook(int)")).as("protected, inherited").isEqualTo(Verdict.SUPPORTED);
        assertThat(verdict("field")).isEqualTo(Verdict.SUPPORTED);
    }

    @Test
    void aNarrowerParameterOrAnotherArityOrStaticnessIsIncompatible() {
        assertThat(verdict("narrowed(" + FLINK + "Parent)")).isEqualTo(Verdict.INCOMPATIBLE);
        assertThat(verdict("exact(" + FLINK + "absent.Thing)")).isEqualTo(Verdict.INCOMPATIBLE);
        assertThat(verdict("exact(" + FLINK + "Child,int)")).isEqualTo(Verdict.INCOMPATIBLE);
        assertThat(verdict("array(java.lang.String)")).isEqualTo(Verdict.INCOMPATIBLE);
        assertThat(verdict("hook(long)")).isEqualTo(Verdict.INCOMPATIBLE);
        assertThat(verdict("instanceNotStatic() static")).isEqualTo(Verdict.INCOMPATIBLE);
        assertThat(verdict("create(long)")).as("static in Weir, not in Flink").isEqualTo(Verdict.INCOMPATIBLE);
        assertThat(verdict("CONSTANT")).isEqualTo(Verdict.INCOMPATIBLE);
        assertThat(matcher.classify(item("exact(" + FLINK + "Parent)")).detail())
                .isEqualTo("Weir has exact(" + WeirApiMatcherTest.class.getName() + "$Child)");
    }

    @Test
    void anAbsentMemberClassOrMappingIsMissing() {
        assertThat(verdict("absent()")).isEqualTo(Verdict.MISSING);
        assertThat(matcher.classify(ApiItem.parse("x " + FLINK + "absent.Thing#m()")).detail())
                .isEqualTo("no public class io.weir.api.absent.Thing");
        assertThat(matcher.classify(item("exact(org.apache.flink.other.Thing)")).detail())
                .contains("no rule in flink-to-weir.txt maps [org.apache.flink.other.Thing]");
    }

    private Verdict verdict(String member) {
        return matcher.classify(item(member)).verdict();
    }

    private static ApiItem item(String member) {
        return ApiItem.parse("x " + FLINK + "Api#" + member);
    }
}
