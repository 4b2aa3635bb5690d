package org.allot.core.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.allot.core.directory.DirectoryChanges.AssignmentChange;
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

    @Test
    void aLicenseAssignmentIsToldAsTheTransactionLeftItWithItsLastState() {
        UUID sku = UUID.randomUUID();
        AssignmentChange waiting = new AssignmentChange(sku, STAFF, "Error", "CountViolation");
        AssignmentChange active = new AssignmentChange(sku, STAFF, "Active", null);
        AssignmentChange direct = new AssignmentChange(sku, null, "Active", null);

        List<ChangeEvent> events = LoggedEvents.of(List.of(
                new Logged("1", Subject.LICENSE_ASSIGNMENT, ADA, Op.CREATED, waiting),
                new Logged("1", Subject.LICENSE_ASSIGNMENT, ADA, Op.UPDATED, active),
                new Logged("1", Subject.LICENSE_ASSIGNMENT, ADA, Op.CREATED, direct),
                new Logged("2", Subject.LICENSE_ASSIGNMENT, ADA, Op.DELETED, active),
                new Logged("2", Subject.LICENSE_ASSIGNMENT, ADA, Op.CREATED, waiting),
                new Logged("3", Subject.LICENSE_ASSIGNMENT, ADA, Op.DELETED, waiting),
                new Logged("4", Subject.LICENSE_ASSIGNMENT, ADA, Op.CREATED, active),
                new Logged("4", Subject.LICENSE_ASSIGNMENT, ADA, Op.DELETED, active)));

        assertThat(events)
                .extracting(
                        e -> e.changeType().wireName() + " " + e.assignment().source() + " "
                                + e.assignment().state() + " " + e.assignment().error())
                .as("each source of a license on its own; given and taken back in one transaction: nothing")
                .containsExactly(
                        "created " + STAFF + " Active null",
                        "created null Active null",
                        "updated " + STAFF + " Error CountViolation",
                        "deleted " + STAFF + " Error CountViolation");
        assertThat(events).extracting(ChangeEvent::resource).containsOnly("Users/" + ADA + "/licenseAssignmentStates");
    }
}
