package org.allot.core.directory;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allot.core.TenantId;

/**
 * Port: the log of which users, groups and memberships changed, for Graph's delta queries. A change is positioned by
 * the transaction that made it; positions below {@link #horizon()} belong to transactions that have ended, so no
 * change below it can still appear.
 */
public interface DirectoryChanges {

    /** The collections a delta query follows. */
    enum Kind {
        USERS,
        GROUPS
    }

    /** A member of a group in a group's {@code members@delta}: a user or a group, there or removed. */
    record MemberChange(UUID id, boolean group, boolean removed) {}

    /** The position below which every change has been committed (or rolled back) and none is still to come. */
    long horizon();

    /** The highest position whose changes were trimmed from the tenant's log; -1 when nothing was trimmed. */
    long trimmedThrough(TenantId tenant);

    /** Ids of the objects there now (users not deleted), in id order after {@code after} (null: from the start). */
    List<UUID> present(TenantId tenant, Kind kind, UUID after, int limit);

    /**
     * Ids of the objects changed by transactions in {@code [from, to)}, in id order after {@code after}; for groups
     * with {@code withMembers}, also those whose members changed.
     */
    List<UUID> changed(TenantId tenant, Kind kind, boolean withMembers, long from, long to, UUID after, int limit);

    /** Users by id, deleted ones included; ids that name no user are left out. */
    Map<UUID, User> users(TenantId tenant, Collection<UUID> ids);

    /** Groups by id; ids that name no group are left out. */
    Map<UUID, Group> groups(TenantId tenant, Collection<UUID> ids);

    /** The current members of groups (users not deleted, and groups), in id order. */
    Map<UUID, List<MemberChange>> members(TenantId tenant, Collection<UUID> groups);

    /**
     * The members of groups that joined or left in {@code [from, to)}, each as it stands now: still a member, or
     * removed.
     */
    Map<UUID, List<MemberChange>> memberChanges(TenantId tenant, Collection<UUID> groups, long from, long to);

    /** Forgets the tenant's changes made before {@code before}, remembering how far it trimmed; returns how many. */
    int trim(TenantId tenant, Instant before);
}
