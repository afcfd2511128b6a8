package io.weir.runtime.internal.state;

import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who owns a value given to keyed state. With object reuse disabled (the default) the state keeps a
 * copy of a mutable value, so the caller may change or reuse its object afterwards, except when the
 * caller passes back the object the state already holds (read, modify, update), which is not copied.
 * With object reuse enabled the state keeps the caller's objects.
 */
@Timeout(10)
class KeyedStateOwnershipTest {

    /** A mutable POJO: copied field by field by its serializer. */
    public static final class Acc {
        public String name;
        public long count;

        public Acc() {}

        Acc(String name, long count) {
            this.name = name;
            this.count = count;
        }
    }

    private static HeapKeyedStateBackend backend(boolean objectReuse) {
        HeapKeyedStateBackend b = new HeapKeyedStateBackend("ownership test", 128, 0, 127, objectReuse);
        b.setCurrentKey("k");
        return b;
    }

    private static Acc sum(Acc a, Acc b) {
        a.count += b.count; // in place, as reduce functions often do
        return a;
    }

    // ---------------------------------------------------------------- object reuse disabled: copies

    @Test
    void valueState_whenTheCallerChangesTheObjectItUpdatedWith_thenTheStoredValueStaysAsUpdated() throws Exception {
        ValueState<Acc> state = backend(false).getState(new ValueStateDescriptor<>("v", Acc.class));
        Acc reused = new Acc("a", 1);
        state.update(reused);
        reused.count = 99;
        reused.name = "b";
        assertThat(state.value().count).isEqualTo(1);
        assertThat(state.value().name).isEqualTo("a");
        assertThat(state.value()).isNotSameAs(reused);
    }

    @Test
    void valueState_whenOneObjectIsReusedForTwoKeys_thenEachKeyKeepsItsOwnValue() throws Exception {
        HeapKeyedStateBackend b = backend(false);
        ValueState<Acc> state = b.getState(new ValueStateDescriptor<>("v", Acc.class));
        Acc reused = new Acc("x", 0);
        for (String key : List.of("k1", "k2", "k3")) {
            b.setCurrentKey(key);
            reused.name = key;
            reused.count = key.hashCode();
            state.update(reused);
        }
        for (String key : List.of("k1", "k2", "k3")) {
            b.setCurrentKey(key);
            assertThat(state.value().name).isEqualTo(key);
            assertThat(state.value().count).isEqualTo(key.hashCode());
        }
    }

    @Test
    void valueState_readModifyUpdate_keepsTheSameObjectWithoutCopying() throws Exception {
        ValueState<Acc> state = backend(false).getState(new ValueStateDescriptor<>("v", Acc.class));
        state.update(new Acc("a", 0));
        Acc held = state.value();
        for (int i = 0; i < 3; i++) {
            Acc acc = state.value();
            acc.count++;
            state.update(acc);
        }
        assertThat(state.value()).isSameAs(held);
        assertThat(state.value().count).isEqualTo(3);
    }

    @Test
    void valueState_readModifyUpdate_afterASnapshot_updatesAPrivateCopyAndLeavesTheSnapshotAlone() throws Exception {
        HeapKeyedStateBackend b = backend(false);
        ValueState<Acc> state = b.getState(new ValueStateDescriptor<>("v", Acc.class));
        state.update(new Acc("a", 1));
        Acc beforeSnapshot = state.value();
        b.snapshot();
        Acc acc = state.value(); // the key group is shared with the snapshot: the read privatizes it
        assertThat(acc).isNotSameAs(beforeSnapshot);
        acc.count++;
        state.update(acc);
        assertThat(state.value()).isSameAs(acc);
        assertThat(state.value().count).isEqualTo(2);
        assertThat(beforeSnapshot.count).isEqualTo(1);
    }

    @Test
    void valueState_whenOneKeyChangesTheDefaultValueItRead_thenOtherKeysStillReadTheDefault() throws Exception {
        HeapKeyedStateBackend b = backend(false);
        ValueState<Acc> state = b.getState(new ValueStateDescriptor<>("v", Acc.class, new Acc("zero", 0)));
        for (String key : List.of("k1", "k2")) {
            b.setCurrentKey(key);
            Acc acc = state.value();
            acc.count++;
            state.update(acc);
        }
        b.setCurrentKey("k2");
        assertThat(state.value().count).isEqualTo(1);
        b.setCurrentKey("k3");
        assertThat(state.value().count).isZero();
    }

    @Test
    void listState_whenTheCallerChangesAddedObjects_thenTheStoredElementsStayAsAdded() throws Exception {
        ListState<Acc> state = backend(false).getListState(new ListStateDescriptor<>("l", Acc.class));
        Acc reused = new Acc("a", 1);
        state.add(reused);
        reused.count = 2;
        state.add(reused);
        reused.count = 3;
        state.addAll(List.of(reused));
        reused.count = 4;
        assertThat(counts(state.get())).containsExactly(1L, 2L, 3L);
    }

    @Test
    void listState_whenTheCallerChangesObjectsOfTheUpdatedList_thenTheStoredElementsStayAsUpdated() throws Exception {
        ListState<Acc> state = backend(false).getListState(new ListStateDescriptor<>("l", Acc.class));
        Acc reused = new Acc("a", 1);
        List<Acc> values = new ArrayList<>(List.of(reused, new Acc("b", 2)));
        state.update(values);
        reused.count = 10;
        values.get(1).count = 20;
        assertThat(counts(state.get())).containsExactly(1L, 2L);
    }

