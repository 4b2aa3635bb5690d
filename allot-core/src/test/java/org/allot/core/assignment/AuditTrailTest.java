package org.allot.core.assignment;

import static org.allot.core.testing.TestCatalog.E3;
import static org.allot.core.testing.TestCatalog.SWAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.allot.core.Actor;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.PropertyChange;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserAttribute;
import org.allot.core.directory.UserId;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/** Rule 11: every change is audited with actor, activity, target, old and new values and a correlation id. */
class AuditTrailTest {
    private final Scenario contoso = Scenario.contoso();

    @Test
    void aDirectLicenseChangeIsAuditedUnderTheAdminWithOldAndNewValues() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");

        contoso.assign(ada, E3, SWAY).value();

        AuditEvent event = last(Activity.CHANGE_USER_LICENSE);
        assertThat(event.actor()).isEqualTo(contoso.admin.actor());
        assertThat(event.target().id()).isEqualTo(ada.toString());
        assertThat(event.target().displayName()).isEqualTo("ada@contoso.com");
        assertThat(event.changes())
                .contains(new PropertyChange("AssignedLicense", "[]", "[ENTERPRISEPACK without SWAY]"));
        assertThat(event.correlationId()).isEqualTo(contoso.admin.correlationId());
    }

    @Test
    void licensesGivenThroughMembershipAreAuditedUnderGroupBasedLicensing() {
        contoso.subscribe(E3, 5);
        GroupId group = contoso.aGroup("Staff").licensedWith(E3).create();
        UserId ada = contoso.user("ada");

        contoso.join(group, ada).value();

        assertThat(last(Activity.ADD_MEMBER).actor()).isEqualTo(contoso.admin.actor());
        AuditEvent license = last(Activity.CHANGE_USER_LICENSE);
        assertThat(license.actor()).isEqualTo(Actor.GROUP_BASED_LICENSING);
        assertThat(license.changes())
                .anyMatch(c -> c.name().equals("LicenseAssignment ENTERPRISEPACK (group " + group + ")")
                        && c.oldValue() == null
                        && c.newValue().equals("Active"));
    }

    @Test
    void directoryChangesAreAuditedWithTheirValues() {
        UserId ada = contoso.user("ada");
        contoso.update(ada, UserAttribute.DEPARTMENT, "Sales").value();
        contoso.allot.userDirectory().delete(contoso.admin, ada).value();
        contoso.allot.userDirectory().restore(contoso.admin, ada).value();

        assertThat(last(Activity.UPDATE_USER).changes())
                .containsExactly(new PropertyChange("department", null, "Sales"));
        assertThat(contoso.auditEvents().stream().map(AuditEvent::activity))
                .containsSubsequence(
                        Activity.ADD_USER, Activity.UPDATE_USER, Activity.DELETE_USER, Activity.RESTORE_USER);
    }

    @Test
    void anUnchangedValueWritesNoRecord() {
        UserId ada = contoso.aUser("ada").inDepartment("Sales").create();
        int before = contoso.auditEvents().size();

        contoso.update(ada, UserAttribute.DEPARTMENT, "Sales").value();

        assertThat(contoso.auditEvents()).hasSize(before);
    }

    @Test
    void seatsGivenToTheWaitingListAreAuditedForEachUser() {
        var e3 = contoso.subscribe(E3, 0);
        List<UserId> members = contoso.users("member", 2);
        contoso.aGroup("Staff").withMembers(members).licensedWith(E3).create();
        int before = contoso.audit(Activity.CHANGE_USER_LICENSE).size();

        contoso.setSeats(e3, 2);

        List<AuditEvent> after = contoso.audit(Activity.CHANGE_USER_LICENSE);
        assertThat(after.subList(before, after.size()))
                .hasSize(2)
                .allMatch(e -> e.actor().equals(Actor.GROUP_BASED_LICENSING))
                .allMatch(e -> e.changes().stream().anyMatch(c -> "Error (CountViolation)".equals(c.oldValue())));
    }

    private AuditEvent last(Activity activity) {
        List<AuditEvent> events = contoso.audit(activity);
        return events.get(events.size() - 1);
    }
}
