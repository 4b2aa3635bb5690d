package org.allot.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.allot.core.testing.SyncScenario;
import org.junit.jupiter.api.Test;

class DeltaBookkeepingTest {
    private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");
    private static final String DC1 = "CN=NTDS Settings,CN=DC1";
    private final ConnectorSettings settings =
            SyncScenario.activeDirectory().settings().value();
    private final SyncSettings sync = SyncSettings.DEFAULT;

    @Test
    void theFirstRunIsFull() {
        assertThat(decide(Optional.empty(), Watermark.usn(5000, DC1)).mode()).isEqualTo(SyncMode.FULL);
    }

    @Test
    void laterRunsReadChangesAfterTheLastWatermark() {
        DeltaBookkeeping.Decision decision =
                decide(checkpoint(Watermark.usn(4000, DC1), NOW), Watermark.usn(5000, DC1));

        assertThat(decision.mode()).isEqualTo(SyncMode.DELTA);
        assertThat(decision.since().usn()).isEqualTo(4001);
    }

    @Test
    void anotherDomainControllerMeansAFullRun() {
        DeltaBookkeeping.Decision decision =
                decide(checkpoint(Watermark.usn(4000, DC1), NOW), Watermark.usn(9000, "CN=NTDS Settings,CN=DC2"));

        assertThat(decision.mode()).isEqualTo(SyncMode.FULL);
        assertThat(decision.reason()).contains("another domain controller");
    }

    @Test
    void numbersGoingBackMeanAFullRun() {
        assertThat(decide(checkpoint(Watermark.usn(4000, DC1), NOW), Watermark.usn(3000, DC1))
                        .mode())
                .isEqualTo(SyncMode.FULL);
    }

    @Test
    void changedSettingsMeanAFullRun() {
        ConnectorRequest ad = SyncScenario.activeDirectory();
        ConnectorSettings narrower = new ConnectorRequest(
                        ad.preset(),
                        ad.url(),
                        null,
                        null,
                        ad.bindDn(),
                        null,
                        List.of("OU=Staff,DC=contoso,DC=com"),
                        null,
                        null,
                        Map.of(),
                        true)
                .settings()
                .value();

        DeltaBookkeeping.Decision decision = DeltaBookkeeping.decide(
                checkpoint(Watermark.usn(4000, DC1), NOW),
                narrower,
                Optional.of(Watermark.usn(5000, DC1)),
                NOW,
                sync,
                false);

        assertThat(decision.mode()).isEqualTo(SyncMode.FULL);
        assertThat(decision.reason()).isEqualTo("the connector's settings changed");
    }

    @Test
    void aFullRunComesAgainOnceTheLastIsOldEnough() {
        Optional<SyncCheckpoint> yesterday = checkpoint(Watermark.usn(4000, DC1), NOW.minus(Duration.ofHours(25)));

        assertThat(decide(yesterday, Watermark.usn(5000, DC1)).mode()).isEqualTo(SyncMode.FULL);
    }

    @Test
    void timestampDeltasReadBackByTheOverlap() {
        Watermark last = Watermark.timestamp(Instant.parse("2026-01-05T08:30:00Z"));

        assertThat(last.lowerBound(Duration.ofMinutes(10)).time()).isEqualTo(Instant.parse("2026-01-05T08:20:00Z"));
    }

    @Test
    void aRunLeavesTheMarkerItReadAsItStartedOrTheLatestChangeItSaw() {
        Instant latest = Instant.parse("2026-01-05T08:59:00Z");

        assertThat(DeltaBookkeeping.next(DeltaStrategy.USN_CHANGED, Optional.of(Watermark.usn(5000, DC1)), latest))
                .contains(Watermark.usn(5000, DC1));
        assertThat(DeltaBookkeeping.next(DeltaStrategy.MODIFY_TIMESTAMP, Optional.empty(), latest))
                .contains(Watermark.timestamp(latest));
        assertThat(DeltaBookkeeping.next(DeltaStrategy.MODIFY_TIMESTAMP, Optional.empty(), null))
                .isEmpty();
    }

    @Test
    void aTimestampWatermarkMovesOnWithTheTimeBetweenRunsWhenTheDirectoryStopsChanging() {
        Instant imported = Instant.parse("2026-12-04T20:00:00Z");
        Optional<SyncCheckpoint> last = Optional.of(new SyncCheckpoint(
                Watermark.timestamp(imported), settings.fingerprint(), NOW, NOW.minus(Duration.ofMinutes(30))));

        Optional<Watermark> next =
                DeltaBookkeeping.next(DeltaStrategy.MODIFY_TIMESTAMP, Optional.empty(), imported, last, settings, NOW);

        assertThat(next).contains(Watermark.timestamp(imported.plus(Duration.ofMinutes(30))));
        assertThat(next.orElseThrow().lowerBound(sync.timestampOverlap()).time())
                .as("the next delta no longer reads the import")
                .isAfter(imported);
    }

