package org.allot.core.directory;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.allot.core.Caller;
import org.allot.core.Rejection;

/**
 * What the directory tells the rest of Allot about its changes, within the same unit of work. Licensing listens to
 * propagate memberships and may refuse changes its rules do not allow (the {@code check} methods, called before
 * anything is written); dynamic membership listens to keep rule-based groups in line with their rules. Several
 * listeners are combined with {@link DirectoryListeners#of}.
 */
public interface DirectoryListener {
    DirectoryListener NONE = new DirectoryListener() {};

    default Optional<Rejection> checkUserUpdate(Caller caller, User before, User after) {
        return Optional.empty();
    }

    default Optional<Rejection> checkGroupDelete(Caller caller, Group group) {
        return Optional.empty();
    }

    /** A group is about to be created ({@code before} null) or changed; for example its membership rule. */
    default Optional<Rejection> checkGroupChange(Caller caller, Group before, Group after) {
        return Optional.empty();
    }

    default void userCreated(Caller caller, User user) {}

    /** Users were created in one batch (directory sync); by default, as one creation each. */
    default void usersCreated(Caller caller, java.util.List<User> users) {
        users.forEach(u -> userCreated(caller, u));
    }

    default void userUpdated(Caller caller, User before, User after) {}

    /** The tenant's default usage location or licensing policies changed. */
    default void tenantUpdated(Caller caller, Tenant before, Tenant after) {}

    default void userDeleted(Caller caller, User user) {}

    default void userRestored(Caller caller, User user) {}

    /** Called before a user is removed for good, while its data still exists. */
    default void userPurging(Caller caller, User user) {}

    /** A group was created ({@code before} null) or changed. */
    default void groupChanged(Caller caller, Group before, Group after) {}

    /** A group was removed (after its memberships in other groups). */
    default void groupDeleted(Caller caller, Group group) {}

    /** A member joined ({@code added}) or left a group. */
    default void membershipChanged(Caller caller, GroupId group, Member member, boolean added) {}

    /** Several members joined or left a group at once (directory sync); by default, as one change each. */
    default void membersChanged(Caller caller, GroupId group, Collection<Member> added, Collection<Member> removed) {
        added.forEach(m -> membershipChanged(caller, group, m, true));
        removed.forEach(m -> membershipChanged(caller, group, m, false));
    }

    /**
     * The members of several groups changed in one unit of work (directory sync); by default, as one
     * {@link #membersChanged(Caller, GroupId, Collection, Collection)} per group, in their order.
     */
    default void membersChanged(Caller caller, java.util.List<MembershipChange> changes) {
        changes.forEach(c -> membersChanged(caller, c.group().id(), c.added(), c.removed()));
    }

    /** Users joined and left a group in one go: its membership rule was applied to them. */
    default void ruleApplied(Caller caller, GroupId group, Set<UserId> joined, Set<UserId> left) {
        joined.forEach(user -> membershipChanged(caller, group, Member.user(user), true));
        left.forEach(user -> membershipChanged(caller, group, Member.user(user), false));
    }
}
