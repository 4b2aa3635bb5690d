package org.allot.server.web.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.directory.DirectoryQueries;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Groups;
import org.allot.core.directory.Member;
import org.allot.core.directory.User;
import org.allot.core.query.Entity;
import org.allot.core.query.Filter;
import org.allot.core.query.Query;

/** Finds the user or group an administrator names when adding a member: by sign-in name, group name or id. */
public final class Members {
    /** A user or group, and how to name it back to the administrator. */
    public record Found(Member member, String name) {}

    /** A suggestion while typing: what to fill in, and what to show. */
    public record Suggestion(String value, String label) {}

    private final DirectoryQueries queries;
    private final Groups groups;

    public Members(DirectoryQueries queries, Groups groups) {
        this.queries = queries;
        this.groups = groups;
    }

    public Outcome<Found> find(TenantId tenant, String text) {
        String name = text.strip();
        if (name.isEmpty()) {
            return Outcome.refused(Rejection.invalid("Enter a user's sign-in name or a group's name."));
        }
        Optional<UUID> id = AdminPages.uuid(name);
        if (id.isPresent()) {
            Optional<Group> group = groups.find(tenant, new GroupId(id.get()));
            if (group.isPresent()) {
                return Outcome.done(
                        new Found(Member.group(group.get().id()), group.get().displayName()));
            }
        }
        Optional<User> user = name.length() > 1024 ? Optional.empty() : queries.user(tenant, name);
        if (user.isPresent()) {
            return Outcome.done(
                    new Found(Member.user(user.get().id()), user.get().userPrincipalName()));
        }
        List<Group> named = queries.groups(tenant, new Query(displayNameIs(name), null, 2, null, false))
                .rows();
        if (named.size() == 1) {
            return Outcome.done(
                    new Found(Member.group(named.get(0).id()), named.get(0).displayName()));
        }
        if (named.size() > 1) {
            return Outcome.refused(Rejection.invalid(
                    "Several groups are named %s: open the group you mean and copy its id from the address.", name));
        }
        return Outcome.refused(Rejection.invalid("No user signs in as %s and no group is named %s.", name, name));
    }

    /** Users and groups whose name starts with what was typed. */
    public List<Suggestion> suggest(TenantId tenant, String typed) {
        String prefix = typed.strip().toLowerCase(java.util.Locale.ROOT);
        if (prefix.isEmpty() || prefix.length() > 256) {
            return List.of();
        }
        List<Suggestion> suggestions = new ArrayList<>();
        Filter users = new Filter.Or(List.of(
                new Filter.StartsWith(UserFilters.property("displayName"), prefix),
                new Filter.StartsWith(UserFilters.property("userPrincipalName"), prefix)));
        queries.users(tenant, new Query(users, UserFilters.ORDER, 8, null, false), false)
                .rows()
                .forEach(u -> suggestions.add(new Suggestion(u.userPrincipalName(), u.displayName())));
        Filter named =
                new Filter.StartsWith(Entity.GROUP.property("displayName").orElseThrow(), prefix);
        queries.groups(tenant, new Query(named, GroupListPage.ORDER, 5, null, false))
                .rows()
                .forEach(g -> suggestions.add(new Suggestion(g.displayName(), "Group")));
        return suggestions;
    }

    private static Filter displayNameIs(String name) {
        return new Filter.Compare(
                Entity.GROUP.property("displayName").orElseThrow(),
                Filter.Operator.EQ,
                name.toLowerCase(java.util.Locale.ROOT));
    }
}
