package org.allot.core.sync;

import java.time.Instant;

/**
 * What the last complete run leaves for the next one: where the directory's changes stood when it read them (null
 * when the directory tells nothing, so every run is full), the settings it ran with, and when the last full run was.
 *
 * @param readAt when, by Allot's clock, the run that left it began to read the directory (null for checkpoints left
 *     before it was recorded): a timestamp watermark moves on by the time that passed since, see
 *     {@link DeltaBookkeeping#next}
 */
public record SyncCheckpoint(Watermark watermark, String settingsFingerprint, Instant lastFullSync, Instant readAt) {
    public SyncCheckpoint(Watermark watermark, String settingsFingerprint, Instant lastFullSync) {
        this(watermark, settingsFingerprint, lastFullSync, null);
    }
}
