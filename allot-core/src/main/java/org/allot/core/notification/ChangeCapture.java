package org.allot.core.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.allot.core.Caller;
import org.allot.core.directory.DirectoryListener;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Member;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;

/**
 * Fans the directory's changes out into the outbox, one entry per matching live subscription, in the unit of work of
 * the change: a change that is rolled back notifies nobody, and one that commits is delivered at least once. A
 * membership change is an update of the group (for {@code groups} and {@code groups/{id}}) and a change of its
 * members (for {@code groups/{id}/members}); a restored user is an update.
 */
public final class ChangeCapture implements DirectoryListener {
    private final ChangeSubscriptions subscriptions;
    private final NotificationOutbox outbox;
    private final Clock clock;

    ChangeCapture(ChangeSubscriptions subscriptions, NotificationOutbox outbox, Clock clock) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void userCreated(Caller caller, User user) {
        publish(caller, List.of(ChangeEvent.user(user.id().value(), ChangeType.CREATED)));
    }

    @Override
    public void usersCreated(Caller caller, List<User> users) {
        publish(
                caller,
                users.stream()
                        .map(u -> ChangeEvent.user(u.id().value(), ChangeType.CREATED))
                        .toList());
    }

    @Override
    public void userUpdated(Caller caller, User before, User after) {
        if (!before.equals(after)) {
            publish(caller, List.of(ChangeEvent.user(after.id().value(), ChangeType.UPDATED)));
        }
    }

    @Override
    public void userDeleted(Caller caller, User user) {
        publish(caller, List.of(ChangeEvent.user(user.id().value(), ChangeType.DELETED)));
    }

    @Override
    public void userRestored(Caller caller, User user) {
        publish(caller, List.of(ChangeEvent.user(user.id().value(), ChangeType.UPDATED)));
    }

    @Override
    public void groupChanged(Caller caller, Group before, Group after) {
        if (!after.equals(before)) {
            ChangeType type = before == null ? ChangeType.CREATED : ChangeType.UPDATED;
            publish(caller, List.of(ChangeEvent.group(after.id().value(), type)));
        }
    }

    @Override
    public void groupDeleted(Caller caller, Group group) {
        publish(caller, List.of(ChangeEvent.group(group.id().value(), ChangeType.DELETED)));
    }

    @Override
    public void membershipChanged(Caller caller, GroupId group, Member member, boolean added) {
        members(caller, group);
    }

    @Override
    public void membersChanged(Caller caller, GroupId group, Collection<Member> added, Collection<Member> removed) {
        if (!added.isEmpty() || !removed.isEmpty()) {
            members(caller, group);
        }
    }

    @Override
    public void ruleApplied(Caller caller, GroupId group, Set<UserId> joined, Set<UserId> left) {
        if (!joined.isEmpty() || !left.isEmpty()) {
            members(caller, group);
        }
    }

    private void members(Caller caller, GroupId group) {
        publish(
                caller,
                List.of(ChangeEvent.group(group.value(), ChangeType.UPDATED), ChangeEvent.members(group.value())));
    }

    private void publish(Caller caller, List<ChangeEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<ChangeSubscription> live = subscriptions.live(caller.tenant(), now);
        if (live.isEmpty()) {
            return;
        }
        List<OutboxEntry> entries = new ArrayList<>();
        for (ChangeEvent event : events) {
            for (ChangeSubscription subscription : live) {
                if (subscription.matches(event)) {
                    entries.add(OutboxEntry.change(subscription, event, now));
                }
            }
        }
        if (!entries.isEmpty()) {
            outbox.add(entries);
        }
    }
}
