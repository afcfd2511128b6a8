package io.weir.api.typeinfo;

import io.weir.api.functions.InvalidTypesException;
import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;
import io.weir.api.typeutils.EnumTypeInfo;
import io.weir.api.typeutils.GenericTypeInfo;
import io.weir.api.typeutils.ListTypeInfo;
import io.weir.api.typeutils.MapTypeInfo;
import io.weir.api.typeutils.PojoTypeInfo;
import io.weir.api.typeutils.TupleTypeInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Type information as Flink users write it: classes, type hints, Types, and what each says about the type. */
@Timeout(30)
class TypeInformationTest {
    enum Color { RED, GREEN }

    /** A tuple subclass that fixes its field types, as Flink users declare them. */
    public static class WordCount extends Tuple2<String, Long> {
        private static final long serialVersionUID = 1L;
    }

    public static class Pojo {
        public String name;
        public int count;
    }

    @Test
    void classesGiveBasicEnumOrClassBasedTypes() {
        assertThat(TypeInformation.of(String.class)).isSameAs(Types.STRING).isSameAs(BasicTypeInfo.STRING_TYPE_INFO);
        assertThat(TypeInformation.of(long.class)).isSameAs(Types.LONG);
        assertThat(BasicTypeInfo.getInfoFor(void.class)).isSameAs(Types.VOID);
        assertThat(TypeInformation.of(Color.class)).isEqualTo(new EnumTypeInfo<>(Color.class)).isEqualTo(Types.ENUM(Color.class));
        assertThat(TypeInformation.of(Pojo.class)).isEqualTo(new PojoTypeInfo<>(Pojo.class)).isEqualTo(Types.POJO(Pojo.class))
                .isNotEqualTo(Types.GENERIC(Pojo.class));
        assertThat(Types.LONG.isBasicType()).isTrue();
        assertThat(Types.LONG.getTypeClass()).isEqualTo(Long.class);
        assertThat(Types.GENERIC(Pojo.class)).isInstanceOf(GenericTypeInfo.class);
    }

    @Test
    void typeHintsCaptureGenericTypes() {
        TypeInformation<Tuple2<String, List<Long>>> t = new TypeHint<Tuple2<String, List<Long>>>() {}.getTypeInfo();
        assertThat(t).isEqualTo(Types.TUPLE(Types.STRING, Types.LIST(Types.LONG)));
        assertThat(t.isTupleType()).isTrue();
        assertThat(t.getArity()).isEqualTo(2);
        assertThat(t.getTypeClass()).isEqualTo(Tuple2.class);
        assertThat(((TupleTypeInfo<?>) t).getTypeAt(1)).isEqualTo(new ListTypeInfo<>(Long.class));
        assertThat(t.getGenericParameters()).containsOnlyKeys("T0", "T1");
        assertThat(t.toString()).isEqualTo("Tuple2<String, List<Long>>");
        assertThat(TypeInformation.of(new TypeHint<Map<String, Color>>() {}))
                .isEqualTo(new MapTypeInfo<>(Types.STRING, Types.ENUM(Color.class)));
        assertThat(new TypeHint<Tuple3<Integer, Integer, Integer>>() {}.getTypeInfo().getTotalFields()).isEqualTo(3);
    }

    @Test
    void aTupleSubclassThatFixesItsFieldsDescribesItself() {
        TypeInformation<WordCount> t = TypeInformation.of(WordCount.class);
        assertThat(t).isEqualTo(Types.TUPLE(WordCount.class));
        assertThat(t.getTypeClass()).isEqualTo(WordCount.class);
        assertThat(((TupleTypeInfo<?>) t).getTypeAt(0)).isSameAs(Types.STRING);
    }

    @Test
    <K> void typesThatCannotBeDescribedAreRefusedWithAMessageThatSaysWhatToDo() {
        assertThatThrownBy(() -> TypeInformation.of(Tuple2.class)).isInstanceOf(InvalidTypesException.class)
                .hasMessageContaining("TypeHint");
        assertThatThrownBy(() -> new TypeHint<Tuple2<K, Long>>() {}).isInstanceOf(InvalidTypesException.class)
                .hasMessageContaining("not concrete");
        assertThatThrownBy(() -> Types.PRIMITIVE_ARRAY(Types.STRING)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Types.PRIMITIVE_ARRAY(Types.BYTE).getTypeClass()).isEqualTo(byte[].class);
        assertThat(Types.OBJECT_ARRAY(Types.STRING).getTypeClass()).isEqualTo(String[].class);
        assertThatThrownBy(() -> new TupleTypeInfo<>(Tuple3.class, Types.STRING)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("arity 1");
    }

    @Test
    void typeInformationSurvivesJavaSerializationAndBasicTypesStayConstants() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(Types.TUPLE(Types.STRING, Types.LONG));
            out.writeObject(Types.INT);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(Types.TUPLE(Types.STRING, Types.LONG));
            assertThat(in.readObject()).isSameAs(Types.INT);
        }
    }
}
