package org.allot.core.sync;

import java.time.Instant;

/**
 * What the last complete run leaves for the next one: where the directory's changes stood when it read them (null
 * when the directory tells nothing, so every run is full), the settings it ran with, and when the last full run was.
 */
public record SyncCheckpoint(Watermark watermark, String settingsFingerprint, Instant lastFullSync) {}
