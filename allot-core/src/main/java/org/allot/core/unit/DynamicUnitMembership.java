package org.allot.core.unit;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.allot.core.Caller;
import org.allot.core.directory.DirectoryListener;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.rules.MembershipRule;

/**
 * Keeps the users of dynamic administrative units in line with their rules as users change, in the same unit of
 * work: a user created (one or a batch, directory sync included), changed or restored is evaluated against every
 * dynamic unit whose processing is on. The users who joined or left a unit are told to {@link UnitMembers.MembersMoved}
 * in the same unit of work, so that their seats are drawn from their new unit's pool at once.
 */
public final class DynamicUnitMembership implements DirectoryListener {
    private final UnitRules rules;
    private final UnitMembers.MembersMoved moved;

    DynamicUnitMembership(UnitRules rules, UnitMembers.MembersMoved moved) {
        this.rules = Objects.requireNonNull(rules);
        this.moved = Objects.requireNonNull(moved);
    }

    @Override
    public void userCreated(Caller caller, User user) {
        settle(caller, List.of(user));
    }

    @Override
    public void usersCreated(Caller caller, List<User> users) {
        settle(caller, users);
    }

    @Override
    public void userUpdated(Caller caller, User before, User after) {
        if (MembershipRule.anyReadPropertyChanged(before, after)) {
            settle(caller, List.of(after));
        }
    }

    @Override
    public void userRestored(Caller caller, User user) {
        settle(caller, List.of(user));
    }

    private void settle(Caller caller, List<User> users) {
        Set<UserId> joinedOrLeft = rules.settle(caller.tenant(), users);
        if (!joinedOrLeft.isEmpty()) {
            moved.moved(caller, joinedOrLeft);
        }
    }
}
