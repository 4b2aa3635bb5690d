package org.allot.server.web.extensions;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.allot.api.extensions.DirectorySyncConnectionTest;
import org.allot.api.extensions.DirectorySyncConnector;
import org.allot.api.extensions.DirectorySyncError;
import org.allot.api.extensions.DirectorySyncLicenseLoss;
import org.allot.api.extensions.DirectorySyncPendingDeletion;
import org.allot.api.extensions.DirectorySyncPendingRemoval;
import org.allot.api.extensions.DirectorySyncPlannedChange;
import org.allot.api.extensions.DirectorySyncRun;
import org.allot.api.extensions.DirectorySyncRunRequest;
import org.allot.core.sync.ConnectionReport;
import org.allot.core.sync.Connector;
import org.allot.core.sync.ConnectorSettings;
import org.allot.core.sync.DirectoryPreset;
import org.allot.core.sync.LicenseLoss;
import org.allot.core.sync.PendingDeletion;
import org.allot.core.sync.PendingRemoval;
import org.allot.core.sync.PlannedChange;
import org.allot.core.sync.RunRequest;
import org.allot.core.sync.SyncError;
import org.allot.core.sync.SyncRun;

/** Directory sync's core records as the API shows them. */
final class SyncViews {
    private SyncViews() {}

    static DirectorySyncConnector connector(Connector c) {
        ConnectorSettings s = c.settings();
        return new DirectorySyncConnector(
                preset(s.preset()),
                s.url(),
                s.startTls(),
                s.trustedCertificate(),
                s.bindDn(),
                null,
                c.passwordSet(),
                s.baseDns(),
                s.userFilter(),
                s.groupFilter(),
                s.mappingOverrides(),
                s.enabled(),
                s.softMatch(),
                time(c.createdAt()),
                time(c.updatedAt()),
                c.requestedRun() == null ? null : request(c.requestedRun()),
                s.excludedDns(),
                s.staging(),
                s.deletionCheckEvery() == null
                        ? null
                        : (int) s.deletionCheckEvery().toMinutes());
    }

    /** The name a request gives the preset: {@code activeDirectory}, {@code genericLdap}. */
    static String preset(DirectoryPreset preset) {
        return preset == DirectoryPreset.ACTIVE_DIRECTORY ? "activeDirectory" : "genericLdap";
    }

    static DirectorySyncRunRequest request(RunRequest r) {
        return new DirectorySyncRunRequest(time(r.at()), r.requestedBy(), r.full());
    }

    static DirectorySyncRun run(SyncRun r) {
        return new DirectorySyncRun(
                r.id().toString(),
                r.trigger().name(),
                r.mode() == null ? null : r.mode().name(),
                r.state().name(),
                time(r.startedAt()),
                time(r.finishedAt()),
                r.requestedBy(),
                r.counts().added(),
                r.counts().updated(),
                r.counts().deleted(),
                r.counts().unchanged(),
                r.counts().errors(),
                r.pendingDeletions(),
                r.pendingRemovals(),
                r.usersLosingLicenses(),
                r.message());
    }

    static DirectorySyncError error(SyncError e) {
        return new DirectorySyncError(kind(e.kind()), e.object(), e.immutableId(), e.message());
    }

    static DirectorySyncPendingDeletion deletion(PendingDeletion d) {
        return new DirectorySyncPendingDeletion(
                kind(d.kind()), d.objectId().toString(), d.immutableId(), d.displayName());
    }

    static DirectorySyncPendingRemoval removal(PendingRemoval r) {
        return new DirectorySyncPendingRemoval(
                r.groupId().toString(),
                r.groupName(),
                kind(r.memberKind()),
                r.memberId().toString(),
                r.memberName());
    }

    static DirectorySyncLicenseLoss loss(LicenseLoss l) {
        return new DirectorySyncLicenseLoss(l.userId().toString(), l.userPrincipalName(), l.product(), l.cause());
    }

    static DirectorySyncPlannedChange change(PlannedChange c) {
        return new DirectorySyncPlannedChange(
                kind(c.kind()),
                kind(c.action()),
                c.distinguishedName(),
                c.immutableId(),
                c.objectId() == null ? null : c.objectId().toString(),
                c.name());
    }

    static DirectorySyncConnectionTest report(ConnectionReport report) {
        return new DirectorySyncConnectionTest(
                report.ok(),
                report.checks().stream()
                        .map(c -> new DirectorySyncConnectionTest.Step(c.step().name(), c.passed(), c.detail()))
                        .toList());
    }

    private static String kind(Enum<?> kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
