package org.allot.core.sync;

import java.time.Instant;
import java.util.Optional;

/**
 * What the last complete run leaves for the next one: where the directory's changes stood when it read them (null
 * when the directory tells nothing, so every run is full), the settings it ran with, and when the last full run was.
 *
 * @param readAt when, by Allot's clock, the run that left it began to read the directory (null for checkpoints left
 *     before it was recorded): a timestamp watermark moves on by the time that passed since, see
 *     {@link DeltaBookkeeping#next}
 * @param deletionsCheckedAt when the last run that looked for deletions (a full run, or a delta run that listed the
 *     scope) started; null for checkpoints left before it was recorded, which count from {@code lastFullSync}
 */
public record SyncCheckpoint(
        Watermark watermark,
        String settingsFingerprint,
        Instant lastFullSync,
        Instant readAt,
        Instant deletionsCheckedAt) {
    public SyncCheckpoint(Watermark watermark, String settingsFingerprint, Instant lastFullSync) {
        this(watermark, settingsFingerprint, lastFullSync, null);
    }

    public SyncCheckpoint(Watermark watermark, String settingsFingerprint, Instant lastFullSync, Instant readAt) {
        this(watermark, settingsFingerprint, lastFullSync, readAt, null);
    }

    /**
     * The settings fingerprint of a checkpoint whose run was followed by one that began to apply other settings and
     * did not complete (blocked, failed or interrupted): it matches no settings, so the next run reads everything,
     * whatever the connector says by then.
     */
    public static final String UNFINISHED_CHANGE = "unfinished-settings-change";

    /** This checkpoint, marked as followed by an unfinished change of settings ({@link #UNFINISHED_CHANGE}). */
    public SyncCheckpoint withUnfinishedChange() {
        return new SyncCheckpoint(watermark, UNFINISHED_CHANGE, lastFullSync, readAt, deletionsCheckedAt);
    }

    /** When deletions were last looked for: by the run that recorded it, else by the last full run. */
    public Optional<Instant> deletionsLastChecked() {
        return Optional.ofNullable(deletionsCheckedAt != null ? deletionsCheckedAt : lastFullSync);
    }
}
