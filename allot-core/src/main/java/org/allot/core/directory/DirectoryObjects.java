package org.allot.core.directory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.directory.DirectoryQueries.DirectoryObject;

/**
 * Users and groups as Graph's directory objects: read by id whatever they are ({@code GET /directoryObjects/{id}},
 * {@code getByIds}), and the groups an object belongs to, at any depth ({@code getMemberGroups},
 * {@code checkMemberGroups}, and their {@code …Objects} forms, which in Allot name groups only: it has no directory
 * roles or administrative units to belong to). Each read is one unit of work.
 */
public final class DirectoryObjects {
    /** Graph's limit on the ids of one {@code getByIds}. */
    public static final int MAX_IDS = 1000;
    /** Graph's limit on the ids of one {@code checkMemberGroups} or {@code checkMemberObjects}. */
    public static final int MAX_CHECKED = 20;

    /** The kinds of directory object Allot holds. */
    public enum Kind {
        USER,
        GROUP
    }

    /** The object whose memberships are asked for: a user (by id or sign-in name) or a group. */
    public record Subject(UserRef user, GroupId group) {
        public static Subject of(UserRef user) {
            return new Subject(Objects.requireNonNull(user), null);
        }

        public static Subject of(GroupId group) {
            return new Subject(null, Objects.requireNonNull(group));
        }

        /** An object of any kind, by its id. */
        public static Subject any(UUID id) {
            return new Subject(UserRef.of(new UserId(id)), new GroupId(id));
        }
    }

    private final Transactions transactions;
    private final DirectoryQueries queries;
    private final Users users;
    private final Groups groups;

    private final ScopeGuard guard;

    public DirectoryObjects(
            Transactions transactions, DirectoryQueries queries, Users users, Groups groups, ScopeGuard guard) {
        this.guard = Objects.requireNonNull(guard);
        this.transactions = Objects.requireNonNull(transactions);
        this.queries = Objects.requireNonNull(queries);
        this.users = Objects.requireNonNull(users);
        this.groups = Objects.requireNonNull(groups);
    }

    /**
     * The user (unless deleted) or group with this id, within the caller's scope (to an administrator of some
     * administrative units, an object outside them is not found).
     */
    public Optional<DirectoryObject> find(Caller caller, UUID id) {
        return transactions.read(() -> findNow(caller.tenant(), id).filter(o -> guard.reaches(caller, id)));
    }

    private Optional<DirectoryObject> findNow(TenantId tenant, UUID id) {
        Optional<Group> group = groups.find(tenant, new GroupId(id));
        if (group.isPresent()) {
            return Optional.of(new DirectoryQueries.GroupObject(group.get()));
        }
        return users.find(tenant, new UserId(id)).filter(u -> !u.isDeleted()).map(DirectoryQueries.UserObject::new);
    }

    /**
     * The objects with these ids and of these kinds (all kinds when none is given), in the order of the ids; ids that
     * name nothing are left out, as Graph leaves them out, and so are those outside the caller's scope.
     */
    public Outcome<List<DirectoryObject>> byIds(Caller caller, List<UUID> ids, Set<Kind> kinds) {
        TenantId tenant = caller.tenant();
        if (ids.isEmpty() || ids.size() > MAX_IDS) {
            return Outcome.refused(Rejection.invalid("getByIds takes 1 to %d ids; %d were sent.", MAX_IDS, ids.size()));
        }
        Set<Kind> wanted = kinds.isEmpty() ? Set.of(Kind.values()) : kinds;
        return transactions.read(() -> {
            List<DirectoryObject> found = new ArrayList<>();
            for (UUID id : new LinkedHashSet<>(ids)) {
                findNow(tenant, id)
                        .filter(o -> guard.reaches(caller, id))
                        .filter(o -> wanted.contains(o instanceof DirectoryQueries.UserObject ? Kind.USER : Kind.GROUP))
                        .ifPresent(found::add);
            }
            return Outcome.done(found);
        });
    }

    /** The ids of the groups the object belongs to, directly or through nesting; security groups only if asked. */
    public Outcome<List<UUID>> memberGroups(TenantId tenant, Subject subject, boolean securityEnabledOnly) {
        return transactions.read(() -> groupsOf(tenant, subject).map(of -> of.stream()
                .filter(g -> !securityEnabledOnly || g.securityEnabled())
                .map(g -> g.id().value())
                .toList()));
    }

    /**
     * Of the groups named, those the object belongs to, directly or through nesting, in the order named; ids that
     * name no group are left out.
     */
    public Outcome<List<UUID>> checkMemberGroups(TenantId tenant, Subject subject, List<UUID> ids) {
        if (ids.isEmpty() || ids.size() > MAX_CHECKED) {
            return Outcome.refused(
                    Rejection.invalid("Checking membership takes 1 to %d ids; %d were sent.", MAX_CHECKED, ids.size()));
        }
        return transactions.read(() -> groupsOf(tenant, subject).map(of -> {
            Set<UUID> member = new HashSet<>();
            of.forEach(g -> member.add(g.id().value()));
            return new LinkedHashSet<>(ids).stream().filter(member::contains).toList();
        }));
    }

    private Outcome<List<Group>> groupsOf(TenantId tenant, Subject subject) {
        if (subject.user() != null) {
            Optional<User> user = subject.user().find(tenant, users);
            if (user.isPresent()) {
                return Outcome.done(queries.memberOf(tenant, user.get().id().value(), true, true));
            }
        }
        if (subject.group() != null && groups.find(tenant, subject.group()).isPresent()) {
            return Outcome.done(queries.memberOf(tenant, subject.group().value(), false, true));
        }
        return Outcome.refused(Rejection.notFound(
                subject.user() != null
                        ? subject.user().toString()
                        : subject.group().toString()));
    }
}
