package io.weir.api.functions.sink;

import io.weir.api.typeutils.TypeSerializer;
import org.junit.jupiter.api.Test;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TwoPhaseCommitSinkFunctionTest {

    /** A tiny transactional store: rows are staged per transaction and appear in {@code visible} on commit. */
    static final class FakeDatabase {
        final List<String> log = new ArrayList<>();
        final Map<Integer, List<String>> staged = new LinkedHashMap<>();
        final Set<Integer> preCommitted = new HashSet<>();
        final Set<Integer> committed = new HashSet<>();
        final List<String> visible = new ArrayList<>();
        int nextId = 1;
        boolean failNextCommit;
        boolean failNextRecord;
        /** The rewind fence's durable record: lineage -> subtask -> checkpoint id. */
        final Map<String, Map<Integer, Long>> commitRecords = new LinkedHashMap<>();
        final List<long[]> rewinds = new ArrayList<>();
    }

    static final class IntSerializer implements TypeSerializer<Integer> {
        @Override
        public void serialize(Integer value, DataOutput out) throws IOException {
            out.writeInt(value);
        }

        @Override
        public Integer deserialize(DataInput in) throws IOException {
            return in.readInt();
        }

        @Override
        public Integer copy(Integer value) {
            return value;
        }

        @Override
        public boolean isImmutableType() {
            return true;
        }

        @Override
        public TypeSerializer<Integer> duplicate() {
            return this;
        }

        @Override
        public String snapshotIdentifier() {
            return "test-int";
        }
    }

    /** Transaction handle: the database's transaction id. Context: the subtask's name, to check it travels. */
    static final class DatabaseSink extends TwoPhaseCommitSinkFunction<String, Integer, Integer> {
        final transient FakeDatabase db;
        Integer restoredContext;
        final List<Integer> recoveredHandled = new ArrayList<>();

        DatabaseSink(FakeDatabase db) {
            super(new IntSerializer(), new IntSerializer());
            this.db = db;
        }

        @Override
        protected Integer beginTransaction() {
            int id = db.nextId++;
            db.staged.put(id, new ArrayList<>());
            db.log.add("begin " + id);
            return id;
        }

        @Override
        protected void invoke(Integer txn, String value, Context context) {
            db.staged.get(txn).add(value);
        }

        @Override
        protected void preCommit(Integer txn) {
            db.log.add("preCommit " + txn);
            db.preCommitted.add(txn);
        }

        @Override
        protected void commit(Integer txn) {
            db.log.add("commit " + txn);
            if (db.failNextCommit) {
                db.failNextCommit = false;
                throw new IllegalStateException("commit of " + txn + " failed");
            }
            if (!db.preCommitted.contains(txn)) {
                throw new AssertionError("commit of " + txn + " before its preCommit");
            }
            if (db.committed.add(txn)) {
                db.visible.addAll(db.staged.get(txn));
            }
        }

        @Override
        protected void abort(Integer txn) {
            db.log.add("abort " + txn);
            db.staged.remove(txn);
        }

        @Override
        protected void recoverAndCommit(Integer txn) throws Exception {
            db.log.add("recoverAndCommit " + txn);
            super.recoverAndCommit(txn);
        }

        @Override
        protected void recoverAndAbort(Integer txn) throws Exception {
            db.log.add("recoverAndAbort " + txn);
            super.recoverAndAbort(txn);
        }

        @Override
        protected java.util.OptionalLong lastCommittedCheckpointId(String lineage) {
            return db.commitRecords.getOrDefault(lineage, Map.of()).values().stream().mapToLong(Long::longValue).max();
        }

        @Override
        protected void recordCommit(String lineage, long checkpointId, List<Integer> transactions) {
            db.log.add("record " + lineage + " " + checkpointId + " " + transactions);
            if (db.failNextRecord) {
                db.failNextRecord = false;
                throw new IllegalStateException("disk full");
            }
            db.commitRecords.computeIfAbsent(lineage, l -> new LinkedHashMap<>()).put(getRuntimeContext().getIndexOfThisSubtask(), checkpointId);
        }

        @Override
        protected void rewindAccepted(long restoredCheckpointId, long lastCommittedCheckpointId) {
            db.rewinds.add(new long[] {restoredCheckpointId, lastCommittedCheckpointId});
        }

        @Override
        protected Optional<Integer> initializeUserContext() {
            return Optional.of(getRuntimeContext().getIndexOfThisSubtask() + 100);
        }

        @Override
        protected void finishRecoveringContext(Collection<Integer> handled) {
            restoredContext = getUserContext().orElse(null);
            recoveredHandled.addAll(handled);
        }
    }

    private final FakeDatabase db = new FakeDatabase();

    private SinkTestHarness<String> started() throws Exception {
        SinkTestHarness<String> h = new SinkTestHarness<>(new DatabaseSink(db));
        h.initialize();
        return h;
    }

    private SinkTestHarness<String> restored(SinkTestHarness.Snapshot snapshot, long checkpointId) throws Exception {
        SinkTestHarness<String> h = new SinkTestHarness<>(new DatabaseSink(db), 0, 1, 1);
        h.initialize(snapshot, checkpointId);
        return h;
    }

    @Test
    void whenCheckpointCompletes_thenItsTransactionBecomesVisibleAndNotBefore() throws Exception {
        SinkTestHarness<String> h = started();
        h.invoke("a");
        h.invoke("b");
        h.snapshot(1);
        h.invoke("c");
        assertThat(db.visible).isEmpty();

        h.notifyComplete(1);
        assertThat(db.visible).containsExactly("a", "b");
        assertThat(db.log).containsExactly("begin 1", "preCommit 1", "begin 2", "commit 1");
    }

    @Test
    void whenANotificationIsSkipped_thenTheLaterOneCommitsAllOlderTransactionsInOrder() throws Exception {
        SinkTestHarness<String> h = started();
        h.invoke("a");
        h.snapshot(1);
        h.invoke("b");
        h.snapshot(2);
        h.invoke("c");
        h.snapshot(3);

        h.notifyComplete(2);
        assertThat(db.visible).containsExactly("a", "b");
        h.notifyComplete(3);
        assertThat(db.visible).containsExactly("a", "b", "c");
        assertThat(db.log).containsSubsequence("commit 1", "commit 2", "commit 3");
    }

    @Test
    void whenACheckpointIsAborted_thenItsTransactionStaysPendingAndCommitsWithTheNextOne() throws Exception {
        SinkTestHarness<String> h = started();
        h.invoke("a");
        h.snapshot(1);
        h.notifyAborted(1);
        assertThat(db.log).doesNotContain("abort 1");
        h.invoke("b");
        SinkTestHarness.Snapshot s2 = h.snapshot(2);

        // checkpoint 2 records the transaction of the aborted checkpoint 1 as pending
        h.close();
        db.visible.clear();
        restored(s2, 2);
        assertThat(db.visible).containsExactly("a", "b");
    }

    @Test
    void whenRestored_thenPendingTransactionsAreCommittedAndTheOpenOneAborted() throws Exception {
        SinkTestHarness<String> h = started();
        h.invoke("a");
        SinkTestHarness.Snapshot s1 = h.snapshot(1);
        h.invoke("b"); // after the barrier: replayed after the restore
        // crash: checkpoint 1 completed, but the notification never arrived; no close either

        SinkTestHarness<String> again = restored(s1, 1);
        assertThat(db.visible).containsExactly("a");
        assertThat(db.log).containsSubsequence("recoverAndCommit 1", "commit 1", "recoverAndAbort 2", "abort 2", "begin 3");
        assertThat(db.staged).doesNotContainKey(2);
        assertThat(((DatabaseSink) again.function()).recoveredHandled).containsExactly(1, 2);

        again.invoke("b");
        again.snapshot(2);
        again.notifyComplete(2);
        assertThat(db.visible).containsExactly("a", "b");
    }

    @Test
    void whenCrashingAfterACommit_thenTheRepeatedCommitDoesNotDuplicate() throws Exception {
        SinkTestHarness<String> h = started();
        h.invoke("a");
        SinkTestHarness.Snapshot s1 = h.snapshot(1);
        h.notifyComplete(1);
        h.invoke("b");
        // crash before checkpoint 2: checkpoint 1 still lists transaction 1 as pending

        restored(s1, 1);
        assertThat(db.log.stream().filter(e -> e.equals("commit 1"))).hasSize(2);
        assertThat(db.visible).containsExactly("a");
    }

    @Test
    void whenACommitFails_thenTheTransactionStaysPendingForRecovery() throws Exception {
        SinkTestHarness<String> h = started();
        h.invoke("a");
        SinkTestHarness.Snapshot s1 = h.snapshot(1);
        db.failNextCommit = true;
        assertThatThrownBy(() -> h.notifyComplete(1)).hasMessageContaining("commit of 1 failed");
        h.close();

        restored(s1, 1);
        assertThat(db.visible).containsExactly("a");
    }

    @Test
    void whenInputEnds_thenFinishPreCommitsAndTheFinalCheckpointCommits() throws Exception {
        SinkTestHarness<String> h = started();
        h.invoke("a");
        h.snapshot(1);
        h.invoke("b");
        h.finish();
        assertThat(db.log).endsWith("preCommit 2");
        assertThatThrownBy(() -> h.invoke("late")).isInstanceOf(IllegalStateException.class).hasMessageContaining("FINISHED");

        h.snapshot(2); // the final checkpoint
        h.notifyComplete(1);
        assertThat(db.visible).containsExactly("a");
        h.notifyComplete(2);
        h.close();
        assertThat(db.visible).containsExactly("a", "b");
        assertThat(db.log).doesNotContain("begin 3").noneMatch(e -> e.startsWith("abort"));
    }

    @Test
    void whenRestoredFromTheFinalCheckpoint_thenTheFinishedTransactionIsCommitted() throws Exception {
        SinkTestHarness<String> h = started();
        h.invoke("a");
        h.finish();
        SinkTestHarness.Snapshot fin = h.snapshot(5);
        // crash before the final notification

        restored(fin, 5);
        assertThat(db.visible).containsExactly("a");
    }

    @Test
    void whenClosedAfterAFailure_thenOnlyTheOpenTransactionIsAborted() throws Exception {
        SinkTestHarness<String> h = started();
        h.invoke("a");
        h.snapshot(1);
        h.invoke("b");
        h.close();

        assertThat(db.log).contains("abort 2").doesNotContain("abort 1");
        assertThat(db.staged).containsKey(1).doesNotContainKey(2);
        h.notifyComplete(1); // a late notification after close is ignored; recovery commits instead
        assertThat(db.visible).isEmpty();
    }

    @Test
    void whenRescaledDown_thenOneSubtaskRecoversTheTransactionsOfAll() throws Exception {
        List<SinkTestHarness.Snapshot> snapshots = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            SinkTestHarness<String> h = new SinkTestHarness<>(new DatabaseSink(db), i, 3, 0);
            h.initialize();
            h.invoke("from-" + i);
            snapshots.add(h.snapshot(7));
        }
        List<SinkTestHarness.Snapshot> dealt = SinkTestHarness.redistribute(snapshots, 1);
        SinkTestHarness<String> one = new SinkTestHarness<>(new DatabaseSink(db), 0, 1, 1);
        one.initialize(dealt.get(0), 7);

        assertThat(db.visible).containsExactlyInAnyOrder("from-0", "from-1", "from-2");
        assertThat(((DatabaseSink) one.function()).restoredContext).isEqualTo(100);
    }

    @Test
    void whenRestoredAtTheSameParallelism_thenEachSubtaskGetsItsOwnStateBack() throws Exception {
        List<SinkTestHarness.Snapshot> snapshots = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            SinkTestHarness<String> h = new SinkTestHarness<>(new DatabaseSink(db), i, 2, 0);
            h.initialize();
            h.invoke("x" + i);
            snapshots.add(h.snapshot(3));
        }
        List<SinkTestHarness.Snapshot> dealt = SinkTestHarness.redistribute(snapshots, 2);
        for (int i = 0; i < 2; i++) {
            SinkTestHarness<String> h = new SinkTestHarness<>(new DatabaseSink(db), i, 2, 1);
            h.initialize(dealt.get(i), 3);
            assertThat(((DatabaseSink) h.function()).restoredContext).isEqualTo(100 + i);
        }
        assertThat(db.visible).containsExactlyInAnyOrder("x0", "x1");
    }

    @Test
    void whenRescaledUp_thenASubtaskWithoutStateStartsFresh() throws Exception {
        SinkTestHarness<String> h = new SinkTestHarness<>(new DatabaseSink(db), 0, 1, 0);
        h.initialize();
        h.invoke("a");
        List<SinkTestHarness.Snapshot> dealt = SinkTestHarness.redistribute(List.of(h.snapshot(1)), 2);

        SinkTestHarness<String> second = new SinkTestHarness<>(new DatabaseSink(db), 1, 2, 1);
        second.initialize(dealt.get(1), 1);
        assertThat(((DatabaseSink) second.function()).recoveredHandled).isEmpty();
        second.invoke("b");
        second.snapshot(2);
        second.notifyComplete(2);
        assertThat(db.visible).containsExactly("b");
    }

    @Test
    void whenSnapshotBeforeInitialize_thenTheErrorNamesThePhase() {
        DatabaseSink sink = new DatabaseSink(db);
        assertThatThrownBy(() -> new SinkTestHarness<>(sink).snapshot(1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("phase CREATED");
    }

    // ------------------------------------------------------------------ rewind fence

    /** Runs checkpoints 1 and 2 of lineage "L" to completion; returns the snapshot of checkpoint 1. */
    private SinkTestHarness.Snapshot twoCommittedCheckpoints() throws Exception {
        SinkTestHarness<String> h = new SinkTestHarness<String>(new DatabaseSink(db)).withLineage("L");
        h.initialize();
        h.invoke("a");
        SinkTestHarness.Snapshot s1 = h.snapshot(1);
        h.notifyComplete(1);
        h.invoke("b");
        h.snapshot(2);
        h.notifyComplete(2);
        h.invoke("c");
        return s1;
    }

    @Test
    void whenCommitting_thenTheRecordIsWrittenBeforeTheCommit() throws Exception {
        twoCommittedCheckpoints();
        assertThat(db.log).containsSubsequence("record L 1 [1]", "commit 1", "record L 2 [2]", "commit 2");
        assertThat(db.commitRecords).containsEntry("L", Map.of(0, 2L));
    }

    @Test
    void whenTheRecordCannotBeWritten_thenNothingIsCommitted() throws Exception {
        SinkTestHarness<String> h = new SinkTestHarness<String>(new DatabaseSink(db)).withLineage("L");
        h.initialize();
        h.invoke("a");
        h.snapshot(1);
        db.failNextRecord = true;
        assertThatThrownBy(() -> h.notifyComplete(1)).hasMessageContaining("disk full");
        assertThat(db.log).doesNotContain("commit 1");
        assertThat(db.visible).isEmpty();
    }

    @Test
    void whenRestoringACheckpointOlderThanCommittedOutput_thenTheRestoreIsRefusedAndNothingIsCommitted() throws Exception {
        SinkTestHarness.Snapshot s1 = twoCommittedCheckpoints();
        int logSize = db.log.size();

        SinkTestHarness<String> h = new SinkTestHarness<String>(new DatabaseSink(db), 0, 1, 1).withLineage("L");
        assertThatThrownBy(() -> h.initialize(s1, 1))
                .isInstanceOf(io.weir.api.execution.RestoreRefusedException.class)
                .hasMessageContaining("refuses to restore checkpoint 1")
                .hasMessageContaining("already committed the output of checkpoint 2")
                .hasMessageContaining("--allow-rewind");
        assertThat(db.log.subList(logSize, db.log.size())).isEmpty();
        assertThat(db.visible).containsExactly("a", "b");
        assertThat(db.commitRecords).containsEntry("L", Map.of(0, 2L));
    }

    @Test
    void whenTheRewindIsAllowed_thenTheSinkIsToldAndTheRestoreGoesOn() throws Exception {
        SinkTestHarness.Snapshot s1 = twoCommittedCheckpoints();

        SinkTestHarness<String> h = new SinkTestHarness<String>(new DatabaseSink(db), 0, 1, 1).withLineage("L").withRewindAllowed(true);
        h.initialize(s1, 1);
        assertThat(db.rewinds).singleElement().satisfies(r -> assertThat(r).containsExactly(1L, 2L));
        h.invoke("b");
        h.snapshot(3);
        h.notifyComplete(3);
        assertThat(db.visible).containsExactly("a", "b", "b"); // the duplicate the user accepted
        assertThat(db.commitRecords).containsEntry("L", Map.of(0, 3L));
    }

    @Test
    void whenRestoringTheNewestCommittedCheckpoint_thenNothingIsRefused() throws Exception {
        SinkTestHarness<String> h = new SinkTestHarness<String>(new DatabaseSink(db)).withLineage("L");
        h.initialize();
        h.invoke("a");
        h.snapshot(1);
        h.notifyComplete(1);
        h.invoke("b");
        SinkTestHarness.Snapshot s2 = h.snapshot(2);
        h.notifyComplete(2);

        new SinkTestHarness<String>(new DatabaseSink(db), 0, 1, 1).withLineage("L").initialize(s2, 2);
        assertThat(db.visible).containsExactly("a", "b");
        assertThat(db.rewinds).isEmpty();
    }

    @Test
    void whenTheOutputCameFromAnotherLineage_thenItIsNotARewind() throws Exception {
        SinkTestHarness.Snapshot s1 = twoCommittedCheckpoints();

        new SinkTestHarness<String>(new DatabaseSink(db), 0, 1, 1).withLineage("M").initialize(s1, 1);
        assertThat(db.rewinds).isEmpty();
    }

    @Test
    void whenTheJobHasNoLineage_thenThereIsNoFence() throws Exception {
        SinkTestHarness<String> h = new SinkTestHarness<>(new DatabaseSink(db));
        h.initialize();
        h.invoke("a");
        h.snapshot(1);
        h.notifyComplete(1);
        assertThat(db.commitRecords).isEmpty();
        assertThat(db.log).noneMatch(e -> e.startsWith("record"));
    }
}
