package org.allot.core.assignment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;

/**
 * Port: reads who holds which license, who waits for one and where groups stand, for the API and the admin center:
 * decisions as the engine wrote them.
 */
public interface LicenseQueries {

    /** One assignment of a product: to whom, from which source (a null group: direct), in which state. */
    record Holder(
            UUID userId,
            String userPrincipalName,
            String displayName,
            UUID groupId,
            String groupName,
            String state,
            String error,
            Instant requestedAt) {

        public boolean direct() {
            return groupId == null;
        }
    }

    /** A waiting user, as the waiting list shows them: their best place and the source that gives it. */
    record WaitingEntry(
            UserId user,
            String userPrincipalName,
            String displayName,
            Instant requestedAt,
            AssignmentSource source,
            String groupName,
            int priority) {}

    /** The figures of the dashboard: how many users there are, and how many need attention. */
    record UserCounts(long users, long inError, long unlicensed, long withoutUsageLocation, long guests) {}

    /** A group whose members have assignments in error, and how many such members. */
    record GroupErrors(GroupId group, String displayName, int users) {}

    /** How many members have an assignment from a group in error, by product, error and reason. */
    record ErrorCount(SkuId sku, AssignmentError error, String reason, int users) {}

    /** A user as lists of names show them. */
    record UserName(UUID id, String userPrincipalName, String displayName) {}

    /**
     * The assignments of a product that are not waiting for a seat (the waiting list has those), by user principal
     * name, from {@code offset}.
     */
    List<Holder> holders(TenantId tenant, SkuId sku, int offset, int limit);

    /** How many assignments of a product hold a seat or are in an error other than waiting ({@link #holders}). */
    int holderCount(TenantId tenant, SkuId sku);

    /** The waiting list of a SKU in {@link WaitingOrder}, from {@code offset}, at most {@code limit} entries. */
    List<WaitingEntry> waitingList(TenantId tenant, SkuId sku, int offset, int limit);

    /** A user's place in the waiting list of a SKU (1 is served first); empty when they are not waiting. */
    OptionalInt waitingPosition(TenantId tenant, SkuId sku, UserId user);

    /** How many users hold an assignment in error from each of these groups. */
    Map<GroupId, Integer> errorCounts(TenantId tenant, Collection<GroupId> groups);

    /**
     * The members with an assignment from the group in error, counted by product, error and reason, most first; at
     * most {@code limit} lines.
     */
    List<ErrorCount> errorSummary(TenantId tenant, GroupId group, int limit);

    /** Display names of groups, for showing where inherited licenses come from. */
    Map<UUID, String> groupNames(TenantId tenant, Collection<UUID> groups);

    UserCounts userCounts(TenantId tenant);

    /** Groups whose members have assignments in error, most errors first. */
    List<GroupErrors> groupsWithErrors(TenantId tenant, int limit);

    /** How many users and groups are direct members of each of these groups. */
    Map<GroupId, Integer> memberCounts(TenantId tenant, Collection<GroupId> groups);

    /** Guests among the members of a group, nested groups included, by name. */
    List<UserName> guestMembers(TenantId tenant, GroupId group, int limit);

    /** Users by id, for naming the users a preview samples. */
    Map<UUID, UserName> userNames(TenantId tenant, Collection<UUID> users);
}
