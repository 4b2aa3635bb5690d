package org.allot.core.assignment;

import static org.allot.core.testing.TestCatalog.E3;
import static org.assertj.core.api.Assertions.assertThat;

import org.allot.core.directory.GroupId;
import org.allot.core.directory.GuestLicensing;
import org.allot.core.directory.TenantPolicy;
import org.allot.core.directory.UserAttribute;
import org.allot.core.directory.UserId;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/** Rule 8: by default, guests do not inherit licenses from groups. */
class GuestPolicyTest {
    private final Scenario contoso = Scenario.contoso();

    @Test
    void guestMembersOfLicensedGroupsAreNotLicensedByDefault() {
        contoso.subscribe(E3, 5);
        UserId guest = contoso.aUser("partner").guest().create();
        UserId member = contoso.user("member");

        GroupId group = contoso.aGroup("Project")
                .withMembers(guest, member)
                .licensedWith(E3)
                .create();

        LicenseAssignment a = contoso.inherited(guest, E3, group);
        assertThat(a.state()).isEqualTo(AssignmentState.Error);
        assertThat(a.error()).isEqualTo(AssignmentError.Other);
        assertThat(a.reason()).isEqualTo("guest accounts are not licensed through groups");
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(1);
    }

    @Test
    void allowingGuestLicensingLicensesGuestsAlreadyInGroups() {
        contoso.subscribe(E3, 5);
        UserId guest = contoso.aUser("partner").guest().create();
        GroupId group =
                contoso.aGroup("Project").withMembers(guest).licensedWith(E3).create();

        contoso.withPolicy(new TenantPolicy(GuestLicensing.ALLOW, true, 30, 500));

        assertThat(contoso.inherited(guest, E3, group).state()).isEqualTo(AssignmentState.Active);
    }

    @Test
    void aMemberTurnedGuestLosesTheGroupLicense() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");
        GroupId group =
                contoso.aGroup("Project").withMembers(ada).licensedWith(E3).create();

        contoso.update(ada, UserAttribute.USER_TYPE, "Guest").value();

        assertThat(contoso.inherited(ada, E3, group).state()).isEqualTo(AssignmentState.Error);
        assertThat(contoso.seatsOf(E3).consumed()).isZero();
    }
}
