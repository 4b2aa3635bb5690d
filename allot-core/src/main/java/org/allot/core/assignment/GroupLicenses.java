package org.allot.core.assignment;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allot.core.TenantId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Memberships;
import org.allot.core.directory.UserId;

/** Port: the licenses groups assign, their processing state and their priority in waiting lists. */
public interface GroupLicenses {
    /** Locks the group's licenses against concurrent changes until the unit of work ends. */
    void lock(TenantId tenant, GroupId group);

    List<GroupLicense> of(TenantId tenant, GroupId group);

    /** The licenses of those of these groups that assign any. */
    Map<GroupId, List<GroupLicense>> ofGroups(TenantId tenant, Collection<GroupId> groups);

    /**
     * Users' groups and what those groups assign: for each user, the groups they belong to ({@code true}: directly,
     * {@code false}: only through nesting), and the licenses of those that assign any. Groups that assign nothing may
     * be left out of {@code groups}.
     */
    record OfUsers(Map<UserId, Map<GroupId, Boolean>> groups, Map<GroupId, List<GroupLicense>> licenses) {}

    /**
     * These users' groups ({@link Memberships#groupsOfUsers}) and those groups' licenses ({@link #ofGroups}) in one
     * answer: by default the two reads one after the other; an adapter may read both at once.
     */
    default OfUsers ofUsers(TenantId tenant, Collection<UserId> users, Memberships memberships) {
        Map<UserId, Map<GroupId, Boolean>> groups = memberships.groupsOfUsers(tenant, users);
        Set<GroupId> all = new HashSet<>();
        groups.values().forEach(g -> all.addAll(g.keySet()));
        return new OfUsers(groups, ofGroups(tenant, all));
    }

    void replace(TenantId tenant, GroupId group, List<GroupLicense> licenses);

    /** Every group of the tenant that assigns licenses. */
    Set<GroupId> licensedGroups(TenantId tenant);

    ProcessingState state(TenantId tenant, GroupId group);

    void setState(TenantId tenant, GroupId group, ProcessingState state);

    /** The group's priority in waiting lists: members waiting through a higher one go first; 0 by default. */
    int priority(TenantId tenant, GroupId group);

    void setPriority(TenantId tenant, GroupId group, int priority);
}
