package org.allot.core.assignment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.allot.core.Actor;
import org.allot.core.Caller;
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
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Groups;
import org.allot.core.directory.Memberships;
import org.allot.core.directory.ScopeGuard;
import org.allot.core.directory.TenantLocks;
import org.allot.core.directory.UserId;

/**
 * Group-based licensing: the licenses a group assigns, and applying them to its members in chunks, inline for small
 * groups and as a durable background job for large ones. Each SKU is given to a member independently of the others.
 */
public final class GroupLicensing {
    /** The lowest and highest priority a group may have in waiting lists (0 unless an administrator sets another). */
    public static final int MIN_PRIORITY = -1000;

    public static final int MAX_PRIORITY = 1000;

    private final Transactions transactions;
    private final Reconciler reconciler;
    private final TenantLocks locks;
    private final Groups groups;
    private final GroupLicenses groupLicenses;
    private final Memberships memberships;
    private final Assignments assignments;
    private final LicenseJobs jobs;
    private final AuditLog audit;
    private final Clock clock;
    private final LicensingSettings settings;
    private final SeatImpactPreview preview;
    private final GroupLicensePlans plans;
    private final ScopeGuard guard;

    GroupLicensing(
            Transactions transactions,
            Reconciler reconciler,
            TenantLocks locks,
            Groups groups,
            GroupLicenses groupLicenses,
            Memberships memberships,
            Assignments assignments,
            LicenseRequests requests,
            LicenseJobs jobs,
            AuditLog audit,
            Clock clock,
            LicensingSettings settings,
            PlanDependents dependents,
            ScopeGuard guard) {
        this.guard = Objects.requireNonNull(guard);
        this.transactions = Objects.requireNonNull(transactions);
        this.reconciler = Objects.requireNonNull(reconciler);
        this.locks = Objects.requireNonNull(locks);
        this.groups = Objects.requireNonNull(groups);
        this.groupLicenses = Objects.requireNonNull(groupLicenses);
        this.memberships = Objects.requireNonNull(memberships);
        this.assignments = Objects.requireNonNull(assignments);
        this.jobs = Objects.requireNonNull(jobs);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
        this.settings = Objects.requireNonNull(settings);
        this.preview = new SeatImpactPreview(assignments, memberships, settings.chunkSize());
        this.plans = new GroupLicensePlans(groups, groupLicenses, requests, clock, dependents);
    }

    /** A group's licenses and where applying them stands. */
    public record GroupLicenseState(Group group, List<GroupLicense> licenses, ProcessingState state, int priority) {}

    /** What one chunk did; {@code next} is null when the group is done. */
    public record Chunk(UserId next, int users, int succeeded, int failed) {}

    /**
     * Adds (or replaces the disabled plans of) and removes licenses of a group, then applies them to its members. Holds
     * the tenant's licensing lock alone, so no member joins or leaves with the old licenses while the members are read.
     */
    public Outcome<GroupLicenseState> assign(
            Caller caller, GroupId groupId, List<AssignedLicense> add, List<SkuId> remove) {
        return transactions.run(
                () -> guard.changing(caller, groupId.value(), () -> assignLocked(caller, groupId, add, remove)));
    }

    private Outcome<GroupLicenseState> assignLocked(
            Caller caller, GroupId groupId, List<AssignedLicense> add, List<SkuId> remove) {
        locks.exclusive(caller.tenant());
        Reconciler.Work work = reconciler.begin(caller);
        Outcome<GroupLicensePlans.Plan> plan = plans.plan(caller, groupId, add, remove, work.context.catalog(), true);
        if (!plan.isDone()) {
            return Outcome.refused(plan.rejection());
        }
        GroupLicensePlans.Plan p = plan.value();
        Catalog catalog = work.context.catalog();
        groupLicenses.replace(caller.tenant(), groupId, p.after());
        audit.append(AuditEvent.of(
                caller,
                clock.instant(),
                Activity.SET_GROUP_LICENSE,
                AuditTarget.group(groupId, p.group().displayName()),
                List.of(PropertyChange.of(
                        "AssignedLicense", describe(p.before(), catalog), describe(p.after(), catalog)))));
        schedule(caller, groupId);
        return Outcome.done(stateOf(caller.tenant(), p.group()));
    }

