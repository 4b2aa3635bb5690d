package org.allot.core.sync;

import java.time.Duration;
import java.util.Objects;

/**
 * How directory sync splits and paces its work.
 *
 * @param batchSize objects per directory page and per unit of work
 * @param fullSyncEvery a delta run becomes a full one when the last full run is older than this
 * @param timestampOverlap how far back a {@code modifyTimestamp} delta reads before the last run's watermark
 * @param errorsKept how many object errors a run keeps (it counts them all)
 */
public record SyncSettings(int batchSize, Duration fullSyncEvery, Duration timestampOverlap, int errorsKept) {
    public static final SyncSettings DEFAULT =
            new SyncSettings(500, Duration.ofHours(24), Duration.ofMinutes(10), 10_000);

    public SyncSettings {
        if (batchSize < 1 || errorsKept < 0) {
            throw new IllegalArgumentException("batchSize >= 1 and errorsKept >= 0 are required");
        }
        Objects.requireNonNull(fullSyncEvery, "fullSyncEvery");
        Objects.requireNonNull(timestampOverlap, "timestampOverlap");
    }
}
