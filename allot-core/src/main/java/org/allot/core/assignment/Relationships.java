package org.allot.core.assignment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.directory.DirectoryQueries;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Groups;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserRef;
import org.allot.core.directory.Users;
import org.allot.core.query.Filter;
import org.allot.core.query.Page;
import org.allot.core.query.Query;

/**
 * Reads a relationship of the directory with the query options of a collection (Graph's {@code members},
 * {@code transitiveMembers}, {@code memberOf} and {@code transitiveMemberOf} cast to users or groups): the related
 * objects of one type, filtered, ordered, counted and paged like the users or groups of the tenant. Each read is one
 * unit of work; empty when the object the relationship starts from does not exist.
 */
public final class Relationships {
    private final Transactions transactions;
    private final Users users;
    private final Groups groups;
    private final LicensedDirectory reads;

    public Relationships(Transactions transactions, Users users, Groups groups, LicensedDirectory reads) {
        this.transactions = Objects.requireNonNull(transactions);
        this.users = Objects.requireNonNull(users);
        this.groups = Objects.requireNonNull(groups);
        this.reads = Objects.requireNonNull(reads);
    }

    /** The users among a group's members (through nested groups too when {@code transitive}). */
    public Optional<Page<LicensedUser>> memberUsers(
            TenantId tenant, GroupId group, boolean transitive, Query query, boolean withLicenses) {
        return transactions.read(() -> groups.find(tenant, group)
                .map(g -> reads.users(
                        tenant, within(query, new Filter.MemberOf(g.id().value(), transitive)), false, withLicenses)));
    }

    /** The groups among a group's members (nested in it, at any depth when {@code transitive}). */
    public Optional<Page<LicensedGroup>> memberGroups(
            TenantId tenant, GroupId group, boolean transitive, Query query, boolean withLicenses) {
        return transactions.read(() -> groups.find(tenant, group)
                .map(g -> reads.groups(
                        tenant, within(query, new Filter.MemberOf(g.id().value(), transitive)), withLicenses)));
    }

    /** How many members (users and groups) a group has, directly or through nested groups. */
    public Optional<Long> memberCount(TenantId tenant, GroupId group, boolean transitive) {
        Query count = new Query(null, null, 1, null, true);
        return transactions.read(() -> memberUsers(tenant, group, transitive, count, false)
                .map(users -> users.count()
                        + memberGroups(tenant, group, transitive, count, false)
                                .orElseThrow()
                                .count()));
    }

    /** The members of a group a page at a time, users and groups in id order. */
    public Optional<Page<DirectoryQueries.DirectoryObject>> members(
            TenantId tenant, GroupId group, boolean transitive, int top, UUID after) {
        return reads.members(tenant, group, transitive, top, after);
    }

    /** The groups a user is a member of (through nesting too when {@code transitive}). */
    public Optional<Page<LicensedGroup>> groupsOfUser(
            TenantId tenant, UserRef user, boolean transitive, Query query, boolean withLicenses) {
        return transactions.read(() -> user.find(tenant, users)
                .map(u -> reads.groups(
                        tenant, within(query, new Filter.HasMember(u.id().value(), transitive)), withLicenses)));
    }

    /** The groups a group is nested in (at any depth when {@code transitive}). */
    public Optional<Page<LicensedGroup>> groupsOfGroup(
            TenantId tenant, GroupId group, boolean transitive, Query query, boolean withLicenses) {
        return transactions.read(() -> groups.find(tenant, group)
                .map(g -> reads.groups(
                        tenant, within(query, new Filter.HasMember(g.id().value(), transitive)), withLicenses)));
    }

    /** The relationships Graph's {@code $expand} may name on users and groups. */
    public enum Expanded {
        MEMBERS,
        MEMBER_OF,
        TRANSITIVE_MEMBER_OF
    }

    /**
     * The first {@code limit} related objects of each of {@code ids} (users when {@code ofUsers}, else groups), for
     * {@code $expand}: one unit of work for the page; an object that is gone has none.
     */
    public Map<UUID, List<DirectoryQueries.DirectoryObject>> expand(
            TenantId tenant, List<UUID> ids, boolean ofUsers, Expanded relation, int limit) {
        if (ofUsers && relation == Expanded.MEMBERS) {
            throw new IllegalArgumentException("users have no members");
        }
        Query first = new Query(null, null, limit, null, false);
        boolean transitive = relation == Expanded.TRANSITIVE_MEMBER_OF;
        return transactions.read(() -> {
            Map<UUID, List<DirectoryQueries.DirectoryObject>> related = new LinkedHashMap<>();
            for (UUID id : ids) {
                Optional<List<DirectoryQueries.DirectoryObject>> objects = relation == Expanded.MEMBERS
                        ? reads.members(tenant, new GroupId(id), false, limit, null)
                                .map(Page::rows)
                        : (ofUsers
                                        ? groupsOfUser(tenant, UserRef.of(new UserId(id)), transitive, first, false)
                                        : groupsOfGroup(tenant, new GroupId(id), transitive, first, false))
                                .map(page -> page.rows().stream()
                                        .<DirectoryQueries.DirectoryObject>map(
                                                g -> new DirectoryQueries.GroupObject(g.group()))
                                        .toList());
                related.put(id, objects.orElse(List.of()));
            }
            return related;
        });
    }

    private static Query within(Query query, Filter relationship) {
        List<Filter> parts = new ArrayList<>();
        parts.add(relationship);
        if (query.filter() != null) {
            parts.add(query.filter());
        }
        Filter filter = parts.size() == 1 ? relationship : new Filter.And(parts);
        return new Query(filter, query.order(), query.top(), query.after(), query.count());
    }
}
