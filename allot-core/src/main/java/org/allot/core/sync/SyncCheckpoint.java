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

    /** When deletions were last looked for: by the run that recorded it, else by the last full run. */
    public Optional<Instant> deletionsLastChecked() {
        return Optional.ofNullable(deletionsCheckedAt != null ? deletionsCheckedAt : lastFullSync);
    }
}
