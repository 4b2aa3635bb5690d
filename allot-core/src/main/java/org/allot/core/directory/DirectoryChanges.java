package org.allot.core.directory;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allot.core.TenantId;

/**
 * Port: the log of which users, groups, memberships and license assignments changed and how, the one record of the
 * directory's changes that Graph's delta queries and change notifications both read (delta queries read users, groups
 * and memberships; license assignments are logged only for tenants subscribed to them). A change is known by the transaction that made it, and a position in the log is a database snapshot ({@code xmin:xmax:running,…}, see
 * {@link DeltaToken#isPosition}): the changes after a position are those of transactions that had not ended in it.
 */
public interface DirectoryChanges {

    /** The collections a delta query follows. */
    enum Kind {
        USERS,
        GROUPS
    }

    /** A member of a group in a group's {@code members@delta}: a user or a group, there or removed. */
    record MemberChange(UUID id, boolean group, boolean removed) {}

    /** What a logged change did: to a user or group, or to a group's members (created: joined, deleted: left). */
    enum Op {
        CREATED,
        UPDATED,
        /** Deleted; for a user, soft-deleted (restorable). */
        DELETED,
        /** A user deleted before was removed for good. */
        PURGED
    }

    /**
     * What a logged change was made to: a user, a group, the members of a group ({@code id} is the group), or one of a
     * user's license assignments ({@code id} is the user, {@link Logged#assignment} says which and how it stood).
     */
    enum Subject {
        USER,
        GROUP,
        MEMBERS,
        LICENSE_ASSIGNMENT
    }

    /**
     * A license assignment as a change left it (as it was, for a removal): the product, its source ({@code source}
     * null: direct; otherwise the group), Graph's {@code state} and {@code error} (null: none).
     */
    record AssignmentChange(UUID sku, UUID source, String state, String error) {}

    /**
     * One change in the log, with the transaction that made it; {@code assignment} for a license assignment's change,
     * null otherwise.
     */
    record Logged(String transaction, Subject subject, UUID id, Op op, AssignmentChange assignment) {
        public Logged(String transaction, Subject subject, UUID id, Op op) {
            this(transaction, subject, id, op, null);
        }
    }

    /**
     * The tenant's changes after position {@code from} and by position {@code to}, in the order they were made within
     * each transaction.
     */
    List<Logged> logged(TenantId tenant, String from, String to);

    /** The position now: which transactions have ended. */
    String horizon();

    /**
     * Whether the log can still serve the changes after a (well-formed) position: it is not ahead of the database's,
     * and none of the tenant's changes after it was trimmed.
     */
    boolean servable(TenantId tenant, String position);

    /**
     * Ids of the objects there now (users not deleted), in id order after {@code after} (null: from the start); of
     * those in {@code only} unless it is null.
     */
    List<UUID> present(TenantId tenant, Kind kind, Collection<UUID> only, UUID after, int limit);

    /**
     * Ids of the objects changed after position {@code from} and by position {@code to}, in id order after
     * {@code after}; for groups with {@code withMembers}, also those whose members changed; of those in {@code only}
     * unless it is null.
     */
    List<UUID> changed(
            TenantId tenant,
            Kind kind,
            boolean withMembers,
            Collection<UUID> only,
            String from,
            String to,
            UUID after,
            int limit);

    /** Users by id, deleted ones included; ids that name no user are left out. */
    Map<UUID, User> users(TenantId tenant, Collection<UUID> ids);

    /** Groups by id; ids that name no group are left out. */
    Map<UUID, Group> groups(TenantId tenant, Collection<UUID> ids);

    /** The current members of groups (users not deleted, and groups), in id order. */
    Map<UUID, List<MemberChange>> members(TenantId tenant, Collection<UUID> groups);

    /**
     * The members of groups that joined or left after position {@code from} and by {@code to}, each as it stands now:
     * still a member, or removed.
     */
    Map<UUID, List<MemberChange>> memberChanges(TenantId tenant, Collection<UUID> groups, String from, String to);

    /** Forgets the tenant's changes made before {@code before}, remembering how far it trimmed; returns how many. */
    int trim(TenantId tenant, Instant before);
}
