package org.allot.core.assignment;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allot.core.TenantId;
import org.allot.core.directory.GroupId;

/** Port: the licenses groups assign, their processing state and their priority in waiting lists. */
public interface GroupLicenses {
    /** Locks the group's licenses against concurrent changes until the unit of work ends. */
    void lock(TenantId tenant, GroupId group);

    List<GroupLicense> of(TenantId tenant, GroupId group);

    /** The licenses of those of these groups that assign any. */
    Map<GroupId, List<GroupLicense>> ofGroups(TenantId tenant, Collection<GroupId> groups);

    void replace(TenantId tenant, GroupId group, List<GroupLicense> licenses);

    /** Every group of the tenant that assigns licenses. */
    Set<GroupId> licensedGroups(TenantId tenant);

    ProcessingState state(TenantId tenant, GroupId group);

    void setState(TenantId tenant, GroupId group, ProcessingState state);

    /** The group's priority in waiting lists: members waiting through a higher one go first; 0 by default. */
    int priority(TenantId tenant, GroupId group);

    void setPriority(TenantId tenant, GroupId group, int priority);
}
