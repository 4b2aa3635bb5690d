package org.allot.core.directory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allot.core.TenantId;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;

/** Port: who is a member of which group, directly and through nested groups. */
public interface Memberships {
    /** Adds the member; returns false when it was already a direct member. */
    boolean add(TenantId tenant, GroupId group, Member member);

    /** Removes the member; returns false when it was not a direct member. */
    boolean remove(TenantId tenant, GroupId group, Member member);

    /**
     * {@link #add(TenantId, GroupId, Member)}, and when the member was added, {@code added} appended to {@code audit}:
     * both in one write where the store keeps both. Returns whether the member was added; when not, nothing was
     * written.
     */
    default boolean add(TenantId tenant, GroupId group, Member member, AuditLog audit, AuditEvent added) {
        if (!add(tenant, group, member)) {
            return false;
        }
        audit.append(added);
        return true;
    }

    boolean isDirectMember(TenantId tenant, GroupId group, Member member);

    /** The users and groups the group contains directly, deleted users included. */
    Set<Member> directMembers(TenantId tenant, GroupId group);

    /** {@link #directMembers(TenantId, GroupId)} of several groups, by group (in one read where the store can). */
    default Map<GroupId, Set<Member>> directMembers(TenantId tenant, Collection<GroupId> groups) {
        Map<GroupId, Set<Member>> members = new java.util.LinkedHashMap<>();
        groups.forEach(g -> members.put(g, directMembers(tenant, g)));
        return members;
    }

    /** {@link #addAll(TenantId, GroupId, Collection)} for several groups (in one write where the store can). */
    default void addAll(TenantId tenant, Map<GroupId, ? extends Collection<Member>> members) {
        members.forEach((group, added) -> addAll(tenant, group, added));
    }

    /** {@link #removeAll(TenantId, GroupId, Collection)} for several groups (in one write where the store can). */
    default void removeAll(TenantId tenant, Map<GroupId, ? extends Collection<Member>> members) {
        members.forEach((group, removed) -> removeAll(tenant, group, removed));
    }

    /** Adds members in one batch; those already direct members are left as they are. */
    default void addAll(TenantId tenant, GroupId group, Collection<Member> members) {
        members.forEach(m -> add(tenant, group, m));
    }

    /** Removes members in one batch; those that are not direct members are ignored. */
    default void removeAll(TenantId tenant, GroupId group, Collection<Member> members) {
        members.forEach(m -> remove(tenant, group, m));
    }

    /** The groups that contain the group directly. */
    Set<GroupId> parentGroups(TenantId tenant, GroupId group);

    /** The groups the group contains, at any depth. */
    Set<GroupId> descendantGroups(TenantId tenant, GroupId group);

    /** The groups that contain the group, at any depth. */
    Set<GroupId> ancestorGroups(TenantId tenant, GroupId group);

    /**
     * For each user, the groups they belong to: {@code true} for a direct membership, {@code false} for one that
     * exists only through nested groups.
     */
    Map<UserId, Map<GroupId, Boolean>> groupsOfUsers(TenantId tenant, Collection<UserId> users);

    /**
     * {@link #groupsOfUsers} for the users whose id is greater than {@code after} (null: from the start) and at most
     * {@code last} (null: to the end): a chunk of a walk over the tenant in one range.
     */
    Map<UserId, Map<GroupId, Boolean>> groupsOfUsersBetween(TenantId tenant, UserId after, UserId last);

    /**
     * The users in the group (directly, or also through nested groups when {@code nested}) whose id is greater than
     * {@code after} (null: from the start), in id order, at most {@code limit}. Deleted users are left out.
     */
    List<UserId> userMembers(TenantId tenant, GroupId group, boolean nested, UserId after, int limit);

    /** How many users {@link #userMembers} would list in all. */
    long countUserMembers(TenantId tenant, GroupId group, boolean nested);
}
