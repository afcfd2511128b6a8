package io.weir.runtime.checkpoint;

import java.util.List;
import java.util.Objects;

/**
 * The description of one complete checkpoint, stored as the {@code _metadata} file of its {@code chk-<id>} folder.
 * A checkpoint is complete exactly when this file exists: storage writes it last, atomically.
 *
 * <h2>The {@code _metadata} format, version 1</h2>
 *
 * <p>UTF-8 JSON, one object, readable with any JSON tool ({@code jq . _metadata}):
 *
 * <pre>{@code
 * {
 *   "formatVersion" : 1,                      // this format; readers refuse versions they do not know
 *   "jobName" : "word count",
 *   "lineage" : "5f0c9d2e-…",                // optional: which run this checkpoint continues (see below)
 *   "checkpointId" : 12,                      // equals the N of the chk-N folder
 *   "triggerTimestamp" : 1714557600123,       // ms since the epoch, UTC
 *   "completedTimestamp" : 1714557600456,
 *   "checkpointingMode" : "EXACTLY_ONCE",
 *   "subtasks" : [ {
 *     "taskId" : "t2", "taskName" : "Map -> Sink", "subtaskIndex" : 0, "parallelism" : 2,
 *     "maxParallelism" : 128, "keyGroupStart" : 0, "keyGroupEnd" : 63,   // inclusive; -1, -1 without keyed state
 *     "operators" : [ "Map", "Sink" ], "endOfInput" : false,
 *     "stateFile" : { "fileName" : "t2-0.state", "sizeBytes" : 5120, "crc32c" : 2882400018 }   // or null
 *   } ],
 *   "checksum" : "crc32c:9a0f31c2"
 * }
 * }</pre>
 *
 * <p>Rules:
 * <ol>
 *   <li>{@code checksum} is the last member of the object. Its value is {@code crc32c:} followed by 8 lower-case hex
 *       digits: the CRC32C of the file's exact bytes with those 8 digits replaced by {@code 0} characters. Any changed
 *       byte of the file, including in the checksum itself, is detected; a truncated file loses the checksum.</li>
 *   <li>State file names are relative to the checkpoint folder and may not contain path separators or start with
 *       {@code _}. Each state file's {@code crc32c} is the unsigned CRC32C of the whole file, as a JSON number.</li>
 *   <li>State files are opaque to storage; their layout belongs to the runtime's state backend.</li>
 *   <li>Compatibility: a reader ignores members it does not know, so a later version-1 writer may add optional
 *       members. Any change an older reader would misread (a renamed, retyped or reinterpreted member) increases
 *       {@code formatVersion}; a reader refuses a version it does not know instead of guessing. The {@code checksum}
 *       rule and the {@code formatVersion} member never change.</li>
 *   <li>Other files in the folder whose names start with {@code _} (such as {@code _metadata.<random>.tmp}, left by
 *       a commit interrupted before its rename) are not part of the checkpoint and are ignored.</li>
 * </ol>
 *
 * @param formatVersion      {@link #CURRENT_FORMAT_VERSION} for metadata written by this version of Weir
 * @param jobName            the job's name as given by the user
 * @param lineage            identifies a chain of runs that continue one another: a fresh start draws a new random
 *                           lineage, a restore keeps the restored checkpoint's. Two-phase-commit sinks record it beside
 *                           their commits to recognise a restore of a checkpoint older than output they already
 *                           committed ({@code null} in metadata written before Weir recorded lineages)
 * @param checkpointId       the checkpoint id, {@code >= 1}, never reused within a job folder
 * @param triggerTimestamp   when the coordinator triggered the checkpoint (ms since the epoch)
 * @param completedTimestamp when all subtasks had acknowledged (ms since the epoch)
 * @param checkpointingMode  {@code EXACTLY_ONCE} or {@code AT_LEAST_ONCE}
 * @param subtasks           one entry per subtask of every task in the job
 */
public record CheckpointMetadata(int formatVersion, String jobName, String lineage, long checkpointId, long triggerTimestamp,
        long completedTimestamp, String checkpointingMode, List<SubtaskStateMetadata> subtasks) {

    /** The format version this version of Weir writes and the only one it reads. */
    public static final int CURRENT_FORMAT_VERSION = 1;

    public CheckpointMetadata {
        Objects.requireNonNull(jobName, "jobName");
        Objects.requireNonNull(checkpointingMode, "checkpointingMode");
        subtasks = List.copyOf(Objects.requireNonNull(subtasks, "subtasks"));
        if (checkpointId < 1) {
            throw new IllegalArgumentException("checkpointId must be >= 1, was " + checkpointId);
        }
    }

    /** Metadata in the current format version. */
    public CheckpointMetadata(String jobName, long checkpointId, long triggerTimestamp, long completedTimestamp,
            String checkpointingMode, List<SubtaskStateMetadata> subtasks) {
        this(CURRENT_FORMAT_VERSION, jobName, null, checkpointId, triggerTimestamp, completedTimestamp, checkpointingMode, subtasks);
    }

    /** Sum of the sizes of all state files. */
    public long totalStateBytes() {
        long total = 0;
        for (SubtaskStateMetadata s : subtasks) {
            if (s.stateFile() != null) {
                total += s.stateFile().sizeBytes();
            }
        }
        return total;
    }
}
