package org.allot.core.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.allot.core.directory.DirectoryChanges.Logged;
import org.allot.core.directory.DirectoryChanges.Op;
import org.allot.core.directory.DirectoryChanges.Subject;
import org.junit.jupiter.api.Test;

/** What the change log's entries amount to as notifications: created, updated or deleted, once per transaction. */
class LoggedEventsTest {
    private static final UUID ADA = UUID.randomUUID();
    private static final UUID STAFF = UUID.randomUUID();

    @Test
    void eachTransactionsChangeToAnObjectIsOneNotificationOfItsKind() {
        List<ChangeEvent> events = LoggedEvents.of(List.of(
                new Logged("1", Subject.USER, ADA, Op.CREATED),
                new Logged("2", Subject.USER, ADA, Op.UPDATED),
                new Logged("2", Subject.USER, ADA, Op.UPDATED),
                new Logged("3", Subject.USER, ADA, Op.DELETED),
                new Logged("4", Subject.USER, ADA, Op.PURGED)));

        assertThat(events)
                .containsExactly(
                        ChangeEvent.user(ADA, ChangeType.CREATED),
                        ChangeEvent.user(ADA, ChangeType.UPDATED),
                        ChangeEvent.user(ADA, ChangeType.DELETED));
    }

    @Test
    void createdAndChangedInOneTransactionIsCreatedAndCreatedAndDeletedIsNothing() {
        assertThat(LoggedEvents.of(List.of(
                        new Logged("1", Subject.GROUP, STAFF, Op.CREATED),
                        new Logged("1", Subject.GROUP, STAFF, Op.UPDATED),
                        new Logged("2", Subject.USER, ADA, Op.CREATED),
                        new Logged("2", Subject.USER, ADA, Op.DELETED))))
                .containsExactly(ChangeEvent.group(STAFF, ChangeType.CREATED));
    }

    @Test
    void membersJoiningOrLeavingUpdateTheirGroupAndItsMembersUnlessTheGroupIsNewOrGone() {
        assertThat(LoggedEvents.of(List.of(
                        new Logged("1", Subject.MEMBERS, STAFF, Op.CREATED),
                        new Logged("1", Subject.MEMBERS, STAFF, Op.DELETED))))
                .containsExactly(ChangeEvent.group(STAFF, ChangeType.UPDATED), ChangeEvent.members(STAFF));
        assertThat(LoggedEvents.of(List.of(
                        new Logged("1", Subject.GROUP, STAFF, Op.CREATED),
                        new Logged("1", Subject.MEMBERS, STAFF, Op.CREATED))))
                .containsExactly(ChangeEvent.group(STAFF, ChangeType.CREATED), ChangeEvent.members(STAFF));
    }
}
