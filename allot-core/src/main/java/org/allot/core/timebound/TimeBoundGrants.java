package org.allot.core.timebound;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.TenantId;
import org.allot.core.TenantRounds;
import org.allot.core.Transactions;
import org.allot.core.assignment.UserLicensing;
import org.allot.core.audit.AuditLog;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.directory.GroupDirectory;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Groups;
import org.allot.core.directory.Memberships;
import org.allot.core.directory.ScopeGuard;
import org.allot.core.directory.TenantLocks;
import org.allot.core.directory.UserRef;
import org.allot.core.directory.Users;

/**
 * Time-bound grants: a direct license or a group membership with a start and an end, set, changed and cancelled by
 * administrators, and started and ended by the scheduled step ({@link #runDue}), per tenant in turn
 * ({@link TenantRounds}), each grant in a unit of work of its own under the tenant's licensing lock and the user's.
 * The rules of the times are {@link GrantTimes}'; what a start and an end do is {@link GrantSteps}'s; new grants are
 * {@link NewGrants}', changes and cancellations {@link GrantChanges}', lists {@link GrantLists}'.
 */
public final class TimeBoundGrants {
    /** Who the audit log says started and ended grants. */
    public static final Actor TIME_BOUND_GRANTS = Actor.system("time-bound grants");

    static final int PAGE = 500;

    /** What the grants are built on. */
    public record Ports(
            Transactions transactions,
            TenantLocks locks,
            Users users,
            Groups groupStore,
            Memberships memberships,
            ProductCatalog catalog,
            UserLicensing licensing,
            GroupDirectory groups,
            TimedGrants grants,
            AuditLog audit,
            ScopeGuard guard) {
        public Ports {
            Objects.requireNonNull(transactions, "transactions");
            Objects.requireNonNull(locks, "locks");
            Objects.requireNonNull(users, "users");
            Objects.requireNonNull(groupStore, "groupStore");
            Objects.requireNonNull(memberships, "memberships");
            Objects.requireNonNull(catalog, "catalog");
            Objects.requireNonNull(licensing, "licensing");
            Objects.requireNonNull(groups, "groups");
            Objects.requireNonNull(grants, "grants");
            Objects.requireNonNull(audit, "audit");
            Objects.requireNonNull(guard, "guard");
        }
    }

    /** A grant with the names a list shows: the user's principal name, and the product's or the group's name. */
    public record Listed(TimedGrant grant, String userPrincipalName, String targetName) {}

    /** New times for a grant: only what {@code sets…} says changes; a null end set removes the end. */
    public record Reschedule(boolean setsStart, Instant start, boolean setsEnd, Instant end) {}

    private final Ports ports;
    private final Clock clock;
    private final GrantSteps steps;
    private final NewGrants created;
    private final GrantChanges changes;
    private final GrantLists lists;

    public TimeBoundGrants(Ports ports, Clock clock) {
        this.ports = Objects.requireNonNull(ports);
        this.clock = Objects.requireNonNull(clock);
        this.steps = new GrantSteps(ports, clock);
        this.created = new NewGrants(ports, clock, steps);
        this.changes = new GrantChanges(ports, clock, steps);
        this.lists = new GrantLists(ports);
    }

    /**
     * Assigns a product to a user directly from {@code start} (null: now) until {@code end} (null: no end). Starting
     * now, it is assigned at once as {@link UserLicensing#assign} assigns it, refused for the same reasons (a license
     * the user already holds directly gets the end); starting later, nothing is assigned until then.
     */
    public Outcome<Listed> grantLicense(
            Caller caller, UserRef named, String sku, Set<ServicePlanId> disabledPlans, Instant start, Instant end) {
        return named(caller, created.grantLicense(caller, named, sku, disabledPlans, start, end, false));
    }

    /**
     * {@link #grantLicense} for an approved license request: the license waits for a seat when none is free, at once
     * or at its start, in the request's place (docs/delegation.md#what-an-approval-grants).
     */
    public Outcome<Listed> grantRequestedLicense(
            Caller caller, UserRef named, String sku, Set<ServicePlanId> disabledPlans, Instant start, Instant end) {
        return named(caller, created.grantLicense(caller, named, sku, disabledPlans, start, end, true));
    }

