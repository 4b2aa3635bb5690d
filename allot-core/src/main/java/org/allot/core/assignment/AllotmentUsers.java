package org.allot.core.assignment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.TenantId;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;

/**
 * The users a change of allotments concerns ({@link SeatAllotments}): those who hold or wait for the SKU, or who get
 * it through the group, found chunk by chunk in user id order, and their recompute through the engine, in the caller's
 * unit of work.
 */
final class AllotmentUsers {
    private static final int CHUNK = 500;

    private final Assignments assignments;
    private final Reconciler reconciler;

    AllotmentUsers(Assignments assignments, Reconciler reconciler) {
        this.assignments = Objects.requireNonNull(assignments);
        this.reconciler = Objects.requireNonNull(reconciler);
    }

    /** Every user holding or waiting for the SKU, in user id order. */
    List<UserId> withSku(TenantId tenant, SkuId sku) {
        List<UserId> withSku = new ArrayList<>();
        UserId after = null;
        while (true) {
            Map<UserId, LicenseSubject> chunk = assignments.subjectsAfter(tenant, after, CHUNK);
            if (chunk.isEmpty()) {
                break;
            }
            List<UserId> ids = new ArrayList<>(chunk.keySet());
            after = ids.get(ids.size() - 1);
            assignments.of(tenant, ids).forEach((user, held) -> {
                if (held.stream().anyMatch(a -> a.sku().equals(sku) && (a.holdsSeat() || a.isWaiting()))) {
                    withSku.add(user);
                }
            });
        }
        return withSku;
    }

    /** Every user who gets a license through the group, in user id order. */
    List<UserId> throughGroup(TenantId tenant, GroupId group) {
        List<UserId> members = new ArrayList<>();
        UserId after = null;
        while (true) {
            List<UserId> users = assignments.usersWithSource(tenant, group, after, CHUNK);
            if (users.isEmpty()) {
                break;
            }
            members.addAll(users);
            after = users.get(users.size() - 1);
        }
        return members;
    }

    /** Locks these users' assignments (none: nothing). */
    void lock(TenantId tenant, List<UserId> users) {
        if (!users.isEmpty()) {
            assignments.lock(tenant, users);
        }
    }

    /**
     * Recomputes, chunk by chunk in user id order, every user holding or waiting for the SKU, then serves the waiting
     * lists that now have free seats: in the caller's unit of work, under the tenant's licensing lock taken alone.
     */
    void recompute(Caller caller, SkuId sku) {
        reinherit(caller, withSku(caller.tenant(), sku));
    }

    /** Recomputes these users, all locked first in id order and only then their seats (the lock order). */
    void reinherit(Caller caller, Collection<UserId> users) {
        if (users.isEmpty()) {
            return;
        }
        Reconciler.Work work = reconciler.begin(caller.as(Actor.GROUP_BASED_LICENSING));
        reconciler.commit(work, reconciler.reinherit(work, new TreeSet<>(users)));
        reconciler.finish(work);
    }
}
