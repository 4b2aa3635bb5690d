package org.allot.core.assignment;

import static org.allot.core.testing.TestCatalog.CALLING;
import static org.allot.core.testing.TestCatalog.E3;
import static org.allot.core.testing.TestCatalog.TEAMS_PHONE;
import static org.assertj.core.api.Assertions.assertThat;

import org.allot.core.ErrorCode;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserAttribute;
import org.allot.core.directory.UserId;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/** Rule 7: group licensing uses the tenant's default location for users without one and never writes it. */
class UsageLocationTest {

    @Test
    void groupAssignmentUsesTheTenantDefaultAndLeavesTheUsersLocationEmpty() {
        Scenario contoso = Scenario.contoso();
        contoso.subscribe(E3, 5);
        UserId synced = contoso.aUser("synced").withoutUsageLocation().create();

        GroupId group = contoso.aGroup("Synced staff")
                .withMembers(synced)
                .licensedWith(E3)
                .create();

        assertThat(contoso.inherited(synced, E3, group).state()).isEqualTo(AssignmentState.Active);
        assertThat(contoso.allot
                        .users()
                        .find(contoso.tenant, synced)
                        .orElseThrow()
                        .usageLocation())
                .isNull();
    }

    @Test
    void withoutAnyLocationTheGroupAssignmentIsInErrorUntilOneIsSet() {
        Scenario contoso = Scenario.contosoWithoutDefaultLocation();
        contoso.subscribe(E3, 5);
        UserId synced = contoso.aUser("synced").withoutUsageLocation().create();
        GroupId group = contoso.aGroup("Synced staff")
                .withMembers(synced)
                .licensedWith(E3)
                .create();

        LicenseAssignment waiting = contoso.inherited(synced, E3, group);
        assertThat(waiting.state()).isEqualTo(AssignmentState.Error);
        assertThat(waiting.error()).isEqualTo(AssignmentError.Other);
        assertThat(waiting.reason()).contains("usage location");
        assertThat(contoso.seatsOf(E3).consumed()).isZero();

        contoso.update(synced, UserAttribute.USAGE_LOCATION, "SE").value();

        assertThat(contoso.inherited(synced, E3, group).state()).isEqualTo(AssignmentState.Active);
    }

    @Test
    void settingTheTenantDefaultLicensesUsersWaitingForALocation() {
        Scenario contoso = Scenario.contosoWithoutDefaultLocation();
        contoso.subscribe(E3, 5);
        UserId synced = contoso.aUser("synced").withoutUsageLocation().create();
        GroupId group = contoso.aGroup("Synced staff")
                .withMembers(synced)
                .licensedWith(E3)
                .create();

        contoso.allot
                .tenantDirectory()
                .setDefaultUsageLocation(contoso.admin, "DE")
                .value();

        assertThat(contoso.inherited(synced, E3, group).state()).isEqualTo(AssignmentState.Active);
    }

    @Test
    void prohibitedPlansAreCheckedAgainstTheEffectiveLocation() {
        Scenario contoso = Scenario.contoso();
        contoso.allot
                .tenantDirectory()
                .setDefaultUsageLocation(contoso.admin, "CN")
                .value();
        contoso.subscribe(E3, 5);
        contoso.subscribe(TEAMS_PHONE, 5);
        contoso.subscribe(CALLING, 5);
        UserId synced = contoso.aUser("synced").withoutUsageLocation().create();

        GroupId group = contoso.aGroup("Phones")
                .withMembers(synced)
                .licensedWith(E3)
                .licensedWith(TEAMS_PHONE)
                .licensedWith(CALLING)
                .create();

        LicenseAssignment calling = contoso.inherited(synced, CALLING, group);
        assertThat(calling.error()).isEqualTo(AssignmentError.ProhibitedInUsageLocationViolation);
        assertThat(calling.reason()).contains("CN");
        assertThat(contoso.inherited(synced, TEAMS_PHONE, group).state()).isEqualTo(AssignmentState.Active);

        contoso.update(synced, UserAttribute.USAGE_LOCATION, "US").value();
        assertThat(contoso.inherited(synced, CALLING, group).state()).isEqualTo(AssignmentState.Active);
    }

    @Test
    void theLocationOfAUserWithDirectLicensesCannotBeRemovedOrMadeProhibited() {
        Scenario contoso = Scenario.contoso();
        contoso.subscribe(E3, 5);
        contoso.subscribe(TEAMS_PHONE, 5);
        contoso.subscribe(CALLING, 5);
        UserId ada = contoso.user("ada");
        contoso.assign(
                        ada,
                        java.util.List.of(
                                Scenario.license(E3), Scenario.license(TEAMS_PHONE), Scenario.license(CALLING)),
                        java.util.List.of())
                .value();

        assertThat(contoso.update(ada, UserAttribute.USAGE_LOCATION, null)
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(contoso.update(ada, UserAttribute.USAGE_LOCATION, "CN")
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.PROHIBITED_IN_USAGE_LOCATION);
        assertThat(contoso.allot
                        .users()
                        .find(contoso.tenant, ada)
                        .orElseThrow()
                        .usageLocation()
                        .code())
                .isEqualTo("US");
    }
}
