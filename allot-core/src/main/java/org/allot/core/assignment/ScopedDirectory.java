package org.allot.core.assignment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.Caller;
import org.allot.core.Transactions;
import org.allot.core.directory.DirectoryQueries;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.ScopeGuard;
import org.allot.core.directory.UserRef;
import org.allot.core.query.Page;
import org.allot.core.query.Query;

/**
 * The directory as the API shows it to a caller, within the caller's scope ({@link ScopeGuard}): the reads of
 * {@link LicensedDirectory}, each narrowed in the same unit of work. For a tenant-wide caller the answers are
 * {@link LicensedDirectory}'s own; for a caller scoped to administrative units, lists hold the users and groups of
 * its units only, and an object outside them is not found.
 */
public final class ScopedDirectory {
    private final Transactions transactions;
    private final LicensedDirectory reads;
    private final ScopeGuard guard;
    private final Relationships relationships;

    public ScopedDirectory(
            Transactions transactions, LicensedDirectory reads, Relationships relationships, ScopeGuard guard) {
        this.transactions = Objects.requireNonNull(transactions);
        this.reads = Objects.requireNonNull(reads);
        this.relationships = Objects.requireNonNull(relationships);
        this.guard = Objects.requireNonNull(guard);
    }

    /** {@link Relationships#expand} ({@code $expand}), the related objects outside the caller's scope left out. */
    public Map<UUID, List<DirectoryQueries.DirectoryObject>> expand(
            Caller caller, List<UUID> ids, boolean ofUsers, Relationships.Expanded relation, int limit) {
        return transactions.read(() -> {
            Map<UUID, List<DirectoryQueries.DirectoryObject>> related =
                    relationships.expand(caller.tenant(), ids, ofUsers, relation, limit);
            if (caller.scope().tenantWide()) {
                return related;
            }
            Map<UUID, List<DirectoryQueries.DirectoryObject>> within = new LinkedHashMap<>();
            related.forEach((id, objects) -> within.put(
                    id,
                    objects.stream().filter(o -> guard.reaches(caller, idOf(o))).toList()));
            return within;
        });
    }

    /** A page of users (deleted ones, or the others) within the caller's scope. */
    public Page<LicensedUser> users(Caller caller, Query query, boolean deleted, boolean withLicenses) {
        return reads.users(caller.tenant(), ScopeGuard.restrict(caller, query), deleted, withLicenses);
    }

    /** A user within the caller's scope, named by id or principal name, unless deleted. */
    public Optional<LicensedUser> user(Caller caller, UserRef user, boolean withLicenses) {
        return transactions.read(() -> reads.user(caller.tenant(), user, withLicenses)
                .filter(u -> guard.reaches(caller, u.user().id().value())));
    }

    /** A user's licenses without seat figures ({@link LicensedDirectory#userLicenses}), within the scope. */
    public Optional<LicensedUser> userLicenses(Caller caller, UserRef user) {
        return transactions.read(() -> reads.userLicenses(caller.tenant(), user)
                .filter(u -> guard.reaches(caller, u.user().id().value())));
    }

    /** A page of groups within the caller's scope. */
    public Page<LicensedGroup> groups(Caller caller, Query query, boolean withLicenses) {
        return reads.groups(caller.tenant(), ScopeGuard.restrict(caller, query), withLicenses);
    }

    /** A group within the caller's scope. */
    public Optional<LicensedGroup> group(Caller caller, GroupId id, boolean withLicenses) {
        return transactions.read(() ->
                guard.reaches(caller, id.value()) ? reads.group(caller.tenant(), id, withLicenses) : Optional.empty());
    }

    /**
     * The members of a group within the caller's scope, a page at a time; members outside the scope are left out of
     * the page (its next link is where the whole page ended). Empty when there is no such group within the scope.
     */
    public Optional<Page<DirectoryQueries.DirectoryObject>> members(
            Caller caller, GroupId group, boolean transitive, int top, UUID after) {
        return transactions.read(() -> {
            if (!guard.reaches(caller, group.value())) {
                return Optional.empty();
            }
            Optional<Page<DirectoryQueries.DirectoryObject>> page =
                    reads.members(caller.tenant(), group, transitive, top, after);
            if (caller.scope().tenantWide()) {
                return page;
            }
            return page.map(p -> new Page<>(
                    p.rows().stream()
                            .filter(o -> guard.reaches(caller, idOf(o)))
                            .toList(),
                    null,
                    p.next()));
        });
    }

    private static UUID idOf(DirectoryQueries.DirectoryObject object) {
        return object instanceof DirectoryQueries.UserObject u
                ? u.user().id().value()
                : ((DirectoryQueries.GroupObject) object).group().id().value();
    }

    /**
     * The groups a user within the caller's scope is a member of (through nesting too when {@code transitive}), those
     * within the scope only ({@link Relationships#groupsOfUser}); empty when the user is not within it.
     */
    public Optional<Page<LicensedGroup>> groupsOfUser(
            Caller caller, UserRef user, boolean transitive, Query query, boolean withLicenses) {
        return transactions.read(() -> user(caller, user, false)
                .flatMap(u -> relationships.groupsOfUser(
                        caller.tenant(),
                        UserRef.of(u.user().id()),
                        transitive,
                        ScopeGuard.restrict(caller, query),
                        withLicenses)));
    }

    /** The groups a group within the caller's scope is nested in, those within the scope only. */
    public Optional<Page<LicensedGroup>> groupsOfGroup(
            Caller caller, GroupId group, boolean transitive, Query query, boolean withLicenses) {
        return transactions.read(() -> guard.reaches(caller, group.value())
                ? relationships.groupsOfGroup(
                        caller.tenant(), group, transitive, ScopeGuard.restrict(caller, query), withLicenses)
                : Optional.empty());
    }

    /** The ids, of those given, of the objects within the caller's scope (all of them for a tenant-wide caller). */
    public List<UUID> within(Caller caller, List<UUID> ids) {
        if (caller.scope().tenantWide()) {
            return ids;
        }
        return transactions.read(
                () -> ids.stream().filter(id -> guard.reaches(caller, id)).toList());
    }
}
