package io.weir.api.tuple;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The tuple classes are exactly what {@link TupleGenerator} writes, and behave as Flink's. */
@Timeout(30)
class TupleSourcesTest {
    @Test
    void everyTupleClassIsTheGeneratorsOutput() throws Exception {
        Path dir = Path.of("src/main/java/io/weir/api/tuple");
        for (int arity = 0; arity <= TupleGenerator.MAX_ARITY; arity++) {
            Path file = dir.resolve("Tuple" + arity + ".java");
            assertThat(file).exists();
            assertThat(Files.readString(file, StandardCharsets.UTF_8))
                    .as("%s differs from the generator's output: edit TupleGenerator and run it, never the file", file)
                    .isEqualTo(TupleGenerator.source(arity));
        }
    }

    @Test
    void newInstanceMakesEveryArityFromZeroTo25() {
        for (int arity = 0; arity <= Tuple.MAX_ARITY; arity++) {
            Tuple t = Tuple.newInstance(arity);
            assertThat(t.getArity()).isEqualTo(arity);
            assertThat(t.getClass()).isSameAs(Tuple.getTupleClass(arity));
            for (int i = 0; i < arity; i++) {
                t.setField("v" + i, i);
            }
            Tuple copy = t.copy();
            assertThat(copy).isEqualTo(t).hasSameHashCodeAs(t);
            if (arity > 0) {
                assertThat(copy).isNotSameAs(t);
            }
            if (arity > 0) {
                assertThat((String) copy.getField(arity - 1)).isEqualTo("v" + (arity - 1));
            }
        }
    }

    @Test
    void tuplesPrintAndCompareAsFlinksDo() {
        assertThat(Tuple3.of("a", 1, null).toString()).isEqualTo("(a,1,null)");
        assertThat(Tuple0.INSTANCE.toString()).isEqualTo("()");
        assertThat(Tuple1.of(5)).isEqualTo(new Tuple1<>(5)).isNotEqualTo(Tuple2.of(5, null));
        assertThat(Tuple2.of("k", 2L).swap()).isEqualTo(Tuple2.of(2L, "k"));
        assertThat(java.util.Arrays.stream(Tuple25.class.getFields()).filter(f -> !java.lang.reflect.Modifier.isStatic(f.getModifiers())))
                .hasSize(25);
    }
}
