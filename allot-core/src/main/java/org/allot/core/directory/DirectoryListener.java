package org.allot.core.directory;

import java.util.Collection;
import java.util.Optional;
import org.allot.core.Caller;
import org.allot.core.Rejection;

/**
 * What the directory tells the rest of Allot about its changes, within the same unit of work. Licensing listens to
 * propagate memberships and may refuse changes its rules do not allow (the {@code check} methods, called before
 * anything is written).
 */
public interface DirectoryListener {
    DirectoryListener NONE = new DirectoryListener() {};

    default Optional<Rejection> checkUserUpdate(Caller caller, User before, User after) {
        return Optional.empty();
    }

    default Optional<Rejection> checkGroupDelete(Caller caller, Group group) {
        return Optional.empty();
    }

    default void userUpdated(Caller caller, User before, User after) {}

    /** The tenant's default usage location or licensing policies changed. */
    default void tenantUpdated(Caller caller, Tenant before, Tenant after) {}

    default void userDeleted(Caller caller, User user) {}

    default void userRestored(Caller caller, User user) {}

    /** Called before a user is removed for good, while its data still exists. */
    default void userPurging(Caller caller, User user) {}

    /** A member joined ({@code added}) or left a group. */
    default void membershipChanged(Caller caller, GroupId group, Member member, boolean added) {}

    /** Several members joined or left a group at once (directory sync); by default, as one change each. */
    default void membersChanged(Caller caller, GroupId group, Collection<Member> added, Collection<Member> removed) {
        added.forEach(m -> membershipChanged(caller, group, m, true));
        removed.forEach(m -> membershipChanged(caller, group, m, false));
    }
}
