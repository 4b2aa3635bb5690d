package org.allot.core.directory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.query.Page;
import org.allot.core.query.Query;

/**
 * Port: reads users and groups page by page for the API and the admin center — filters, ordering, counts and keyset
 * paging. Reads only; licensing decisions are read from the assignments the engine wrote.
 */
public interface DirectoryQueries {

    /** A member of a group: a user or a group. */
    sealed interface DirectoryObject permits UserObject, GroupObject {}

    record UserObject(User user) implements DirectoryObject {}

    record GroupObject(Group group) implements DirectoryObject {}

    /** Users that are deleted (soft-deleted, awaiting purge) or not. */
    Page<User> users(TenantId tenant, Query query, boolean deleted);

    Page<Group> groups(TenantId tenant, Query query);

    /** The users with an assignment in error from the group (Graph's membersWithLicenseErrors). */
    Page<User> membersWithLicenseErrors(TenantId tenant, GroupId group, Query query);

    /** A user by id or by user principal name; deleted users are not found. */
    Optional<User> user(TenantId tenant, String idOrPrincipalName);

    /** The members of a group, users and groups, in id order; with {@code transitive}, through nested groups too. */
    Page<DirectoryObject> members(TenantId tenant, GroupId group, boolean transitive, int top, UUID after);

    /** The groups a user or group belongs to, directly or (with {@code transitive}) through nesting. */
    List<Group> memberOf(TenantId tenant, UUID member, boolean user, boolean transitive);
}
