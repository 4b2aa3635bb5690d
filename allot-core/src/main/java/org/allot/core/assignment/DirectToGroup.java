package org.allot.core.assignment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.Caller;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.allot.core.audit.AuditTarget;
import org.allot.core.audit.PropertyChange;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Groups;
import org.allot.core.directory.Memberships;
import org.allot.core.directory.TenantLocks;
import org.allot.core.directory.UserId;
import org.allot.core.subscription.SeatCount;
import org.allot.core.subscription.Seats;

/**
 * The direct → group migration assistant (docs/delegation.md): for a product, the users who hold it directly and also
 * inherit it from a group (or would, from a chosen group) are previewed ({@link MigrationPlan}), then their direct
 * licenses are removed in one durable background job ({@link MigrationChunks}), seat-neutral by construction.
 */
public final class DirectToGroup {
    /** The most users a preview lists one by one (its counts cover all of them). */
    public static final int MAX_LISTED = 1000;

    static final int CHUNK = 500;

    private final Transactions transactions;
    private final TenantLocks locks;
    private final Groups groups;
    private final MigrationCandidates candidates;
    private final Seats seats;
    private final ProductCatalog catalog;
    private final LicenseMigrations migrations;
    private final LicenseJobs jobs;
    private final AuditLog audit;
    private final Clock clock;

    /** The direct holders to look at and the group to move them to, as the preview and the run read them. */
    MigrationCandidates candidates() {
        return candidates;
    }

    DirectToGroup(
            Transactions transactions,
            TenantLocks locks,
            Groups groups,
            Memberships memberships,
            GroupLicenses groupLicenses,
            Assignments assignments,
            Seats seats,
            ProductCatalog catalog,
            LicenseMigrations migrations,
            LicenseJobs jobs,
            AuditLog audit,
            Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.locks = Objects.requireNonNull(locks);
        this.groups = Objects.requireNonNull(groups);
        this.candidates = new MigrationCandidates(groups, memberships, groupLicenses, assignments, catalog);
        this.seats = Objects.requireNonNull(seats);
        this.catalog = Objects.requireNonNull(catalog);
        this.migrations = Objects.requireNonNull(migrations);
        this.jobs = Objects.requireNonNull(jobs);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
    }

    /** One direct holder in a preview: what happens to them and why, and how their enabled plans would change. */
    public record UserPreview(
            UserId user,
            String userPrincipalName,
            String verdict,
            boolean moves,
            boolean joins,
            String reason,
            List<String> plansGained,
            List<String> plansLost,
            boolean disabledPlansDiffer) {}

    /**
     * What a migration would do: how many direct holders, how many it moves (joining the group first, for
     * {@code joining} of them), how many it keeps and why, the seats used now (the same after, by construction),
     * and the first {@link #MAX_LISTED} holders one by one.
     */
    public record Preview(
            Product product,
            GroupId group,
            String groupName,
            boolean acceptPlanChanges,
            int directHolders,
            int moving,
            int joining,
            int plansDiffer,
            int notInherited,
            int noGroup,
            int disabledPlansDiffer,
            int seatsUsed,
            List<UserPreview> users,
            List<Group> groupChoices) {
        public int keeping() {
            return directHolders - moving;
        }
    }

    /** The preview of moving the product's direct holders to group licensing (to {@code group}, when named). */
    public Outcome<Preview> preview(TenantId tenant, String sku, GroupId group, boolean acceptPlanChanges) {
        return transactions.read(
                () -> candidates.setup(tenant, sku, group).map(s -> previewRead(tenant, s, acceptPlanChanges)));
    }

