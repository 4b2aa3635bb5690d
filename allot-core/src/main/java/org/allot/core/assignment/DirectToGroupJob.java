package org.allot.core.assignment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.TenantId;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.allot.core.audit.AuditTarget;
import org.allot.core.audit.PropertyChange;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.directory.GroupDirectory;
import org.allot.core.directory.Member;
import org.allot.core.directory.TenantLocks;
import org.allot.core.directory.UserId;
import org.allot.core.directory.Users;

/**
 * The steps of a direct → group migration run, as the background job carries them out: {@link #begin}, then
 * {@link #chunk} for each chunk of direct holders in id order (each in the unit of work that also records the job's
 * cursor), then {@link #finish}. Each user is decided again on their licenses as locked ({@link MigrationPlan}); one to
 * be moved to a group they are not in joins it first, and loses the direct license only once the group's license
 * works for them; every removal is checked on the engine's result before it is written ({@link
 * SeatNeutralRemoval#remove}), so that no seat and no enabled plan changes unless the administrator accepted
 * plan changes. Changes are made and audited in the name of the administrator who started the run.
 */
public final class DirectToGroupJob {
    private final DirectToGroup migration;
    private final LicenseMigrations migrations;
    private final SeatNeutralRemoval removal;
    private final GroupDirectory groups;
    private final TenantLocks locks;
    private final Users users;
    private final Assignments assignments;
    private final ProductCatalog catalog;
    private final AuditLog audit;
    private final Clock clock;

    DirectToGroupJob(
            DirectToGroup migration,
            LicenseMigrations migrations,
            SeatNeutralRemoval removal,
            GroupDirectory groups,
            TenantLocks locks,
            Users users,
            Assignments assignments,
            ProductCatalog catalog,
            AuditLog audit,
            Clock clock) {
        this.migration = Objects.requireNonNull(migration);
        this.migrations = Objects.requireNonNull(migrations);
        this.removal = Objects.requireNonNull(removal);
        this.groups = Objects.requireNonNull(groups);
        this.locks = Objects.requireNonNull(locks);
        this.users = Objects.requireNonNull(users);
        this.assignments = Objects.requireNonNull(assignments);
        this.catalog = Objects.requireNonNull(catalog);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
    }

    /** What one chunk did; {@code next} is null once every direct holder was looked at. */
    public record Chunk(UserId next, int users, int moved, int kept) {}

    /** Whether the run still has work (false: it ended, or is unknown, and its job just completes). */
    public boolean underWay(TenantId tenant, UUID id) {
        return migrations.find(tenant, id).map(r -> r.state().underWay()).orElse(false);
    }

    /** Marks the run started, in the caller's unit of work. */
    public void begin(TenantId tenant, UUID id) {
        migrations.find(tenant, id).ifPresent(r -> migrations.update(r.started(clock.instant())));
    }

    /** Moves the next chunk of direct holders after {@code after}, in the caller's unit of work. */
    public Chunk chunk(TenantId tenant, UUID id, UserId after, int limit) {
        LicenseMigration run = migrations.find(tenant, id).orElseThrow();
        Caller caller = new Caller(tenant, run.requestedBy(), "migration-" + id);
        List<UserId> ids = migrations.directHolders(tenant, run.sku(), after, limit);
        if (ids.isEmpty()) {
            return new Chunk(null, 0, 0, 0);
        }
        locks.share(tenant);
        users.lock(tenant, ids); // every user of the chunk, in id order, before any seat
        Product product = catalog.forTenant(tenant).find(run.sku()).orElse(null);
        Outcome<MigrationCandidates.Setup> setup = product == null
                ? Outcome.refused(org.allot.core.Rejection.notFound(run.sku()))
                : migration.candidates().setup(tenant, run.sku().toString(), run.group());
        List<LicenseMigration.Entry> entries = new ArrayList<>();
        int moved = 0;
        int joined = 0;
        for (MigrationPlan.UserPlan plan : setup.isDone()
                ? migration.candidates().plans(tenant, setup.value(), ids)
                : List.<MigrationPlan.UserPlan>of()) {
            Optional<String> keptBecause = move(caller, run, setup.value(), plan);
            if (keptBecause.isEmpty()) {
                moved++;
                joined += plan.joins() ? 1 : 0;
            }
            entries.add(new LicenseMigration.Entry(
                    plan.user(),
                    plan.userPrincipalName(),
                    keptBecause.isEmpty(),
                    plan.joins(),
                    keptBecause.orElse(plan.reason())));
        }
        if (!setup.isDone()) {
            ids.forEach(u -> entries.add(new LicenseMigration.Entry(
                    u, null, false, false, setup.rejection().message())));
        }
        migrations.record(tenant, id, entries);
        migrations.update(run.counted(moved, joined, entries.size() - moved));
        return new Chunk(
                ids.size() < limit ? null : ids.get(ids.size() - 1), ids.size(), moved, entries.size() - moved);
    }

    /** Moves one user, or tells why they were kept. */
    private Optional<String> move(
            Caller caller, LicenseMigration run, MigrationCandidates.Setup setup, MigrationPlan.UserPlan plan) {
        if (!plan.moves(run.acceptPlanChanges())) {
            return Optional.of(
                    plan.verdict() == MigrationPlan.Verdict.PLANS_DIFFER
                            ? plan.reason() + " (plan changes were not accepted)"
                            : plan.reason());
        }
        if (plan.joins()) {
            Outcome<?> joinedGroup = groups.addMember(caller, setup.group().id(), Member.user(plan.user()));
            if (!joinedGroup.isDone()) {
                return Optional.of("could not join " + setup.group().displayName() + ": "
                        + joinedGroup.rejection().message());
            }
            boolean works =
                    assignments.of(caller.tenant(), List.of(plan.user())).getOrDefault(plan.user(), List.of()).stream()
                            .anyMatch(a -> a.sku().equals(run.sku())
                                    && a.source()
                                            .equals(AssignmentSource.group(
                                                    setup.group().id()))
                                    && a.holdsSeat()
                                    && !a.isPendingRemoval());
            if (!works) {
                return Optional.of("joined " + setup.group().displayName()
                        + ", but its license does not work for the user: the direct license was kept");
            }
        }
        Outcome<UserLicenses> removed = removal.remove(caller, plan.user(), run.sku(), run.acceptPlanChanges());
        return removed.isDone()
                ? Optional.empty()
                : Optional.of(removed.rejection().message());
    }

    /** Marks the run completed, with an audit record of what it did, in the caller's unit of work. */
    public void finish(TenantId tenant, UUID id) {
        migrations.find(tenant, id).filter(r -> r.state().underWay()).ifPresent(r -> {
            LicenseMigration done = r.completed(clock.instant());
            migrations.update(done);
            String part = catalog.forTenant(tenant)
                    .find(r.sku())
                    .map(Product::skuPartNumber)
                    .orElse(r.sku().toString());
            audit.append(AuditEvent.of(
                    new Caller(tenant, r.requestedBy(), "migration-" + id),
                    clock.instant(),
                    Activity.FINISH_DIRECT_TO_GROUP,
                    AuditTarget.other("Product", r.sku(), part),
                    List.of(
                            PropertyChange.of("migration", null, id),
                            PropertyChange.of("moved", null, done.moved()),
                            PropertyChange.of("joined", null, done.joined()),
                            PropertyChange.of("kept", null, done.kept()))));
        });
    }
}
