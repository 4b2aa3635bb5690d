package org.allot.core.directory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.allot.core.TenantId;

/** Port: the groups of a tenant. */
public interface Groups {
    Optional<Group> find(TenantId tenant, GroupId id);

    /** The groups with these ids that exist, by id (in one read where the store can). */
    default Map<GroupId, Group> findAll(TenantId tenant, Collection<GroupId> ids) {
        Map<GroupId, Group> found = new LinkedHashMap<>();
        ids.forEach(id -> find(tenant, id).ifPresent(g -> found.put(id, g)));
        return found;
    }

    void add(TenantId tenant, Group group);

    /** Adds these groups (in one write where the store can). */
    default void addAll(TenantId tenant, Collection<Group> groups) {
        groups.forEach(g -> add(tenant, g));
    }

    void update(TenantId tenant, Group group);

    /** Removes a group with its memberships (as a member and as a container). */
    void remove(TenantId tenant, GroupId id);
}
