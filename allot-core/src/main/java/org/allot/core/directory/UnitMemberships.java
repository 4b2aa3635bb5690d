package org.allot.core.directory;

import java.util.Set;
import java.util.UUID;
import org.allot.core.TenantId;

/**
 * Which administrative units hold a directory object (a user or a group) as a member: asked on every request of a
 * caller whose role is scoped to units, so it reads one indexed table (the units' memberships, kept up to date as
 * members are added and as users change against units' rules).
 */
public interface UnitMemberships {
    /** The ids of the units the user or group is a member of; empty for an object of no unit, or no object at all. */
    Set<UUID> unitsOf(TenantId tenant, UUID member);
}
