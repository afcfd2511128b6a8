package io.weir.connectors.files;

import io.weir.api.checkpoint.FunctionInitializationContext;
import io.weir.api.checkpoint.FunctionSnapshotContext;
import io.weir.api.functions.sink.TwoPhaseCommitSinkFunction;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a stream into row-format files, each element exactly once in the committed files, also
 * across failures, restarts, and a {@code kill -9} of the whole process (when the job is resumed
 * from its latest checkpoint).
 *
 * <pre>{@code
 * stream.addSink(FileSink.forRowFormat(Path.of("/data/out"), new SimpleStringEncoder<Event>())
 *         .withBucketAssigner((event, ctx) -> event.day())
 *         .withRollingPolicy(64 << 20, 60_000)
 *         .build());
 * }</pre>
 *
 * <h2>What a reader sees</h2>
 *
 * Each bucket is a directory under the base directory. A reader that lists it and ignores names
 * starting with {@code '.'} sees only complete, committed files named {@code part-<subtask>-<counter>};
 * once such a file appears it never changes and is never removed by the sink. Data of a checkpoint
 * interval becomes visible when that checkpoint completes, so output lags by about one checkpoint
 * interval. <strong>Checkpointing must be enabled</strong>: without it nothing is ever committed (the
 * sink warns when it closes with uncommitted output after the end of its input). Exactly once needs
 * {@code CheckpointingMode.EXACTLY_ONCE}; with {@code AT_LEAST_ONCE} a sink with several inputs may
 * write an element into the transaction of a checkpoint that does not cover it, so a restore can
 * repeat it.
 *
 * <h2>How</h2>
 *
 * The sink is a {@link TwoPhaseCommitSinkFunction} whose transaction is the set of part files
 * written between two checkpoint barriers:
 * <ol>
 *   <li>Elements are encoded into hidden in-progress files {@code .part-<subtask>-<counter>.inprogress},
 *       one open per bucket, through a {@link java.nio.channels.FileChannel}. A part rolls (closes,
 *       and the next element of that bucket opens a new one) when it reaches the maximum size or age
 *       of the rolling policy, checked per element, and always at a checkpoint.</li>
 *   <li>At a barrier (pre-commit) every open part is flushed, fsynced and closed, and the bucket
 *       directories are fsynced; the parts are recorded in the checkpoint as pending.</li>
 *   <li>When the checkpoint completes (commit) each pending part is renamed atomically to its
 *       visible name, and the directories are fsynced. A commit repeated after a restore finds a
 *       part already renamed and leaves it alone.</li>
 *   <li>On restore, parts pending in the checkpoint are committed; in-progress files of this
 *       subtask's name space that the checkpoint does not list (written after its barrier by the
 *       failed attempt) are deleted, and their elements are written again from the replay.
 *       Subtask 0 also cleans the name spaces of subtasks that no longer exist after a rescale.</li>
 * </ol>
 *
 * <p>Names never collide: the subtask index separates the name spaces of parallel subtasks, and
 * the counter is restored from the checkpoint and also continues after any existing part of the
 * name space found in the directory.
 *
 * <p>A base directory belongs to one sink: on restore each subtask removes in-progress files of its
 * name space that its checkpoint does not know, so two sinks (or jobs) sharing a directory would
 * delete each other's work. Restoring removes only hidden in-progress files, never committed ones.
 *
 * <h2>Restoring an older checkpoint (rewind)</h2>
 *
 * Before committing the parts of checkpoint {@code n}, each subtask records {@code n} and the job's lineage durably
 * in {@code <base>/.weir-commit-<i>} (hidden). A restore of a checkpoint older than the newest recorded
 * commit of the same lineage (for instance {@code -s} with an older {@code chk-N}, or after the newest
 * {@code _metadata} was lost) would write the records after it a second time, so the sink refuses it: the job fails
 * at once with a {@link io.weir.api.execution.RestoreRefusedException} ({@code weir run} exits with code 2) and its
 * checkpoints are kept. With {@code --allow-rewind} ({@code weir.restore.allow-rewind=true}) the restore goes on and
 * the sink <strong>keeps</strong> the parts committed after the restored checkpoint (committed files are never
 * removed, as above) and logs a warning naming them: their records are committed again in new parts, so the
 * output holds them twice, which is what the option accepts. An earlier run into the same directory that the job did
 * not restore from (a fresh start) has another lineage and is never taken for a rewind.
 *
 * <p>Errors (a base directory that cannot be created or written, a full disk during a write or an
 * fsync, a failed rename) fail the task with a message naming the file and what to do; the job then
 * restarts from its last checkpoint according to its restart strategy.
 */