    /**
     * Adds a user to a group from {@code start} (null: now) until {@code end} (null: no end). Starting now, the user
     * joins at once as {@link GroupDirectory#addMember} adds them (a user already a direct member gets the end);
     * starting later, the user is not a member until then. Synced and dynamic groups decide their members themselves.
     */
    public Outcome<Listed> grantMembership(Caller caller, GroupId groupId, UserRef named, Instant start, Instant end) {
        return named(caller, created.grantMembership(caller, groupId, named, start, end));
    }

    /**
     * Changes the start (of a grant that has not started) or the end of a user's license grant; an end set on a
     * license the user holds directly with no grant gives it one (its switched-off plans kept).
     */
    public Outcome<Listed> changeLicense(Caller caller, UserRef named, String sku, Reschedule times) {
        return named(caller, changes.change(caller, TimedGrant.Kind.LICENSE, named, sku, times));
    }

    /**
     * Changes the start (of a grant that has not started) or the end of a user's membership grant; an end set on a
     * membership with no grant gives it one.
     */
    public Outcome<Listed> changeMembership(Caller caller, GroupId group, UserRef named, Reschedule times) {
        return named(caller, changes.change(caller, TimedGrant.Kind.MEMBERSHIP, named, group.toString(), times));
    }

    /**
     * Cancels a user's license grant: one that has not started is forgotten (nothing was assigned); one that has
     * started ends now, as at its end.
     */
    public Outcome<TimedGrant> cancelLicense(Caller caller, UserRef named, String sku) {
        return changes.cancel(caller, TimedGrant.Kind.LICENSE, named, sku);
    }

    /** Cancels a user's membership grant, as {@link #cancelLicense} does. */
    public Outcome<TimedGrant> cancelMembership(Caller caller, GroupId group, UserRef named) {
        return changes.cancel(caller, TimedGrant.Kind.MEMBERSHIP, named, group.toString());
    }

    /** The grant as set, with the names a list shows (read after its unit of work). */
    private Outcome<Listed> named(Caller caller, Outcome<TimedGrant> outcome) {
        return outcome.map(g -> lists.named(caller.tenant(), g));
    }

    /** Whether the user has this grant and it has not started yet: nothing of it is given so far. */
    public boolean scheduled(TenantId tenant, TimedGrant.Key key) {
        return lists.scheduled(tenant, key);
    }

    /** The user's grants of both kinds, the soonest due first; empty for an unknown user or one outside the scope. */
    public Optional<List<Listed>> ofUser(Caller caller, UserRef named) {
        return lists.ofUser(caller, named);
    }

    /** The membership grants of a group, the soonest due first; empty for an unknown group or one outside the scope. */
    public Optional<List<Listed>> ofGroup(Caller caller, GroupId group) {
        return lists.ofGroup(caller, group);
    }

    /**
     * The scheduled step: for each tenant with grants due, in turn ({@link TenantRounds}), starts and ends each due
     * grant in a unit of work of its own. Idempotent and safe on every server at once: each grant is read again under
     * its user's lock and done only if it is still due. Returns how many grants started or ended.
     */
    public int runDue() {
        Instant now = clock.instant();
        return TenantRounds.sum(ports.transactions().read(() -> ports.grants().tenantsDueBy(now)), t -> runDue(t, now));
    }

    private int runDue(TenantId tenant, Instant now) {
        int done = 0;
        Set<TimedGrant.Key> seen = new HashSet<>();
        while (true) {
            List<TimedGrant> due =
                    ports.transactions().read(() -> ports.grants().dueBy(tenant, now, PAGE));
            List<TimedGrant> fresh = due.stream().filter(g -> seen.add(g.key())).toList();
            for (TimedGrant grant : fresh) {
                if (steps.step(tenant, grant.key(), now)) {
                    done++;
                }
            }
            if (fresh.isEmpty() || due.size() < PAGE) {
                return done;
            }
        }
    }
}
