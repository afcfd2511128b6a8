package io.weir.runtime.checkpoint;

import io.weir.api.configuration.IllegalConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Checkpoints of one job in a directory of a local (or mounted) file system:
 * {@code <base>/<job folder>/chk-<id>/{_metadata, <state files>}}.
 *
 * <p>A checkpoint's life:
 * <ol>
 *   <li>{@link #nextCheckpointId()} gives the id; ids only grow, also across process restarts.</li>
 *   <li>I/O threads write the subtasks' state with {@link #createStateFile}, concurrently, one file each; each file
 *       is fsynced when its handle is taken.</li>
 *   <li>{@link #commitCheckpoint} writes {@code _metadata} atomically. From that moment on the checkpoint is
 *       complete and durable, and restores will find it; before it, it does not exist for them.</li>
 *   <li>Or {@link #abortCheckpoint} removes what was written.</li>
 * </ol>
 *
 * <p>Storage treats state files as opaque bytes; it guarantees that they come back unchanged or not at all (CRC32C
 * and size recorded in the metadata, checked when listing, loading and reading).
 *
 * <p>Thread-safety: {@code createStateFile} may be called from many threads at once for different files. Commit,
 * abort, retention and {@code discardAll} are serialized with each other. One process per job folder: two processes
 * writing the same job folder are not detected.
 */
public final class FileCheckpointStorage {
    private static final Logger LOG = LoggerFactory.getLogger(FileCheckpointStorage.class);
    private static final Pattern URI_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");
    private static final String SETTING_HINT = "The checkpoint directory is set with"
            + " env.getCheckpointConfig().setCheckpointStorage(\"file:///path\") or execution.checkpointing.dir.";

    private final String jobName;
    private final Path jobDirectory;
    private final int numRetained;
    private final Object lifecycleLock = new Object();
    /** Held while a job uses the folder, so two running jobs never share one (released by the OS if the process dies). */
    private FileChannel lockChannel;
    private java.nio.channels.FileLock folderLock;
    private final AtomicLong nextId = new AtomicLong(1);
    private final Set<Long> abortedIds = ConcurrentHashMap.newKeySet();
    private volatile boolean initialized;
    /** Written under lifecycleLock; read by I/O threads to refuse files for subsumed checkpoints. */
    private volatile long latestCompletedId;

    /**
     * @param baseUri     {@code file:///abs/path} or a plain path; other schemes are refused
     * @param jobName     the job's name; it becomes a folder name, see {@link #jobFolderName(String)}
     * @param numRetained how many complete checkpoints to keep, {@code >= 1}
     */
    /**
     * Where fault injection (the simulator) may make a storage operation fail, as a full disk or a
     * broken device would. Production storage has none.
     */
    public interface FaultHook {
        /** The operations that can be made to fail. */
        enum Point { STATE_FILE, METADATA_WRITE, METADATA_RENAME, METADATA_FSYNC }

        /** Called before the operation on {@code path}; throwing makes the operation fail with that exception. Any I/O thread. */
        void before(Point point, Path path) throws IOException;

        FaultHook NONE = (point, path) -> { };
    }

    private volatile FaultHook faultHook = FaultHook.NONE;

    /** Installs a fault hook (for fault-injection tests); {@link FaultHook#NONE} removes it. */
    public void setFaultHook(FaultHook hook) {
        this.faultHook = java.util.Objects.requireNonNull(hook, "hook");
    }

    public FileCheckpointStorage(String baseUri, String jobName, int numRetained) {
        Objects.requireNonNull(baseUri, "baseUri");
        this.jobName = Objects.requireNonNull(jobName, "jobName");
        if (numRetained < 1) {
            throw new IllegalConfigurationException("number of retained checkpoints (execution.checkpointing.num-retained)"
                    + " must be >= 1, was " + numRetained);
        }
        this.numRetained = numRetained;
        this.jobDirectory = parseBase(baseUri).resolve(jobFolderName(jobName));
    }

    /**
     * The folder name for a job name: letters, digits, {@code - _ .} are kept, every other character is written as
     * {@code %XX} of its UTF-8 bytes ("word count" becomes "word%20count"), so different jobs never share a folder.
     */
    public static String jobFolderName(String jobName) {
        return JobFolderNames.encode(jobName);
    }

    public Path jobDirectory() {
        return jobDirectory;
    }

    public String jobName() {
        return jobName;
    }

    /**
     * Creates the job folder (owner-only on POSIX) and proves that it is writable by writing, fsyncing and deleting a
     * probe file. Call at job start, before anything runs, so that a wrong directory fails the job at once with a
     * message that says which path, why, and what to do, rather than at the first checkpoint.
     */
    public void initialize() throws CheckpointStorageException {
        synchronized (lifecycleLock) {
            // 1. Folders above the job folder get default permissions, the job folder owner-only.
            createJobDirectory();
            lockJobDirectory();
            // 2. Probe, so a read-only mount, a full disk or a missing permission shows now.
            Path probe = jobDirectory.resolve("_probe-" + UUID.randomUUID());
            try (FileChannel ch = StorageFiles.createNewFile(probe)) {
                StorageFiles.writeFully(ch, ByteBuffer.wrap(new byte[] {'w', 'e', 'i', 'r'}));
                ch.force(true);
            } catch (IOException e) {
                throw cannotUse(e, probe);
            } finally {
                try {
                    Files.deleteIfExists(probe);
                } catch (IOException e) {
                    LOG.warn("Could not delete the probe file {}: {}", probe, StorageFiles.reason(e));
                }
            }
            // 3. The job folder's entry must survive a power loss like the checkpoints in it.
            try {
                StorageFiles.fsyncDirectory(jobDirectory);
                StorageFiles.fsyncDirectory(jobDirectory.getParent());
            } catch (IOException e) {
                throw cannotUse(e, jobDirectory);
            }
            // 4. Learn the ids already used, so new ones continue after them.
            try {
                long latestComplete = 0;
                for (Path folder : CheckpointExamination.checkpointFolders(jobDirectory)) { // newest first
                    long id = CheckpointExamination.checkpointIdOf(folder).getAsLong();
                    nextId.accumulateAndGet(id + 1, Math::max);
                    if (latestComplete == 0 && Files.exists(folder.resolve(CheckpointExamination.METADATA_FILE))) {
                        latestComplete = id;
                    }
                }
                latestCompletedId = latestComplete;
            } catch (IOException e) {
                throw cannotUse(e, jobDirectory);
            }
            initialized = true;
        }
    }

    /**
     * Takes an exclusive lock on {@code <job folder>/.lock}. Another running job with the same name
     * and checkpoint directory (in this JVM or another process) would delete or overwrite this
     * job's checkpoints, so that is refused with a clear error instead.
     */
    private void lockJobDirectory() throws CheckpointStorageException {
        if (folderLock != null && folderLock.isValid()) {
            return;
        }
        Path lockFile = jobDirectory.resolve(".lock");
        java.nio.channels.FileLock acquired;
        FileChannel ch;
        try {
            ch = FileChannel.open(lockFile, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw cannotUse(e, lockFile);
        }
        try {
            acquired = ch.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            acquired = null;
        } catch (IOException e) {
            closeQuietly(ch);
            throw cannotUse(e, lockFile);
        }
        if (acquired == null) {
            closeQuietly(ch);
            throw new CheckpointStorageException(lockFile, "Checkpoint folder " + jobDirectory + " is in use by another running job "
                    + "(its lock file " + lockFile + " is held). Two jobs sharing a folder would delete each other's checkpoints: "
                    + "give this job another name (execute(\"...\")) or another checkpoint directory, or stop the other job first. "
                    + SETTING_HINT, null);
        }
        lockChannel = ch;
        folderLock = acquired;
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // nothing to release
        }
    }

    /** Releases the job folder for other jobs; the checkpoints stay. Call when the job terminates. */
    public void close() {
        synchronized (lifecycleLock) {
            if (lockChannel != null) {
                closeQuietly(lockChannel); // also releases the lock
                lockChannel = null;
                folderLock = null;
            }
        }
    }

    private void createJobDirectory() throws CheckpointStorageException {
        try {
            Files.createDirectories(jobDirectory.getParent());
            StorageFiles.createOwnerOnlyDirectory(jobDirectory);
        } catch (IOException e) {
            throw cannotUse(e, jobDirectory);
        }
    }

    private CheckpointStorageException cannotUse(IOException e, Path fallback) {
        String reason = StorageFiles.reason(e);
        Path where = StorageFiles.failedPath(e, fallback);
        String advice;
        if (reason.contains("permission denied") || reason.contains("operation not permitted")) {
            advice = "Give the user running Weir (" + System.getProperty("user.name") + ") write permission there,"
                    + " or choose a directory it owns.";
        } else if (reason.contains("not a directory")) {
            advice = where + " or one of its parents is a regular file, not a folder; remove it or choose another directory.";
        } else if (reason.contains("no space left") || reason.contains("quota")) {
            advice = "Free disk space there, or choose a directory on a file system with room for the checkpoints.";
        } else if (reason.contains("read-only")) {
            advice = "That file system is mounted read-only; choose a directory on a writable one.";
        } else {
            advice = "Check the path, or choose another directory.";
        }
        return new CheckpointStorageException(where, "Cannot use checkpoint directory " + jobDirectory + ": " + reason
                + (where.equals(jobDirectory) ? "" : " (at " + where + ")") + ". " + advice + " " + SETTING_HINT, e);
    }

    /**
     * The next checkpoint id: at least 1 + the highest id of any {@code chk-N} folder present (complete or not), and
     * greater than every id this instance returned before, so ids do not repeat.
     */
    public long nextCheckpointId() {
        requireInitialized();
        long afterOnDisk = highestIdOnDisk() + 1;
        while (true) {
            long current = nextId.get();
            long id = Math.max(current, afterOnDisk);
            if (nextId.compareAndSet(current, id + 1)) {
                return id;
            }
        }
    }

    private long highestIdOnDisk() {
        try {
            List<Path> folders = CheckpointExamination.checkpointFolders(jobDirectory);
            return folders.isEmpty() ? 0 : CheckpointExamination.checkpointIdOf(folders.get(0)).getAsLong();
        } catch (IOException e) {
            LOG.warn("Could not list {} to find the highest checkpoint id ({}); continuing from the ids seen so far",
                    jobDirectory, StorageFiles.reason(e));
            return 0;
        }
    }

    /**
     * Creates {@code chk-<id>/} (owner-only) if needed and a new state file in it. Safe to call from many threads for
     * different files of the same checkpoint.
     *
     * @param fileName a plain file name, unique within the checkpoint, not starting with {@code _}
     * @throws java.nio.file.FileAlreadyExistsException if that file already exists
     * @throws CheckpointStorageException                if the checkpoint was aborted or an equal or newer one has
     *                                                   already completed (the write is no longer wanted)
     */
    public StateFileOutputStream createStateFile(long checkpointId, String fileName) throws IOException {
        requireInitialized();
        StateFileHandle.checkFileName(fileName);
        Path folder = CheckpointExamination.folderFor(jobDirectory, checkpointId);
        Path file = folder.resolve(fileName);
        // Under the lock, so that an abort cannot run between the check and the creation: it would delete the folder,
        // and this would create it again, leaving an incomplete checkpoint folder behind a job that stopped.
        synchronized (lifecycleLock) {
            long latestCompleted = latestCompletedId;
            if (checkpointId <= latestCompleted || abortedIds.contains(checkpointId)) {
                throw new CheckpointStorageException(folder, "Checkpoint " + checkpointId + " of job '" + jobName + "' was "
                        + (checkpointId <= latestCompleted ? "subsumed by completed checkpoint " + latestCompleted : "aborted")
                        + "; its state file " + fileName + " is not written.");
            }
            faultHook.before(FaultHook.Point.STATE_FILE, file);
            StorageFiles.createOwnerOnlyDirectory(folder);
            return new StateFileOutputStream(file, StorageFiles.createNewFile(file));
        }
    }

    /**
     * Completes a checkpoint by writing its {@code _metadata}: to a temporary file, fsynced, atomically renamed, then
     * the checkpoint and job folders fsynced. Only when this returns is the checkpoint complete; if it throws, the
     * checkpoint is not complete (a leftover temporary file is ignored by readers). Then applies retention: deletes
     * the oldest complete checkpoints beyond the number to retain, and every incomplete one older than this one.
     *
     * @throws IllegalArgumentException if the metadata is for another job or another format version
     * @throws IllegalStateException    if this checkpoint is already complete, or a newer one is
     * @throws IOException              if a state file named in the metadata is missing or has another size, or the
     *                                  write fails
     */
    public void commitCheckpoint(CheckpointMetadata metadata) throws IOException {
        requireInitialized();
        synchronized (lifecycleLock) {
            long id = metadata.checkpointId();
            Path folder = CheckpointExamination.folderFor(jobDirectory, id);
            checkCommittable(metadata, folder);
            StorageFiles.createOwnerOnlyDirectory(folder); // a checkpoint of stateless tasks has no state files
            writeMetadataAtomically(folder, MetadataFormat.write(metadata));
            latestCompletedId = id;
            LOG.info("Completed checkpoint {} of job '{}' in {} ({} bytes of state)", id, jobName, folder, metadata.totalStateBytes());
            applyRetention(id);
        }
    }

    private void checkCommittable(CheckpointMetadata metadata, Path folder) throws IOException {
        long id = metadata.checkpointId();
        if (!metadata.jobName().equals(jobName)) {
            throw new IllegalArgumentException("metadata of checkpoint " + id + " is for job '" + metadata.jobName()
                    + "', but this storage belongs to job '" + jobName + "'");
        }
        if (metadata.formatVersion() != CheckpointMetadata.CURRENT_FORMAT_VERSION) {
            throw new IllegalArgumentException("metadata of checkpoint " + id + " has format version "
                    + metadata.formatVersion() + "; this Weir writes version " + CheckpointMetadata.CURRENT_FORMAT_VERSION);
        }
        if (Files.exists(folder.resolve(CheckpointExamination.METADATA_FILE))) {
            throw new IllegalStateException("checkpoint " + id + " of job '" + jobName + "' is already complete");
        }
        if (id <= latestCompletedId) {
            throw new IllegalStateException("checkpoint " + id + " of job '" + jobName + "' cannot complete after the"
                    + " newer checkpoint " + latestCompletedId + " did; it is subsumed and should be aborted");
        }
        if (abortedIds.contains(id)) {
            throw new IllegalStateException("checkpoint " + id + " of job '" + jobName + "' was aborted and cannot complete");
        }
        for (SubtaskStateMetadata subtask : metadata.subtasks()) {
            StateFileHandle handle = subtask.stateFile();
            if (handle == null) {
                continue;
            }
            Path file = folder.resolve(handle.fileName());
            long size;
            try {
                size = Files.size(file);
            } catch (NoSuchFileException e) {
                throw new CheckpointStorageException(file, "Cannot complete checkpoint " + id + " of job '" + jobName
                        + "': the state file " + file + " of subtask " + subtask.subtaskIndex() + " of task "
                        + subtask.taskName() + " does not exist.", e);
            }
            if (size != handle.sizeBytes()) {
                throw new CheckpointStorageException(file, "Cannot complete checkpoint " + id + " of job '" + jobName
                        + "': the state file " + file + " has " + size + " bytes, but its handle says " + handle.sizeBytes() + ".");
            }
        }
    }

    private void writeMetadataAtomically(Path folder, byte[] bytes) throws IOException {
        Path temp = folder.resolve(CheckpointExamination.METADATA_FILE + "." + UUID.randomUUID() + ".tmp");
        Path target = folder.resolve(CheckpointExamination.METADATA_FILE);
        // 1. Temporary file, fsynced: its content is durable before anyone can see it under the final name.
        try (FileChannel ch = StorageFiles.createNewFile(temp)) {
            faultHook.before(FaultHook.Point.METADATA_WRITE, temp);
            StorageFiles.writeFully(ch, ByteBuffer.wrap(bytes));
            ch.force(true);
        } catch (IOException e) {
            deleteQuietly(temp, e);
            throw e;
        }
        // 2. fsync the folder: the state files' entries are durable before _metadata names them.
        // 3. Atomic rename: readers see no _metadata, or all of it.
        try {
            StorageFiles.fsyncDirectory(folder);
            faultHook.before(FaultHook.Point.METADATA_RENAME, target);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            deleteQuietly(temp, e);
            throw new CheckpointStorageException(folder, "The file system of " + folder + " cannot rename atomically,"
                    + " which checkpoints need; choose a checkpoint directory on a local file system. " + SETTING_HINT, e);
        } catch (IOException e) {
            deleteQuietly(temp, e);
            throw e;
        }
        // 4. fsync the checkpoint folder (the rename) and the job folder (the chk-<id> entry). If that fails, take the
        //    checkpoint back: the caller will treat it as failed, so it must not be found after a restart either.
        try {
            faultHook.before(FaultHook.Point.METADATA_FSYNC, folder);
            StorageFiles.fsyncDirectory(folder);
            StorageFiles.fsyncDirectory(jobDirectory);
        } catch (IOException e) {
            deleteQuietly(target, e);
            throw e;
        }
    }

    private static void deleteQuietly(Path file, Exception primary) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            primary.addSuppressed(e);
        }
    }

    private void applyRetention(long newestCompleteId) {
        List<Path> folders;
        try {
            folders = CheckpointExamination.checkpointFolders(jobDirectory);
        } catch (IOException e) {
            LOG.warn("Could not list {} to remove old checkpoints: {}", jobDirectory, StorageFiles.reason(e));
            return;
        }
        int completeSeen = 0;
        for (Path folder : folders) { // newest first
            long id = CheckpointExamination.checkpointIdOf(folder).getAsLong();
            boolean complete = Files.exists(folder.resolve(CheckpointExamination.METADATA_FILE));
            if (complete && ++completeSeen > numRetained) {
                deleteCheckpointFolder(folder, "it is older than the " + numRetained + " retained checkpoint(s)");
            } else if (!complete && id < newestCompleteId) {
                deleteCheckpointFolder(folder, "it is incomplete and older than completed checkpoint " + newestCompleteId);
            }
        }
    }

    /** Deletes {@code _metadata} first, so a crash half-way leaves an incomplete folder, never a damaged "complete" one. */
    private void deleteCheckpointFolder(Path folder, String why) {
        try {
            Files.deleteIfExists(folder.resolve(CheckpointExamination.METADATA_FILE));
            StorageFiles.deleteRecursively(folder);
            LOG.debug("Removed {}: {}", folder, why);
        } catch (IOException e) {
            LOG.warn("Could not remove {} ({}): {}; it will be retried after the next checkpoint completes",
                    folder, why, StorageFiles.reason(e));
        }
    }

    /**
     * Removes {@code chk-<id>} and everything in it, and refuses later state files for it. Never throws: does nothing
     * if the folder does not exist, and logs a warning if it cannot be removed (retention retries later).
     *
     * <p>A complete checkpoint (one with {@code _metadata}) is kept, with a warning: complete checkpoints are removed
     * only by retention or {@link #discardAll()}. This can happen when a commit failed after its rename and could not
     * take the rename back; keeping such a checkpoint is safe, since restoring from it re-commits what it recorded.
     */
    public void abortCheckpoint(long checkpointId) {
        synchronized (lifecycleLock) {
            Path folder = CheckpointExamination.folderFor(jobDirectory, checkpointId);
            if (Files.exists(folder.resolve(CheckpointExamination.METADATA_FILE))) {
                LOG.warn("Not removing checkpoint {} of job '{}' in {}: it is complete; retention will remove it once"
                        + " newer checkpoints complete", checkpointId, jobName, folder);
                return;
            }
            abortedIds.add(checkpointId);
            deleteCheckpointFolder(folder, "checkpoint " + checkpointId + " was aborted");
        }
    }

    /**
     * Deletes the job folder with all its checkpoints, for a job that ended and whose retention setting says so.
     * Logs a warning if something cannot be deleted. Call {@link #initialize()} again before writing new checkpoints.
     */
    public void discardAll() {
        synchronized (lifecycleLock) {
            initialized = false;
            try {
                List<Path> folders = CheckpointExamination.checkpointFolders(jobDirectory);
                for (Path folder : folders) { // newest first, each made incomplete before its files go
                    Files.deleteIfExists(folder.resolve(CheckpointExamination.METADATA_FILE));
                }
                StorageFiles.deleteRecursively(jobDirectory);
                LOG.info("Deleted the checkpoints of job '{}' in {}", jobName, jobDirectory);
            } catch (IOException e) {
                LOG.warn("Could not delete the checkpoints of job '{}' in {}: {}", jobName, jobDirectory, StorageFiles.reason(e));
            }
        }
    }

    /**
     * All {@code chk-N} folders, newest first, each verified: complete ones have their metadata parsed and every
     * state file's size and CRC32C checked (this reads all state files). Does not need {@link #initialize()}.
     */
    public List<CheckpointInfo> listCheckpoints() {
        return CheckpointLoader.listCheckpoints(jobDirectory);
    }

    /**
     * The newest checkpoint that is complete and intact (every file verified). Newer incomplete ones are skipped
     * silently (normal after a crash); newer complete but damaged ones are skipped with a WARN naming the file and the
     * problem. Does not need {@link #initialize()}.
     */
    /**
     * The newest completed checkpoint and the newest intact one, verified (metadata, sizes and
     * checksums of every state file), for deciding what {@code -s latest} may restore. Any thread.
     *
     * @throws IOException if the job folder cannot be listed
     */
    /** Name of the marker a finished job leaves in its job folder after deleting its checkpoints. */
    public static final String FINISHED_MARKER = "_finished";

    /**
     * For a job that <em>finished</em> and whose retention deletes its checkpoints: first leaves
     * {@code <job folder>/_finished} (one line: when), durably, then deletes every checkpoint folder, keeping the
     * marker. So a later {@code -s latest} of the same job is refused instead of silently starting from scratch (or
     * from an older checkpoint) and writing its output again, also when the process dies halfway through the deletion.
     * If the marker cannot be written the checkpoints are kept (logged). Master thread.
     */
    public void finishAndDiscard(long epochMillis) {
        synchronized (lifecycleLock) {
            if (!markFinished(epochMillis)) {
                return;
            }
            initialized = false;
            try {
                List<Path> folders = CheckpointExamination.checkpointFolders(jobDirectory);
                for (Path folder : folders) { // newest first, each made incomplete before its files go
                    Files.deleteIfExists(folder.resolve(CheckpointExamination.METADATA_FILE));
                }
                for (Path folder : folders) {
                    StorageFiles.deleteRecursively(folder);
                }
                StorageFiles.fsyncDirectory(jobDirectory);
                LOG.info("Job '{}' finished: deleted its checkpoints in {} and left {} (a resume with -s latest is refused; start a new"
                        + " run with --fresh)", jobName, jobDirectory, FINISHED_MARKER);
            } catch (IOException e) {
                LOG.warn("Could not delete the checkpoints of finished job '{}' in {}: {}", jobName, jobDirectory, StorageFiles.reason(e));
            }
        }
    }

    /** Writes the finished marker durably; false (logged) if it cannot. */
    private boolean markFinished(long epochMillis) {
        Path marker = jobDirectory.resolve(FINISHED_MARKER);
        Path tmp = jobDirectory.resolve(FINISHED_MARKER + ".tmp");
        try {
            Files.createDirectories(jobDirectory.getParent());
            if (!Files.isDirectory(jobDirectory)) {
                StorageFiles.createOwnerOnlyDirectory(jobDirectory);
            }
            Files.deleteIfExists(tmp);
            try (FileChannel ch = StorageFiles.createNewFile(tmp)) {
                StorageFiles.writeFully(ch, ByteBuffer.wrap((java.time.Instant.ofEpochMilli(epochMillis) + "\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                ch.force(true);
            }
            Files.move(tmp, marker, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            StorageFiles.fsyncDirectory(jobDirectory);
            return true;
        } catch (IOException e) {
            LOG.warn("Could not leave the finished marker {} of job '{}': {}; its checkpoints are kept", marker, jobName,
                    StorageFiles.reason(e));
            return false;
        }
    }

    /** When the job last finished (its {@code _finished} marker), if the marker is there. Any thread. */
    public Optional<String> finishedAt() {
        try {
            return Optional.of(Files.readString(jobDirectory.resolve(FINISHED_MARKER), java.nio.charset.StandardCharsets.UTF_8).trim());
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("an unknown time (" + StorageFiles.reason(e) + ")");
        }
    }

    /** Removes the finished marker: a new run of the job has started. */
    public void clearFinished() throws IOException {
        if (Files.deleteIfExists(jobDirectory.resolve(FINISHED_MARKER))) {
            StorageFiles.fsyncDirectory(jobDirectory);
        }
    }

    public LatestCheckpoints findLatest() throws IOException {
        return CheckpointLoader.latest(jobDirectory);
    }

    public Optional<CompletedCheckpoint> findLatestIntact() {
        try {
            return Optional.ofNullable(CheckpointLoader.latestIntact(jobDirectory, null));
        } catch (IOException e) {
            LOG.warn("Could not list the checkpoints in {}: {}", jobDirectory, StorageFiles.reason(e));
            return Optional.empty();
        }
    }

    /**
     * Loads and verifies a checkpoint for restoring. {@code path} is a {@code chk-N} folder, its {@code _metadata}
     * file, or a job folder, which means "the newest intact checkpoint in it".
     *
     * @throws CorruptCheckpointException  if the checkpoint is incomplete or damaged (or, for a job folder, none is
     *                                     intact), naming the file and the problem
     * @throws CheckpointStorageException if {@code path} does not exist or is not a checkpoint, its metadata or a
     *                                     job folder
     */
    public static CompletedCheckpoint load(Path path) throws IOException {
        return CheckpointLoader.load(path);
    }

    private void requireInitialized() {
        if (!initialized) {
            throw new IllegalStateException("checkpoint storage " + jobDirectory + " is not initialized; call initialize()"
                    + " at job start (and again after discardAll())");
        }
    }

    /** The folder of checkpoint {@code checkpointId} of this job (it may not exist). */
    public Path checkpointDirectory(long checkpointId) {
        return CheckpointExamination.folderFor(jobDirectory, checkpointId);
    }

    private static Path parseBase(String baseUri) {
        return toPath(baseUri, "checkpoint directory (execution.checkpointing.dir)");
    }

    /**
     * A location given as {@code file:///path}, a hand-typed file URI (spaces allowed), or a plain
     * path, as an absolute path; {@code what} names the setting in errors.
     */
    public static Path toPath(String location, String what) {
        String baseUri = location;
        String s = location.trim();
        if (s.isEmpty()) {
            throw new IllegalConfigurationException(what + " is empty; use file:///absolute/path or a plain path");
        }
        if (s.regionMatches(true, 0, "file:", 0, 5)) {
            try {
                return Path.of(URI.create(s)).toAbsolutePath().normalize();
            } catch (IllegalArgumentException e) {
                if (s.regionMatches(true, 0, "file:///", 0, 8)) {
                    return Path.of(s.substring(7)).toAbsolutePath().normalize(); // typed by hand, e.g. with a space
                }
                throw new IllegalConfigurationException(what + " '" + baseUri
                        + "' is not a valid file URI (" + e.getMessage() + "); use file:///absolute/path or a plain path", e);
            }
        }
        if (URI_SCHEME.matcher(s).matches()) {
            throw new IllegalConfigurationException(what + " '" + baseUri
                    + "' uses a scheme Weir does not support; Weir stores checkpoints on a local or mounted file"
                    + " system: use file:///absolute/path or a plain path");
        }
        return Path.of(s).toAbsolutePath().normalize();
    }

    @Override
    public String toString() {
        return "FileCheckpointStorage[" + jobDirectory + ", retain " + numRetained + "]";
    }
}