    private Preview previewRead(TenantId tenant, MigrationCandidates.Setup setup, boolean acceptPlanChanges) {
        Catalog products = catalog.forTenant(tenant);
        List<UserPreview> listed = new ArrayList<>();
        int holders = 0;
        int moving = 0;
        int joining = 0;
        int differ = 0;
        int notInherited = 0;
        int noGroup = 0;
        int disabledDiffer = 0;
        UserId after = null;
        while (true) {
            List<UserId> ids = migrations.directHolders(tenant, setup.product().skuId(), after, CHUNK);
            for (MigrationPlan.UserPlan plan : candidates.plans(tenant, setup, ids)) {
                holders++;
                boolean moves = plan.moves(acceptPlanChanges);
                moving += moves ? 1 : 0;
                joining += moves && plan.joins() ? 1 : 0;
                switch (plan.verdict()) {
                    case PLANS_DIFFER -> differ++;
                    case NOT_INHERITED -> notInherited++;
                    case NO_GROUP -> noGroup++;
                    case NEUTRAL -> {}
                }
                disabledDiffer += plan.disabledPlansDiffer() ? 1 : 0;
                if (listed.size() < MAX_LISTED) {
                    listed.add(view(plan, moves, products));
                }
            }
            if (ids.size() < CHUNK) {
                break;
            }
            after = ids.get(ids.size() - 1);
        }
        SeatCount used = seats.all(tenant).getOrDefault(setup.product().skuId(), SeatCount.EMPTY);
        Group group = setup.group();
        return new Preview(
                setup.product(),
                group == null ? null : group.id(),
                group == null ? null : group.displayName(),
                acceptPlanChanges,
                holders,
                moving,
                joining,
                differ,
                notInherited,
                noGroup,
                disabledDiffer,
                used.consumed(),
                List.copyOf(listed),
                candidates.groupsAssigning(tenant, setup.product()));
    }

    private static UserPreview view(MigrationPlan.UserPlan plan, boolean moves, Catalog products) {
        return new UserPreview(
                plan.user(),
                plan.userPrincipalName(),
                plan.verdict().name(),
                moves,
                plan.joins() && moves,
                plan.reason(),
                plan.plansGained().stream().map(products::planLabel).toList(),
                plan.plansLost().stream().map(products::planLabel).toList(),
                plan.disabledPlansDiffer());
    }

    /**
     * Starts moving the product's direct holders to group licensing in the background: one run per tenant at a
     * time; audited.
     */
    public Outcome<LicenseMigration> start(Caller caller, String sku, GroupId group, boolean acceptPlanChanges) {
        return transactions.run(() -> {
            locks.share(caller.tenant());
            Outcome<MigrationCandidates.Setup> setup = candidates.setup(caller.tenant(), sku, group);
            if (!setup.isDone()) {
                return Outcome.refused(setup.rejection());
            }
            Optional<LicenseMigration> busy = migrations.recent(caller.tenant(), 10).stream()
                    .filter(r -> r.state().underWay())
                    .findFirst();
            if (busy.isPresent()) {
                return Outcome.refused(Rejection.of(
                        ErrorCode.CONFLICT,
                        "A migration to group licensing is already under way: run %s. Start another when it has"
                                + " ended.",
                        busy.get().id()));
            }
            Product product = setup.value().product();
            LicenseMigration run = LicenseMigration.queued(
                    caller.tenant(), product.skuId(), group, acceptPlanChanges, caller.actor(), clock.instant());
            migrations.add(run);
            jobs.migrateToGroups(caller.tenant(), run.id());
            audit.append(AuditEvent.of(
                    caller,
                    clock.instant(),
                    Activity.START_DIRECT_TO_GROUP,
                    AuditTarget.other("Product", product.skuId(), product.skuPartNumber()),
                    List.of(
                            PropertyChange.of("migration", null, run.id()),
                            PropertyChange.of(
                                    "group",
                                    null,
                                    group == null ? null : setup.value().group().displayName()),
                            PropertyChange.of("acceptPlanChanges", null, acceptPlanChanges))));
            return Outcome.done(run);
        });
    }

    /** A run and what it did with each user so far (from {@code offset}, at most {@code limit}). */
    public record RunView(
            LicenseMigration run, String skuPartNumber, String groupName, List<LicenseMigration.Entry> entries) {}

    public Optional<RunView> run(TenantId tenant, UUID id, int offset, int limit) {
        return transactions.read(() -> migrations
                .find(tenant, id)
                .map(r -> new RunView(
                        r,
                        catalog.forTenant(tenant)
                                .find(r.sku())
                                .map(Product::skuPartNumber)
                                .orElse(r.sku().toString()),
                        r.group() == null
                                ? null
                                : groups.find(tenant, r.group())
                                        .map(Group::displayName)
                                        .orElse(r.group().toString()),
                        migrations.entries(tenant, id, offset, limit))));
    }

    /** The tenant's latest runs, newest first. */
    public List<LicenseMigration> runs(TenantId tenant, int limit) {
        return transactions.read(() -> migrations.recent(tenant, limit));
    }
}
