package org.allot.core.unit;

import java.util.List;
import java.util.Objects;
import org.allot.core.Caller;
import org.allot.core.directory.DirectoryListener;
import org.allot.core.directory.User;
import org.allot.core.rules.MembershipRule;

/**
 * Keeps the users of dynamic administrative units in line with their rules as users change, in the same unit of
 * work: a user created (one or a batch, directory sync included), changed or restored is evaluated against every
 * dynamic unit whose processing is on. Units change no license, so nothing else follows.
 */
public final class DynamicUnitMembership implements DirectoryListener {
    private final UnitRules rules;

    DynamicUnitMembership(UnitRules rules) {
        this.rules = Objects.requireNonNull(rules);
    }

    @Override
    public void userCreated(Caller caller, User user) {
        rules.settle(caller.tenant(), List.of(user));
    }

    @Override
    public void usersCreated(Caller caller, List<User> users) {
        rules.settle(caller.tenant(), users);
    }

    @Override
    public void userUpdated(Caller caller, User before, User after) {
        if (MembershipRule.anyReadPropertyChanged(before, after)) {
            rules.settle(caller.tenant(), List.of(after));
        }
    }

    @Override
    public void userRestored(Caller caller, User user) {
        rules.settle(caller.tenant(), List.of(user));
    }
}
