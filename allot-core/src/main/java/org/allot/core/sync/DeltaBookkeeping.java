package org.allot.core.sync;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a run reads everything or only the changes since the last complete run, and what a finished run
 * leaves for the next. Only complete runs leave a checkpoint, so a run that failed midway is read again in full by
 * the next one from the same watermark.
 */
public final class DeltaBookkeeping {
    private DeltaBookkeeping() {}

    /** How a run reads: its mode, the lower bound of a delta's changes, and why. */
    public record Decision(SyncMode mode, Watermark since, String reason) {}

    /**
     * @param last the checkpoint of the last complete run
     * @param marker the directory's change marker now (update sequence number directories)
     * @param fullAsked an administrator asked for a full run
     */
    public static Decision decide(
            Optional<SyncCheckpoint> last,
            ConnectorSettings settings,
            Optional<Watermark> marker,
            Instant now,
            SyncSettings sync,
            boolean fullAsked) {
        if (fullAsked) {
            return full("a full sync was asked for");
        }
        if (last.isEmpty()) {
            return full("first run");
        }
        SyncCheckpoint checkpoint = last.get();
        Watermark watermark = checkpoint.watermark();
        if (watermark == null) {
            return full("the directory gave no change marker last time");
        }
        if (!settings.fingerprint().equals(checkpoint.settingsFingerprint())
                || watermark.strategy() != settings.deltaStrategy()) {
            return full("the connector's settings changed");
        }
        if (watermark.strategy() == DeltaStrategy.USN_CHANGED) {
            if (marker.isEmpty()) {
                return full("the directory gives no highestCommittedUSN");
            }
            if (!Objects.equals(marker.get().server(), watermark.server())) {
                return full("another domain controller answered, and update sequence numbers belong to one");
            }
            if (marker.get().usn() < watermark.usn()) {
                return full("the domain controller's update sequence numbers went back (restored from a backup?)");
            }
        }
        if (checkpoint.lastFullSync() == null
                || !now.isBefore(checkpoint.lastFullSync().plus(sync.fullSyncEvery()))) {
            return full("the last full sync is older than " + sync.fullSyncEvery());
        }
        return new Decision(
                SyncMode.DELTA, watermark.lowerBound(sync.timestampOverlap()), "changes since the last run");
    }

    /**
     * The watermark a complete run leaves: the marker read as it started (update sequence numbers), or the latest
     * change time its census saw (timestamps); empty when the directory tells neither.
     */
    public static Optional<Watermark> next(DeltaStrategy strategy, Optional<Watermark> marker, Instant latestChange) {
        if (strategy == DeltaStrategy.USN_CHANGED) {
            return marker;
        }
        return Optional.ofNullable(latestChange).map(Watermark::timestamp);
    }

    /** The checkpoint a complete run started at {@code startedAt} leaves. */
    public static SyncCheckpoint checkpoint(
            Decision decision,
            ConnectorSettings settings,
            Optional<Watermark> next,
            Optional<SyncCheckpoint> last,
            Instant startedAt) {
        Instant lastFull = decision.mode() == SyncMode.FULL
                ? startedAt
                : last.map(SyncCheckpoint::lastFullSync).orElse(null);
        return new SyncCheckpoint(next.orElse(null), settings.fingerprint(), lastFull);
    }

    private static Decision full(String reason) {
        return new Decision(SyncMode.FULL, null, reason);
    }
}