    /**
     * What {@link #assign} would do — seats taken and freed per SKU, who would wait, who would lose a license — worked
     * out on a snapshot of the seat figures, changing nothing.
     */
    public Outcome<SeatImpact> preview(Caller caller, GroupId groupId, List<AssignedLicense> add, List<SkuId> remove) {
        return transactions.read(
                () -> guard.changing(caller, groupId.value(), () -> previewRead(caller, groupId, add, remove)));
    }

    private Outcome<SeatImpact> previewRead(
            Caller caller, GroupId groupId, List<AssignedLicense> add, List<SkuId> remove) {
        Reconciler.Work work = reconciler.beginSnapshot(caller);
        Outcome<GroupLicensePlans.Plan> plan = plans.plan(caller, groupId, add, remove, work.context.catalog(), false);
        if (!plan.isDone()) {
            return Outcome.refused(plan.rejection());
        }
        return Outcome.done(preview.run(work, groupId, plan.value().after()));
    }

    /** Applies the group's licenses to all its members again (Allot's group reprocess). */
    public Outcome<GroupLicenseState> reprocess(Caller caller, GroupId groupId) {
        return transactions.run(() -> guard.changing(caller, groupId.value(), () -> reprocessLocked(caller, groupId)));
    }

    private Outcome<GroupLicenseState> reprocessLocked(Caller caller, GroupId groupId) {
        locks.share(caller.tenant());
        Optional<Group> group = groups.find(caller.tenant(), groupId);
        if (group.isEmpty()) {
            return Outcome.refused(Rejection.notFound(groupId));
        }
        schedule(caller, groupId);
        return Outcome.done(stateOf(caller.tenant(), group.get()));
    }

    /** Sets the group's priority in waiting lists, from {@link #MIN_PRIORITY} to {@link #MAX_PRIORITY}. */
    public Outcome<GroupLicenseState> setPriority(Caller caller, GroupId groupId, int priority) {
        return transactions.run(
                () -> guard.changing(caller, groupId.value(), () -> setPriorityNow(caller, groupId, priority)));
    }

