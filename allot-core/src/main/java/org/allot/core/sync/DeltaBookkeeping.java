package org.allot.core.sync;

import java.time.Duration;
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
        if (SyncCheckpoint.UNFINISHED_CHANGE.equals(checkpoint.settingsFingerprint())) {
            return full("a run with other settings applied part of them and did not complete (blocked or failed)");
        }
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
        return next(strategy, marker, latestChange, Optional.empty(), null, null);
    }

    /**
     * The watermark a complete run that began to read the directory at {@code readAt} (Allot's clock) leaves. For
     * update sequence numbers, the marker read as it started. For timestamps, where the directory's clock stood at
     * least when the run read it: the latest change its census saw or, when that is older, the last checkpoint's
     * watermark moved on by the time that passed between the two runs (durations, so Allot's clock need not agree
     * with the directory's). A directory that stopped changing — after a bulk import, say — is then read from a
     * point that moves on with every run, rather than from its latest change less the overlap again and again. The
     * last checkpoint counts only when it was left with the same settings (the same server and scope).
     */
    public static Optional<Watermark> next(
            DeltaStrategy strategy,
            Optional<Watermark> marker,
            Instant latestChange,
            Optional<SyncCheckpoint> last,
            ConnectorSettings settings,
            Instant readAt) {
        if (strategy == DeltaStrategy.USN_CHANGED) {
            return marker;
        }
        Instant since = last.filter(c -> c.readAt() != null
                        && readAt != null
                        && c.readAt().isBefore(readAt)
                        && c.watermark() != null
                        && c.watermark().strategy() == DeltaStrategy.MODIFY_TIMESTAMP
                        && c.settingsFingerprint().equals(settings.fingerprint()))
                .map(c -> c.watermark().time().plus(Duration.between(c.readAt(), readAt)))
                .orElse(null);
        Instant at = latestChange == null || (since != null && since.isAfter(latestChange)) ? since : latestChange;
        return Optional.ofNullable(at).map(Watermark::timestamp);
    }

    /** The checkpoint a complete run started at {@code startedAt} leaves. */
    public static SyncCheckpoint checkpoint(
            Decision decision,
            ConnectorSettings settings,
            Optional<Watermark> next,
            Optional<SyncCheckpoint> last,
            Instant startedAt) {
        return checkpoint(decision, settings, next, last, startedAt, null);
    }

    /** The checkpoint a complete run started at {@code startedAt}, that read the directory from {@code readAt}, leaves. */
    public static SyncCheckpoint checkpoint(
            Decision decision,
            ConnectorSettings settings,
            Optional<Watermark> next,
            Optional<SyncCheckpoint> last,
            Instant startedAt,
            Instant readAt) {
        return checkpoint(decision, settings, next, last, startedAt, readAt, decision.mode() == SyncMode.FULL);
    }

    /**
     * The checkpoint a complete run leaves, that looked for deletions ({@code deletionsChecked}: a full run, a delta
     * that listed the scope or was told of deletions) or did not.
     */
    public static SyncCheckpoint checkpoint(
            Decision decision,
            ConnectorSettings settings,
            Optional<Watermark> next,
            Optional<SyncCheckpoint> last,
            Instant startedAt,
            Instant readAt,
            boolean deletionsChecked) {
        Instant lastFull = decision.mode() == SyncMode.FULL
                ? startedAt
                : last.map(SyncCheckpoint::lastFullSync).orElse(null);
        Instant checked = decision.mode() == SyncMode.FULL || deletionsChecked
                ? startedAt
                : last.flatMap(SyncCheckpoint::deletionsLastChecked).orElse(null);
        return new SyncCheckpoint(next.orElse(null), settings.fingerprint(), lastFull, readAt, checked);
    }

    /**
     * Whether a delta run started at {@code now}, of a directory that does not tell its deletions, lists the scope to
     * find them: when the connector asks for deletions to be looked for every so often ({@link
     * ConnectorSettings#deletionCheckEvery}) and they were last looked for that long ago or longer. Without that
     * setting, deletions wait for the next full run.
     */
    public static boolean deletionsDue(Optional<SyncCheckpoint> last, ConnectorSettings settings, Instant now) {
        if (settings.deletionCheckEvery() == null) {
            return false;
        }
        return last.flatMap(SyncCheckpoint::deletionsLastChecked)
                .map(checked -> !now.isBefore(checked.plus(settings.deletionCheckEvery())))
                .orElse(true);
    }

    private static Decision full(String reason) {
        return new Decision(SyncMode.FULL, null, reason);
    }
}