    @Test
    void aNewerChangeOrOtherSettingsOrAnOldCheckpointLeaveTheLatestChangeAsTheWatermark() {
        Instant imported = Instant.parse("2026-12-04T20:00:00Z");
        Instant changed = imported.plus(Duration.ofHours(2));
        SyncCheckpoint last = new SyncCheckpoint(
                Watermark.timestamp(imported), settings.fingerprint(), NOW, NOW.minus(Duration.ofMinutes(30)));

        assertThat(DeltaBookkeeping.next(
                        DeltaStrategy.MODIFY_TIMESTAMP, Optional.empty(), changed, Optional.of(last), settings, NOW))
                .contains(Watermark.timestamp(changed));
        assertThat(DeltaBookkeeping.next(
                        DeltaStrategy.MODIFY_TIMESTAMP,
                        Optional.empty(),
                        imported,
                        Optional.of(new SyncCheckpoint(last.watermark(), "other settings", NOW, last.readAt())),
                        settings,
                        NOW))
                .contains(Watermark.timestamp(imported));
        assertThat(DeltaBookkeeping.next(
                        DeltaStrategy.MODIFY_TIMESTAMP,
                        Optional.empty(),
                        imported,
                        Optional.of(new SyncCheckpoint(last.watermark(), settings.fingerprint(), NOW)),
                        settings,
                        NOW))
                .contains(Watermark.timestamp(imported));
    }

    @Test
    void onlyFullRunsMoveTheTimeOfTheLastFullRun() {
        Optional<SyncCheckpoint> last = checkpoint(Watermark.usn(4000, DC1), NOW.minus(Duration.ofHours(1)));
        DeltaBookkeeping.Decision delta = decide(last, Watermark.usn(5000, DC1));

        SyncCheckpoint after =
                DeltaBookkeeping.checkpoint(delta, settings, Optional.of(Watermark.usn(5000, DC1)), last, NOW);

        assertThat(after.lastFullSync()).isEqualTo(NOW.minus(Duration.ofHours(1)));
        assertThat(after.watermark().usn()).isEqualTo(5000);
    }

    @Test
    void deletionsAreLookedForInDeltasOnlyWhenTheConnectorSaysHowOften() {
        Optional<SyncCheckpoint> lastFullAnHourAgo =
                checkpoint(Watermark.timestamp(NOW), NOW.minus(Duration.ofHours(1)));

        assertThat(DeltaBookkeeping.deletionsDue(lastFullAnHourAgo, settings, NOW))
                .as("no interval: only full runs look")
                .isFalse();
        assertThat(DeltaBookkeeping.deletionsDue(lastFullAnHourAgo, every(60), NOW))
                .as("an old checkpoint counts from the last full run")
                .isTrue();
        assertThat(DeltaBookkeeping.deletionsDue(lastFullAnHourAgo, every(61), NOW))
                .isFalse();
        assertThat(DeltaBookkeeping.deletionsDue(lastFullAnHourAgo, every(0), NOW))
                .isTrue();
        assertThat(DeltaBookkeeping.deletionsDue(Optional.empty(), every(60), NOW))
                .isTrue();
        Optional<SyncCheckpoint> lookedTenMinutesAgo = Optional.of(new SyncCheckpoint(
                Watermark.timestamp(NOW),
                settings.fingerprint(),
                NOW.minus(Duration.ofHours(5)),
                null,
                NOW.minus(Duration.ofMinutes(10))));
        assertThat(DeltaBookkeeping.deletionsDue(lookedTenMinutesAgo, every(30), NOW))
                .isFalse();
        assertThat(DeltaBookkeeping.deletionsDue(lookedTenMinutesAgo, every(10), NOW))
                .isTrue();
    }

    @Test
    void aDeltaThatLookedForDeletionsMovesTheTimeOfTheLastLookAndOneThatDidNotKeepsIt() {
        Optional<SyncCheckpoint> last = checkpoint(Watermark.usn(4000, DC1), NOW.minus(Duration.ofHours(3)));
        DeltaBookkeeping.Decision delta = decide(last, Watermark.usn(5000, DC1));
        Optional<Watermark> next = Optional.of(Watermark.usn(5000, DC1));

        assertThat(DeltaBookkeeping.checkpoint(delta, settings, next, last, NOW, NOW, true)
                        .deletionsCheckedAt())
                .isEqualTo(NOW);
        assertThat(DeltaBookkeeping.checkpoint(delta, settings, next, last, NOW, NOW, false)
                        .deletionsCheckedAt())
                .isEqualTo(NOW.minus(Duration.ofHours(3)));
    }

    private ConnectorSettings every(int minutes) {
        return settings.withDeletionCheckEvery(Duration.ofMinutes(minutes));
    }

    private DeltaBookkeeping.Decision decide(Optional<SyncCheckpoint> last, Watermark marker) {
        return DeltaBookkeeping.decide(last, settings, Optional.of(marker), NOW, sync, false);
    }

    private Optional<SyncCheckpoint> checkpoint(Watermark watermark, Instant lastFull) {
        return Optional.of(new SyncCheckpoint(watermark, settings.fingerprint(), lastFull));
    }
}