    private Outcome<GroupLicenseState> setPriorityNow(Caller caller, GroupId groupId, int priority) {
        Optional<Group> group = groups.find(caller.tenant(), groupId);
        if (group.isEmpty()) {
            return Outcome.refused(Rejection.notFound(groupId));
        }
        if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
            return Outcome.refused(
                    Rejection.invalid("A group's priority is between %d and %d.", MIN_PRIORITY, MAX_PRIORITY));
        }
        int old = groupLicenses.priority(caller.tenant(), groupId);
        if (old != priority) {
            groupLicenses.setPriority(caller.tenant(), groupId, priority);
            audit.append(AuditEvent.of(
                    caller,
                    clock.instant(),
                    Activity.UPDATE_GROUP,
                    AuditTarget.group(groupId, group.get().displayName()),
                    List.of(PropertyChange.of("licensePriority", old, priority))));
        }
        return Outcome.done(stateOf(caller.tenant(), group.get()));
    }

    /** A group's licenses and where applying them stands, read in one unit of work. */
    public Optional<GroupLicenseState> stateOf(TenantId tenant, GroupId groupId) {
        return transactions.read(() -> groups.find(tenant, groupId).map(g -> stateOf(tenant, g)));
    }

    /**
     * Where applying the group's licenses stands: its state and, while a background run is queued or under way, how
     * many users it has processed so far and how many of them were licensed and in error.
     */
    public Optional<Processing> processingOf(TenantId tenant, GroupId groupId) {
        return transactions.read(() -> groups.find(tenant, groupId)
                .map(g -> new Processing(
                        groupLicenses.state(tenant, g.id()),
                        jobs.groupUnderWay(tenant, g.id()).orElse(null))));
    }

    /** {@link #processingOf}: the state, and the background run's progress (null when none is queued or running). */
    public record Processing(ProcessingState state, LicenseJobs.Progress underWay) {}

    /** Applies the group's licenses now when few users are concerned, and as a background job otherwise. */
    void schedule(Caller caller, GroupId group) {
        TenantId tenant = caller.tenant();
        boolean nested = reconciler.begin(caller).context.policy().nestedGroupLicensing();
        long users = memberships.countUserMembers(tenant, group, nested) + assignments.countWithSource(tenant, group);
        if (users <= settings.inlineLimit()) {
            startRun(caller, group);
            int succeeded = 0;
            int failed = 0;
            UserId next = null;
            do {
                Chunk chunk = processChunk(caller, group, next, settings.chunkSize());
                succeeded += chunk.succeeded();
                failed += chunk.failed();
                next = chunk.next();
            } while (next != null);
            finishRun(caller, group, succeeded, failed);
        } else {
            groupLicenses.setState(tenant, group, ProcessingState.QueuedForProcessing);
            jobs.reconcileGroup(tenant, group);
        }
    }

    /** Marks the start of applying a group's licenses. */
    public void startRun(Caller caller, GroupId group) {
        groupLicenses.setState(caller.tenant(), group, ProcessingState.ProcessingInProgress);
        audit.append(AuditEvent.of(
                caller.as(Actor.GROUP_BASED_LICENSING),
                clock.instant(),
                Activity.START_GROUP_LICENSING,
                target(caller.tenant(), group),
                List.of()));
    }

    /**
     * Applies the group's licenses to the next users after {@code after} (null: the first ones), in id order: its
     * members get them, and users who hold an assignment from it without being members lose it. The chunk's users are
     * found without locks; each is then locked and given the licenses of the groups it belongs to at that moment.
     */
    public Chunk processChunk(Caller caller, GroupId group, UserId after, int limit) {
        locks.share(caller.tenant());
        Reconciler.Work work = reconciler.begin(caller.as(Actor.GROUP_BASED_LICENSING));
        TenantId tenant = caller.tenant();
        boolean nested = work.context.policy().nestedGroupLicensing();
        List<UserId> members = memberships.userMembers(tenant, group, nested, after, limit);
        List<UserId> holders = assignments.usersWithSource(tenant, group, after, limit);
        UserId boundary = Chunks.boundary(members, holders, limit);
        TreeSet<UserId> users = new TreeSet<>(members);
        users.addAll(holders);
        Set<UserId> chunk = boundary == null ? users : users.headSet(boundary, true);
        Set<UserId> memberSet = new HashSet<>(members);
        memberSet.retainAll(chunk);
        Reconciler.Batch batch = reconciler.reinherit(work, new ArrayList<>(chunk));
        reconciler.commit(work, batch);
        reconciler.finish(work);
        AssignmentSource source = AssignmentSource.group(group);
        int succeeded = 0;
        int failed = 0;
        for (UserId member : memberSet) {
            UserLicenses result = batch.after().get(member);
            if (result == null || result.subject().deleted()) {
                continue;
            }
            boolean ok = result.assignments().stream()
                    .filter(a -> a.source().equals(source))
                    .allMatch(a -> a.state() == AssignmentState.Active);
            if (ok) {
                succeeded++;
            } else {
                failed++;
            }
        }
        return new Chunk(boundary, chunk.size(), succeeded, failed);
    }

    /**
     * Locks the group's processing state, which {@link #finishRun} writes, until the unit of work ends: a job's last
     * unit of work takes it before the job's row, in the order of every change that queues the group ({@link
     * #schedule}, which writes the state and then queues the job), or the two would wait for each other.
     */
    public void lockState(Caller caller, GroupId group) {
        groupLicenses.lock(caller.tenant(), group);
    }

    /** Marks the end of applying a group's licenses, with how it went. */
    public void finishRun(Caller caller, GroupId group, int succeeded, int failed) {
        groupLicenses.setState(caller.tenant(), group, ProcessingState.ProcessingComplete);
        audit.append(AuditEvent.of(
                caller.as(Actor.GROUP_BASED_LICENSING),
                clock.instant(),
                Activity.FINISH_GROUP_LICENSING,
                target(caller.tenant(), group),
                List.of(PropertyChange.of(
                        "Result",
                        null,
                        "Users successfully assigned licenses: " + succeeded
                                + ", Users for whom license assignment failed: " + failed + "."))));
    }

    private GroupLicenseState stateOf(TenantId tenant, Group group) {
        return new GroupLicenseState(
                group,
                groupLicenses.of(tenant, group.id()),
                groupLicenses.state(tenant, group.id()),
                groupLicenses.priority(tenant, group.id()));
    }

    private AuditTarget target(TenantId tenant, GroupId group) {
        return AuditTarget.group(
                group, groups.find(tenant, group).map(Group::displayName).orElse(group.toString()));
    }

    private static String describe(List<GroupLicense> licenses, Catalog catalog) {
        return LicenseChanges.describe(
                licenses.stream().map(GroupLicense::license).toList(), catalog);
    }
}
