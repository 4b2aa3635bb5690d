package org.allot.core.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.query.Entity;
import org.allot.core.query.Filter;
import org.allot.core.query.Query;

/**
 * Finds the user or group a person names when adding a member — by sign-in name, group name or id — and suggests
 * users and groups while they type. Each read is one unit of work. Given a {@link Caller}, only the users and groups
 * within the caller's scope are found or suggested ({@link ScopeGuard}): to an administrator of some administrative
 * units, a user of another unit is named by nobody, as one that does not exist.
 */
public final class DirectorySearch {
    /** Users by display name, then id: how lists of users are ordered. */
    public static final Query.Order USERS_BY_NAME =
            new Query.Order(Entity.USER.property("displayName").orElseThrow(), false);
    /** Groups by display name, then id: how lists of groups are ordered. */
    public static final Query.Order GROUPS_BY_NAME =
            new Query.Order(Entity.GROUP.property("displayName").orElseThrow(), false);

    private final Transactions transactions;
    private final DirectoryQueries queries;
    private final Groups groups;
    private final ScopeGuard guard;

    public DirectorySearch(Transactions transactions, DirectoryQueries queries, Groups groups, ScopeGuard guard) {
        this.transactions = Objects.requireNonNull(transactions);
        this.queries = Objects.requireNonNull(queries);
        this.groups = Objects.requireNonNull(groups);
        this.guard = Objects.requireNonNull(guard);
    }

    /** A user or group, and how to name it back to the person who named it. */
    public record Found(Member member, String name) {}

    /** A user as suggested: the display name, and whether a guest (said before a guest is added to a group). */
    private static String label(User user) {
        String name = user.displayName() == null ? user.userPrincipalName() : user.displayName();
        return user.isGuest() ? name + " (guest)" : name;
    }

    /** A suggestion while typing: what to fill in, and what to show. */
    public record Suggestion(String value, String label) {}

    /**
     * The user or group the text names: a group's id, a user's id or sign-in name, or the exact name (any case) of
     * one group or one user.
     */
    public Outcome<Found> member(TenantId tenant, String text) {
        return transactions.read(() -> find(tenant, text, UnaryOperator.identity(), id -> true));
    }

    /** {@link #member(TenantId, String)} within the caller's scope. */
    public Outcome<Found> member(Caller caller, String text) {
        return transactions.read(() ->
                find(caller.tenant(), text, q -> ScopeGuard.restrict(caller, q), id -> guard.reaches(caller, id)));
    }

    private Outcome<Found> find(
            TenantId tenant, String text, UnaryOperator<Query> within, java.util.function.Predicate<UUID> reaches) {
        String name = text.strip();
        if (name.isEmpty()) {
            return Outcome.refused(Rejection.invalid("Enter a user's sign-in name or a group's name."));
        }
        Optional<UUID> id = uuid(name);
        if (id.isPresent()) {
            Optional<Group> group =
                    groups.find(tenant, new GroupId(id.get())).filter(g -> reaches.test(g.id().value()));
            if (group.isPresent()) {
                return Outcome.done(
                        new Found(Member.group(group.get().id()), group.get().displayName()));
            }
        }
        Optional<User> user = name.length() > 1024
                ? Optional.empty()
                : queries.user(tenant, name).filter(u -> reaches.test(u.id().value()));
        if (user.isPresent()) {
            return Outcome.done(
                    new Found(Member.user(user.get().id()), user.get().userPrincipalName()));
        }
        List<Group> named = queries.groups(tenant, within.apply(new Query(displayNameIs(name), null, 2, null, false)))
                .rows();
        List<User> people = name.length() > 256
                ? List.of()
                : queries.users(
                                tenant,
                                within.apply(new Query(
                                        new Filter.Compare(
                                                Entity.USER
                                                        .property("displayName")
                                                        .orElseThrow(),
                                                Filter.Operator.EQ,
                                                name.toLowerCase(Locale.ROOT)),
                                        null,
                                        2,
                                        null,
                                        false)),
                                false)
                        .rows();
        if (named.size() + people.size() > 1) {
            return Outcome.refused(Rejection.invalid(
                    "Several users or groups are named %s: enter the user's sign-in name, or open the group you mean"
                            + " and copy its id from the address.",
                    name));
        }
        if (named.size() == 1) {
            return Outcome.done(
                    new Found(Member.group(named.get(0).id()), named.get(0).displayName()));
        }
        if (people.size() == 1) {
            return Outcome.done(
                    new Found(Member.user(people.get(0).id()), people.get(0).userPrincipalName()));
        }
        return Outcome.refused(
                Rejection.invalid("No user signs in as %s or is named so, and no group is named %s.", name, name));
    }

    /** Users (up to {@code limit}) whose display name or sign-in name starts with what was typed, by name. */
    public List<User> users(Caller caller, String typed, int limit) {
        String prefix = typed.strip().toLowerCase(Locale.ROOT);
        if (prefix.isEmpty() || prefix.length() > 256) {
            return List.of();
        }
        Query query = ScopeGuard.restrict(caller, new Query(startsWith(prefix), USERS_BY_NAME, limit, null, false));
        return transactions.read(
                () -> queries.users(caller.tenant(), query, false).rows());
    }

    /**
     * The groups within the caller's scope that assign the product {@code sku} and take members added by hand (neither
     * dynamic nor synced), by name, up to {@code limit}: where a license can be granted as a membership.
     */
    public List<Group> groupsAssigning(Caller caller, UUID sku, int limit) {
        Query query =
                ScopeGuard.restrict(caller, new Query(new Filter.HasLicense(sku), GROUPS_BY_NAME, limit, null, false));
        return transactions.read(() -> queries.groups(caller.tenant(), query).rows().stream()
                .filter(g -> !g.isDynamic() && !g.onPremisesSyncEnabled())
                .toList());
    }

    private static Filter startsWith(String prefix) {
        return new Filter.Or(List.of(
                new Filter.StartsWith(Entity.USER.property("displayName").orElseThrow(), prefix),
                new Filter.StartsWith(Entity.USER.property("userPrincipalName").orElseThrow(), prefix)));
    }

    /** Users (up to 8) and groups (up to 5) whose name starts with what was typed. */
    public List<Suggestion> suggest(Caller caller, String typed) {
        TenantId tenant = caller.tenant();
        String prefix = typed.strip().toLowerCase(Locale.ROOT);
        if (prefix.isEmpty() || prefix.length() > 256) {
            return List.of();
        }
        return transactions.read(() -> {
            List<Suggestion> suggestions = new ArrayList<>();
            Filter users = startsWith(prefix);
            queries.users(tenant, ScopeGuard.restrict(caller, new Query(users, USERS_BY_NAME, 8, null, false)), false)
                    .rows()
                    .forEach(u -> suggestions.add(new Suggestion(u.userPrincipalName(), label(u))));
            Filter named = new Filter.StartsWith(GROUPS_BY_NAME.property(), prefix);
            queries.groups(tenant, ScopeGuard.restrict(caller, new Query(named, GROUPS_BY_NAME, 5, null, false)))
                    .rows()
                    .forEach(g -> suggestions.add(new Suggestion(g.displayName(), "Group")));
            return suggestions;
        });
    }

    private static Filter displayNameIs(String name) {
        return new Filter.Compare(
                Entity.GROUP.property("displayName").orElseThrow(), Filter.Operator.EQ, name.toLowerCase(Locale.ROOT));
    }

    /** An id as the admin center writes them: 36 characters. */
    private static Optional<UUID> uuid(String value) {
        if (value.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
