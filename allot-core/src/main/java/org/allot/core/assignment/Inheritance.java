package org.allot.core.assignment;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.allot.core.TenantId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Memberships;
import org.allot.core.directory.TenantPolicy;
import org.allot.core.directory.UserId;
import org.allot.core.subscription.Seats;

/** Works out which group licenses users inherit from the groups they belong to. */
final class Inheritance {
    private final Memberships memberships;
    private final GroupLicenses groupLicenses;

    Inheritance(Memberships memberships, GroupLicenses groupLicenses) {
        this.memberships = Objects.requireNonNull(memberships);
        this.groupLicenses = Objects.requireNonNull(groupLicenses);
    }

    /** Gives each user exactly the licenses of the licensed groups they belong to (nested ones when allowed). */
    Change of(TenantId tenant, TenantPolicy policy, Collection<UserId> users) {
        return of(groupLicenses.ofUsers(tenant, users, memberships), policy);
    }

    /** The same, for users whose groups and those groups' licenses were read already ({@link GroupLicenses#ofUsers}). */
    Change of(GroupLicenses.OfUsers read, TenantPolicy policy) {
        return inherited(read.groups(), read.licenses(), policy);
    }

    /**
     * {@link Assignments#lockWithLicensing}: the users locked with their assignments, their groups with those groups'
     * licenses as this reads them, and the seat figures.
     */
    Assignments.LockedWithLicensing lockWithLicensing(
            Assignments assignments, Seats seats, TenantId tenant, Collection<UserId> users) {
        return assignments.lockWithLicensing(tenant, users, groupLicenses, memberships, seats);
    }

    /**
     * The same, for users whose groups were read already ({@link Memberships#groupsOfUsers}): the groups' licenses are
     * read once, and each user's inherited licenses worked out when the change is applied to them.
     */
    Change of(TenantId tenant, TenantPolicy policy, Map<UserId, Map<GroupId, Boolean>> groups) {
        Set<GroupId> all = new HashSet<>();
        groups.values().forEach(g -> all.addAll(g.keySet()));
        return inherited(groups, groupLicenses.ofGroups(tenant, all), policy);
    }

    /**
     * The same, for many users at once (a range of a tenant): the licenses of every licensed group of the tenant are
     * read, rather than those of the groups the users belong to.
     */
    Change ofMany(TenantId tenant, TenantPolicy policy, Map<UserId, Map<GroupId, Boolean>> groups) {
        return inherited(groups, groupLicenses.ofGroups(tenant, groupLicenses.licensedGroups(tenant)), policy);
    }

    private static Change inherited(
            Map<UserId, Map<GroupId, Boolean>> groups, Map<GroupId, List<GroupLicense>> licensed, TenantPolicy policy) {
        Map<UserId, Map<GroupId, List<GroupLicense>>> worked = new HashMap<>(); // a unit of work may ask twice
        return Changes.inherited(user -> worked.computeIfAbsent(user, u -> {
            Map<GroupId, List<GroupLicense>> inherited = new HashMap<>();
            groups.getOrDefault(u, Map.of()).forEach((group, direct) -> {
                List<GroupLicense> licenses = licensed.get(group);
                if (licenses != null && !licenses.isEmpty() && (direct || policy.nestedGroupLicensing())) {
                    inherited.put(group, licenses);
                }
            });
            return inherited;
        }));
    }
}