    @Test
    void listState_updateWithTheElementsItHolds_keepsThoseObjects() throws Exception {
        ListState<Acc> state = backend(false).getListState(new ListStateDescriptor<>("l", Acc.class));
        state.update(List.of(new Acc("a", 1), new Acc("b", 2)));
        List<Acc> held = new ArrayList<>();
        state.get().forEach(held::add);
        held.get(0).count++;
        Acc added = new Acc("c", 3);
        state.update(List.of(held.get(0), held.get(1), added));
        List<Acc> after = new ArrayList<>();
        state.get().forEach(after::add);
        assertThat(after.get(0)).isSameAs(held.get(0));
        assertThat(after.get(1)).isSameAs(held.get(1));
        assertThat(after.get(2)).isNotSameAs(added);
        assertThat(counts(after)).containsExactly(2L, 2L, 3L);
    }

    @Test
    void mapState_whenTheCallerChangesPutValues_thenTheStoredValuesStayAsPut() throws Exception {
        MapState<String, Acc> state = backend(false).getMapState(new MapStateDescriptor<>("m", String.class, Acc.class));
        Acc reused = new Acc("a", 1);
        state.put("x", reused);
        reused.count = 2;
        state.put("y", reused);
        reused.count = 3;
        state.putAll(Map.of("z", reused));
        reused.count = 4;
        assertThat(state.get("x").count).isEqualTo(1);
        assertThat(state.get("y").count).isEqualTo(2);
        assertThat(state.get("z").count).isEqualTo(3);
    }

    @Test
    void mapState_whenTheCallerChangesAPutKey_thenTheEntryIsStillFoundByTheOriginalKey() throws Exception {
        @SuppressWarnings({"unchecked", "rawtypes"})
        MapState<ArrayList<String>, Long> state = backend(false).getMapState(
                new MapStateDescriptor<>("m", (Class<ArrayList<String>>) (Class) ArrayList.class, Long.class));
        ArrayList<String> key = new ArrayList<>(List.of("a"));
        state.put(key, 1L);
        key.add("b");
        assertThat(state.get(new ArrayList<>(List.of("a")))).isEqualTo(1L);
        assertThat(state.contains(key)).isFalse();
    }

    @Test
    void mapState_readModifyPut_keepsTheSameObjectWithoutCopying() throws Exception {
        MapState<String, Acc> state = backend(false).getMapState(new MapStateDescriptor<>("m", String.class, Acc.class));
        state.put("x", new Acc("a", 0));
        Acc held = state.get("x");
        Acc acc = state.get("x");
        acc.count++;
        state.put("x", acc);
        assertThat(state.get("x")).isSameAs(held);
        assertThat(state.get("x").count).isEqualTo(1);
    }

    @Test
    void reducingState_whenTheCallerChangesAnAddedObject_thenTheReducedValueIsUnaffected() throws Exception {
        ReducingState<Acc> state = backend(false).getReducingState(
                new ReducingStateDescriptor<>("r", KeyedStateOwnershipTest::sum, Acc.class));
        Acc reused = new Acc("a", 1);
        state.add(reused); // the first value is stored as the running result
        reused.count = 5;
        state.add(reused);
        reused.count = 100;
        assertThat(state.get().count).isEqualTo(6);
    }

    @Test
    void reducingState_reduceInPlace_keepsTheSameObjectWithoutCopying() throws Exception {
        ReducingState<Acc> state = backend(false).getReducingState(
                new ReducingStateDescriptor<>("r", KeyedStateOwnershipTest::sum, Acc.class));
        state.add(new Acc("a", 1));
        Acc held = state.get();
        state.add(new Acc("a", 2));
        state.add(new Acc("a", 3));
        assertThat(state.get()).isSameAs(held);
        assertThat(state.get().count).isEqualTo(6);
    }

    // ---------------------------------------------------------------- object reuse enabled: no copies

    @Test
    void withObjectReuse_everyStateKeepsTheCallersObjects() throws Exception {
        HeapKeyedStateBackend b = backend(true);
        Acc a = new Acc("a", 1);

        ValueState<Acc> value = b.getState(new ValueStateDescriptor<>("v", Acc.class));
        value.update(a);
        assertThat(value.value()).isSameAs(a);

        ListState<Acc> list = b.getListState(new ListStateDescriptor<>("l", Acc.class));
        list.add(a);
        list.addAll(List.of(a));
        assertThat(list.get()).containsExactly(a, a);
        list.update(List.of(a));
        assertThat(list.get()).containsExactly(a);

        MapState<String, Acc> map = b.getMapState(new MapStateDescriptor<>("m", String.class, Acc.class));
        map.put("x", a);
        map.putAll(Map.of("y", a));
        assertThat(map.get("x")).isSameAs(a);
        assertThat(map.get("y")).isSameAs(a);

        ReducingState<Acc> reducing = b.getReducingState(new ReducingStateDescriptor<>("r", KeyedStateOwnershipTest::sum, Acc.class));
        reducing.add(a);
        assertThat(reducing.get()).isSameAs(a);
    }

    private static List<Long> counts(Iterable<Acc> accs) {
        List<Long> out = new ArrayList<>();
        accs.forEach(a -> out.add(a.count));
        return out;
    }
}
