package org.allot.core.directory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.allot.core.Caller;
import org.allot.core.Rejection;

/** Several listeners heard as one, in order; the first refusal of a check wins. */
public final class DirectoryListeners implements DirectoryListener {
    private final List<DirectoryListener> listeners;

    private DirectoryListeners(List<DirectoryListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    public static DirectoryListener of(DirectoryListener... listeners) {
        return new DirectoryListeners(List.of(listeners));
    }

    @Override
    public Optional<Rejection> checkUserUpdate(Caller caller, User before, User after) {
        return first(l -> l.checkUserUpdate(caller, before, after));
    }

    @Override
    public Optional<Rejection> checkGroupDelete(Caller caller, Group group) {
        return first(l -> l.checkGroupDelete(caller, group));
    }

    @Override
    public Optional<Rejection> checkGroupChange(Caller caller, Group before, Group after) {
        return first(l -> l.checkGroupChange(caller, before, after));
    }

    @Override
    public void userCreated(Caller caller, User user) {
        listeners.forEach(l -> l.userCreated(caller, user));
    }

    @Override
    public void userUpdated(Caller caller, User before, User after) {
        listeners.forEach(l -> l.userUpdated(caller, before, after));
    }

    @Override
    public void tenantUpdated(Caller caller, Tenant before, Tenant after) {
        listeners.forEach(l -> l.tenantUpdated(caller, before, after));
    }

    @Override
    public void userDeleted(Caller caller, User user) {
        listeners.forEach(l -> l.userDeleted(caller, user));
    }

    @Override
    public void userRestored(Caller caller, User user) {
        listeners.forEach(l -> l.userRestored(caller, user));
    }

    @Override
    public void userPurging(Caller caller, User user) {
        listeners.forEach(l -> l.userPurging(caller, user));
    }

    @Override
    public void groupChanged(Caller caller, Group before, Group after) {
        listeners.forEach(l -> l.groupChanged(caller, before, after));
    }

    @Override
    public void groupDeleted(Caller caller, Group group) {
        listeners.forEach(l -> l.groupDeleted(caller, group));
    }

    @Override
    public void membershipChanged(Caller caller, GroupId group, Member member, boolean added) {
        listeners.forEach(l -> l.membershipChanged(caller, group, member, added));
    }

    @Override
    public void usersCreated(Caller caller, List<User> users) {
        listeners.forEach(l -> l.usersCreated(caller, users));
    }

    @Override
    public void membersChanged(Caller caller, GroupId group, Collection<Member> added, Collection<Member> removed) {
        listeners.forEach(l -> l.membersChanged(caller, group, added, removed));
    }

    @Override
    public void membersChanged(Caller caller, List<MembershipChange> changes) {
        listeners.forEach(l -> l.membersChanged(caller, changes));
    }

    @Override
    public void ruleApplied(Caller caller, GroupId group, Set<UserId> joined, Set<UserId> left) {
        listeners.forEach(l -> l.ruleApplied(caller, group, joined, left));
    }

    private Optional<Rejection> first(Function<DirectoryListener, Optional<Rejection>> check) {
        for (DirectoryListener listener : listeners) {
            Optional<Rejection> refused = check.apply(listener);
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }
}
