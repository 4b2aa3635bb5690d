package org.allot.core.unit;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.Actor;
import org.allot.core.TenantId;

/** The roles held over administrative units (they go with their unit when it is deleted). */
public interface UnitRoleAssignments {
    /** The roles held over the unit, oldest first. */
    List<ScopedRoleMember> ofUnit(TenantId tenant, UnitId unit);

    /** The roles an administrator or app holds over units, oldest first: what its requests may reach. */
    List<ScopedRoleMember> ofMember(TenantId tenant, Actor.Kind kind, String memberId);

    Optional<ScopedRoleMember> find(TenantId tenant, UnitId unit, UUID id);

    void add(TenantId tenant, ScopedRoleMember assignment);

    void remove(TenantId tenant, UnitId unit, UUID id);

    /** Removes every role the administrator or app holds over units (it was deleted). */
    void removeMember(TenantId tenant, Actor.Kind kind, String memberId);
}
