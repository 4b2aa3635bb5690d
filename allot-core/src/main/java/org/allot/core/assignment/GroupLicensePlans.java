package org.allot.core.assignment;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.allot.core.Caller;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Groups;

/**
 * A change to the licenses a group assigns, checked: the group (security-enabled), the request's shape, the licenses
 * against the catalogue, and the group's licenses after the change as a whole (their rules, and what dynamic
 * membership needs of them).
 */
final class GroupLicensePlans {
    private final Groups groups;
    private final GroupLicenses groupLicenses;
    private final LicenseRequests requests;
    private final Clock clock;
    private final PlanDependents dependents;

    GroupLicensePlans(
            Groups groups,
            GroupLicenses groupLicenses,
            LicenseRequests requests,
            Clock clock,
            PlanDependents dependents) {
        this.groups = Objects.requireNonNull(groups);
        this.groupLicenses = Objects.requireNonNull(groupLicenses);
        this.requests = Objects.requireNonNull(requests);
        this.clock = Objects.requireNonNull(clock);
        this.dependents = Objects.requireNonNull(dependents);
    }

    /** A group's licenses before and after a change that passed every check. */
    record Plan(Group group, List<GroupLicense> before, List<GroupLicense> after) {}

    /**
     * Checks adding {@code add} to and removing {@code remove} from the group's licenses; with {@code lock}, the
     * group's licenses are locked before they are read (a change), without it they are only read (a preview).
     */
    Outcome<Plan> plan(
            Caller caller,
            GroupId groupId,
            List<AssignedLicense> add,
            List<SkuId> remove,
            Catalog catalog,
            boolean lock) {
        TenantId tenant = caller.tenant();
        Optional<Group> group = groups.find(tenant, groupId);
        if (group.isEmpty()) {
            return Outcome.refused(Rejection.notFound(groupId));
        }
        if (!group.get().securityEnabled()) {
            return Outcome.refused(Rejection.invalid(
                    "Licenses can be assigned only to security-enabled groups; %s is not one.",
                    group.get().displayName()));
        }
        Optional<Rejection> shape = requests.checkShape(add, remove);
        if (shape.isPresent()) {
            return Outcome.refused(shape.get());
        }
        Optional<Rejection> invalid = requests.checkLicenses(tenant, catalog, add);
        if (invalid.isPresent()) {
            return Outcome.refused(invalid.get());
        }
        if (lock) {
            groupLicenses.lock(tenant, groupId);
        }
        List<GroupLicense> before = groupLicenses.of(tenant, groupId);
        Map<SkuId, GroupLicense> after = new LinkedHashMap<>();
        before.forEach(l -> after.put(l.license().skuId(), l));
        for (SkuId sku : remove) {
            if (after.remove(sku) == null) {
                return Outcome.refused(
                        Rejection.of(ErrorCode.LICENSE_NOT_ASSIGNED, "License %s is not assigned to the group.", sku));
            }
        }
        for (AssignedLicense license : add) {
            GroupLicense old = after.get(license.skuId());
            after.put(license.skuId(), new GroupLicense(license, old == null ? clock.instant() : old.assignedAt()));
        }
        List<GroupLicense> licenses = List.copyOf(after.values());
        Optional<Rejection> incoherent = GroupLicenseRules.check(licenses, catalog)
                .or(() -> dependents.checkGroupLicenses(caller, groupId, licenses));
        if (incoherent.isPresent()) {
            return Outcome.refused(incoherent.get());
        }
        return Outcome.done(new Plan(group.get(), before, licenses));
    }
}
