package org.allot.core.directory;

import java.util.Optional;
import org.allot.core.TenantId;

/** Port: the groups of a tenant. */
public interface Groups {
    Optional<Group> find(TenantId tenant, GroupId id);

    void add(TenantId tenant, Group group);

    void update(TenantId tenant, Group group);

    /** Removes a group with its memberships (as a member and as a container). */
    void remove(TenantId tenant, GroupId id);
}
