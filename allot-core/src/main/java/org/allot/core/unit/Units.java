package org.allot.core.unit;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.directory.Member;
import org.allot.core.directory.UnitMemberships;
import org.allot.core.directory.UserId;

/**
 * The tenant's administrative units and their members (users and groups). A unit's memberships go with it when it is
 * deleted, and with a user or group when that object is removed for good.
 */
public interface Units extends UnitMemberships {
    /** The tenant's units, by display name then id. */
    List<AdministrativeUnit> all(TenantId tenant);

    Optional<AdministrativeUnit> find(TenantId tenant, UnitId id);

    /** The unit, locked until the unit of work ends (changes to one unit's members are made one after another). */
    Optional<AdministrativeUnit> lock(TenantId tenant, UnitId id);

    void add(TenantId tenant, AdministrativeUnit unit);

    void update(TenantId tenant, AdministrativeUnit unit);

    void remove(TenantId tenant, UnitId id);

    /** The unit's members, users first then groups, each in id order, after {@code after} (null: from the start). */
    List<Member> members(TenantId tenant, UnitId unit, UUID after, int limit);

    /** Whether the object is a member of the unit. */
    boolean isMember(TenantId tenant, UnitId unit, Member member);

    /** Adds a member; false when it was one already. */
    boolean addMember(TenantId tenant, UnitId unit, Member member);

    /** Removes a member; false when it was none. */
    boolean removeMember(TenantId tenant, UnitId unit, Member member);

    /** Which of these users are members of the unit. */
    Set<UserId> userMembers(TenantId tenant, UnitId unit, Collection<UserId> users);

    /** Adds and removes users at once (a rule applied). */
    void moveUsers(TenantId tenant, UnitId unit, Collection<UserId> joined, Collection<UserId> left);

    /** Removes every member (a unit that becomes dynamic, or static again). */
    void clearMembers(TenantId tenant, UnitId unit);
}
