package org.allot.core.assignment;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.allot.core.TenantId;
import org.allot.core.catalog.Catalog;
import org.allot.core.directory.UserId;

/**
 * The users whose active plans a unit of work changed, noted only when something reads plans (asked once per unit of
 * work, {@link PlanDependents#readsPlans}: working plans out for every user of a large fan-out is not free).
 */
final class PlanChanges {
    private final PlanDependents dependents;
    private final Set<UserId> users = new HashSet<>();
    private Boolean watched;

    PlanChanges(PlanDependents dependents) {
        this.dependents = Objects.requireNonNull(dependents);
    }

    /** Notes the users of a batch just written whose active plans it changed. */
    void note(TenantId tenant, Catalog catalog, Reconciler.Batch batch) {
        if (dependents == PlanDependents.NONE) {
            return;
        }
        if (watched == null) {
            watched = dependents.readsPlans(tenant);
        }
        if (!watched) {
            return;
        }
        Set<UserId> touched = new HashSet<>();
        batch.added().forEach(a -> touched.add(a.user()));
        batch.changed().forEach(a -> touched.add(a.user()));
        batch.removed().forEach(k -> touched.add(k.user()));
        for (UserId id : touched) {
            UserLicenses before = batch.before().get(id);
            UserLicenses after = batch.after().get(id);
            if (!before.assignedPlans(catalog).equals(after.assignedPlans(catalog))) {
                users.add(id);
            }
        }
    }

    /** The users noted so far, who are then forgotten. */
    Set<UserId> take() {
        Set<UserId> taken = Set.copyOf(users);
        users.clear();
        return taken;
    }
}