public final class FileSink<IN> extends TwoPhaseCommitSinkFunction<IN, FileSinkTransaction, Void> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(FileSink.class);

    /** Default maximum part size: 128 MiB. */
    public static final long DEFAULT_MAX_PART_SIZE = 128L * 1024 * 1024;
    /** Default maximum part age: one minute. */
    public static final long DEFAULT_ROLLOVER_INTERVAL_MS = 60_000L;

    private final String baseDirectory;
    private final Encoder<IN> encoder;
    private final BucketAssigner<IN> bucketAssigner;
    private final long maxPartSizeBytes;
    private final long rolloverIntervalMs;

    // task thread only, per attempt
    private transient Path base;
    private transient int subtask;
    private transient long nextCounter;
    private transient Set<String> validBuckets;
    private transient ListState<PartNameSpace.Entry> nameSpaceState;
    private transient boolean finished;
    private transient boolean checkpointedSinceFinish;
    /** The name-space entries of the restored checkpoint, kept to report a rewind. */
    private transient List<PartNameSpace.Entry> restoredEntries;

    private FileSink(RowFormatBuilder<IN> b) {
        super(new FileSinkTransaction.Serializer());
        this.baseDirectory = b.baseDirectory.toString();
        this.encoder = b.encoder;
        this.bucketAssigner = b.bucketAssigner;
        this.maxPartSizeBytes = b.maxPartSizeBytes;
        this.rolloverIntervalMs = b.rolloverIntervalMs;
    }

    /** Starts a row-format sink writing into {@code baseDirectory} (created if missing) with {@code encoder}. */
    public static <IN> RowFormatBuilder<IN> forRowFormat(Path baseDirectory, Encoder<IN> encoder) {
        return new RowFormatBuilder<>(baseDirectory, encoder);
    }

    /** Configures a {@link FileSink}; every setting is validated when set. */
    public static final class RowFormatBuilder<IN> {
        private final Path baseDirectory;
        private final Encoder<IN> encoder;
        private BucketAssigner<IN> bucketAssigner = (element, context) -> "";
        private long maxPartSizeBytes = DEFAULT_MAX_PART_SIZE;
        private long rolloverIntervalMs = DEFAULT_ROLLOVER_INTERVAL_MS;

        private RowFormatBuilder(Path baseDirectory, Encoder<IN> encoder) {
            this.baseDirectory = Objects.requireNonNull(baseDirectory, "FileSink.forRowFormat: baseDirectory must not be null")
                    .toAbsolutePath().normalize();
            this.encoder = Objects.requireNonNull(encoder, "FileSink.forRowFormat: encoder must not be null");
        }

        /** Chooses each element's bucket (sub-directory); the default writes everything into the base directory ({@code ""}). */
        public RowFormatBuilder<IN> withBucketAssigner(BucketAssigner<IN> assigner) {
            this.bucketAssigner = Objects.requireNonNull(assigner, "withBucketAssigner: assigner must not be null");
            return this;
        }

        /**
         * Rolls a part once it holds at least {@code maxPartSizeBytes} bytes or is at least
         * {@code rolloverIntervalMs} old (both checked when an element arrives), besides always at
         * a checkpoint. Defaults: 128 MiB and 60 s.
         */
        public RowFormatBuilder<IN> withRollingPolicy(long maxPartSizeBytes, long rolloverIntervalMs) {
            if (maxPartSizeBytes <= 0) {
                throw new IllegalArgumentException("withRollingPolicy: maxPartSizeBytes must be > 0 bytes, was " + maxPartSizeBytes + ".");
            }
            if (rolloverIntervalMs <= 0) {
                throw new IllegalArgumentException("withRollingPolicy: rolloverIntervalMs must be > 0 ms, was " + rolloverIntervalMs + ".");
            }
            this.maxPartSizeBytes = maxPartSizeBytes;
            this.rolloverIntervalMs = rolloverIntervalMs;
            return this;
        }

        public FileSink<IN> build() {
            return new FileSink<>(this);
        }
    }

    // ------------------------------------------------------------------ state

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        base = Path.of(baseDirectory);
        subtask = getRuntimeContext().getIndexOfThisSubtask();
        validBuckets = new HashSet<>();
        FileSystemOps.ensureBaseDirectory(base);
        nameSpaceState = context.getOperatorStateStore().getUnionListState(
                new ListStateDescriptor<>(PartNameSpace.STATE_NAME, new PartNameSpace.EntrySerializer()));
        Set<String> pendingAnywhere = new HashSet<>();
        restoredEntries = new ArrayList<>();
        for (PartNameSpace.Entry e : nameSpaceState.get()) {
            pendingAnywhere.addAll(e.pendingInProgress());
            restoredEntries.add(e);
        }
        nextCounter = PartNameSpace.recover(base, subtask, getRuntimeContext().getNumberOfParallelSubtasks(), nameSpaceState.get(),
                pendingAnywhere, LOG);
        nameSpaceState.clear();
        super.initializeState(context); // commits restored pending parts, then begins the first transaction
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        super.snapshotState(context); // pre-commits the open transaction
        List<String> pending = new ArrayList<>();
        for (FileSinkTransaction t : pendingTransactions()) {
            for (PartFile p : t.parts()) {
                pending.add(p.relativeInProgress());
            }
        }
        nameSpaceState.update(List.of(new PartNameSpace.Entry(subtask, nextCounter, pending)));
        checkpointedSinceFinish = finished;
    }

    @Override
    public void finish() throws Exception {
        super.finish();
        finished = true;
    }

    @Override
    public void close() throws Exception {
        if (finished && !checkpointedSinceFinish && !pendingTransactions().isEmpty()) {
            LOG.warn("File sink {} (subtask {}) closes with output that no checkpoint committed: {}. The file sink commits only when a "
                    + "checkpoint completes; enable checkpointing (env.enableCheckpointing(...)). The data stays in hidden in-progress files.",
                    base, subtask, pendingTransactions());
        }
        super.close();
    }

    // ------------------------------------------------------------------ rewind fence

    @Override
    protected java.util.OptionalLong lastCommittedCheckpointId(String lineage) throws IOException {
        return CommitRecords.highest(base, lineage);
    }

    /** Records the checkpoint before its parts become visible; transactions without parts make nothing visible. */
    @Override
    protected void recordCommit(String lineage, long checkpointId, List<FileSinkTransaction> transactions) throws IOException {
        for (FileSinkTransaction t : transactions) {
            if (!t.parts().isEmpty()) {
                CommitRecords.write(base, subtask, lineage, checkpointId);
                return;
            }
        }
    }

    /** Keeps the parts committed after the restored checkpoint, names them in a warning, and resets this subtask's record. */
    @Override
    protected void rewindAccepted(long restoredCheckpointId, long lastCommittedCheckpointId) throws IOException {
        int parallelism = getRuntimeContext().getNumberOfParallelSubtasks();
        List<Path> newer = PartNameSpace.committedAfter(base, restoredEntries, subtask, parallelism);
        LOG.warn("File sink {} (subtask {}): restoring checkpoint {} although the output of checkpoint {} is already committed, as "
                + "allowed by weir.restore.allow-rewind. The records after checkpoint {} are written again; the {} part file(s) committed "
                + "after it are kept, so those records are in the output twice: {}", base, subtask, restoredCheckpointId,
                lastCommittedCheckpointId, restoredCheckpointId, newer.size(), newer.size() <= 20 ? newer : newer.subList(0, 20) + " ...");
        String lineage = null;
        for (CommitRecords.Entry e : CommitRecords.readAll(base)) {
            if (e.subtask() == subtask) {
                lineage = e.lineage();
            } else if (subtask == 0 && e.subtask() >= parallelism) {
                CommitRecords.delete(base, e.subtask()); // subtasks that no longer exist cannot reset their own
            }
        }
        if (lineage != null) {
            CommitRecords.write(base, subtask, lineage, restoredCheckpointId);
        }
    }

    // ------------------------------------------------------------------ transactions

    @Override
    protected FileSinkTransaction beginTransaction() {
        return new FileSinkTransaction();
    }

    @Override
    protected void invoke(FileSinkTransaction txn, IN value, Context context) throws Exception {
        String bucket = bucketAssigner.getBucketId(value, context);
        if (!validBuckets.contains(bucket)) {
            validateBucketId(bucket, value);
            validBuckets.add(bucket);
        }
        long now = context.currentProcessingTime();
        PartWriter part = txn.openParts.get(bucket);
        if (part != null && (part.size() >= maxPartSizeBytes || now - part.createdAt() >= rolloverIntervalMs)) {
            closePart(txn, bucket, part);
            part = null;
        }
        if (part == null) {
            part = openPart(bucket, now);
            txn.openParts.put(bucket, part);
        }
        part.write(value, encoder);
    }

    private PartWriter openPart(String bucket, long now) throws IOException {
        Path dir = bucket.isEmpty() ? base : base.resolve(bucket);
        FileSystemOps.ensureBucketDirectory(base, dir);
        return PartWriter.create(dir, PartFile.committedName(subtask, nextCounter++), now);
    }

    private void closePart(FileSinkTransaction txn, String bucket, PartWriter part) throws IOException {
        part.closeDurably(); // on failure the part stays open in the transaction, so that abort() deletes it
        txn.openParts.remove(bucket);
        txn.addClosed(new PartFile(bucket, part.partName(), part.size()));
    }

    /** Closes every open part durably and makes the parts' directory entries durable. */
    @Override
    protected void preCommit(FileSinkTransaction txn) throws Exception {
        for (Map.Entry<String, PartWriter> e : new ArrayList<>(txn.openParts.entrySet())) {
            closePart(txn, e.getKey(), e.getValue());
        }
        for (Path dir : directoriesOf(txn)) {
            FileSystemOps.fsyncDirectory(dir);
        }
    }

    @Override
    protected void commit(FileSinkTransaction txn) throws Exception {
        commit(txn, false);
    }

    @Override
    protected void recoverAndCommit(FileSinkTransaction txn) throws Exception {
        commit(txn, true);
    }

    private void commit(FileSinkTransaction txn, boolean recovering) throws IOException {
        Set<Path> renamedIn = new LinkedHashSet<>();
        for (PartFile p : txn.parts()) {
            if (FileSystemOps.commit(base, p, recovering, LOG)) {
                renamedIn.add(p.bucketDirectory(base));
            }
        }
        for (Path dir : renamedIn) {
            FileSystemOps.fsyncDirectory(dir);
        }
    }

    /** Deletes the transaction's files: open parts and parts rolled before it was pre-committed. */
    @Override
    protected void abort(FileSinkTransaction txn) throws Exception {
        IOException failure = null;
        for (PartWriter w : txn.openParts.values()) {
            try {
                w.discard();
            } catch (IOException e) {
                failure = keepFirst(failure, e);
            }
        }
        txn.openParts.clear();
        for (PartFile p : txn.parts()) {
            try {
                Files.deleteIfExists(p.inProgressPath(base));
            } catch (IOException e) {
                failure = keepFirst(failure, new IOException("Cannot delete aborted part file " + p.inProgressPath(base) + ": " + e
                        + ". It is hidden and harmless to readers; it is removed when the sink next restores.", e));
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static IOException keepFirst(IOException first, IOException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    private Set<Path> directoriesOf(FileSinkTransaction txn) {
        Set<Path> dirs = new LinkedHashSet<>();
        for (PartFile p : txn.parts()) {
            dirs.add(p.bucketDirectory(base));
        }
        return dirs;
    }

    private void validateBucketId(String bucket, IN value) {
        String problem = null;
        if (bucket == null) {
            problem = "it is null";
        } else if (!bucket.isEmpty()) {
            if (bucket.startsWith("/") || bucket.contains("\\") || Path.of(bucket).isAbsolute()) {
                problem = "it must be a relative path with '/' separators";
            } else {
                for (String segment : bucket.split("/", -1)) {
                    if (segment.isEmpty() || segment.startsWith(".")) {
                        problem = "its segments must be non-empty and must not start with '.' (segment '" + segment + "')";
                        break;
                    }
                }
            }
        }
        if (problem != null) {
            throw new IllegalArgumentException("The bucket assigner of file sink " + base + " returned bucket id '" + bucket + "' for element "
                    + value + ", which is not allowed: " + problem + ". Use \"\" for the base directory or names like \"2024-05-01\" or \"eu/2024-05-01\".");
        }
    }

    @Override
    public String toString() {
        return "FileSink(" + baseDirectory + ", rolling at " + maxPartSizeBytes + " bytes or " + rolloverIntervalMs + " ms)";
    }
}
