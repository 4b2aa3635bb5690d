package org.allot.core.assignment;

import static org.allot.core.testing.Scenario.license;
import static org.allot.core.testing.TestCatalog.CALLING;
import static org.allot.core.testing.TestCatalog.COMPANY_STORAGE;
import static org.allot.core.testing.TestCatalog.E3;
import static org.allot.core.testing.TestCatalog.EMS;
import static org.allot.core.testing.TestCatalog.EXCHANGE_P1;
import static org.allot.core.testing.TestCatalog.EXCHANGE_P2;
import static org.allot.core.testing.TestCatalog.EXCHANGE_STANDARD;
import static org.allot.core.testing.TestCatalog.FORMS;
import static org.allot.core.testing.TestCatalog.POWER_BI;
import static org.allot.core.testing.TestCatalog.POWER_BI_PRO;
import static org.allot.core.testing.TestCatalog.SWAY;
import static org.allot.core.testing.TestCatalog.TEAMS;
import static org.allot.core.testing.TestCatalog.TEAMS_PHONE;
import static org.allot.core.testing.TestCatalog.WORKPLACE_ANALYTICS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/** Rule 3: direct assignment is synchronous, all-or-nothing, and refused with Graph's messages. */
class DirectAssignmentTest {
    private final Scenario contoso = Scenario.contoso();

    @Test
    void refusedForUserWithoutUsageLocation() {
        contoso.subscribe(E3, 5);
        UserId synced = contoso.aUser("synced").withoutUsageLocation().create();

        Rejection refused = contoso.assign(synced, E3).rejection();

        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_USAGE_LOCATION);
        assertThat(refused.message())
                .isEqualTo("License assignment cannot be done for user with invalid usage location.");
        assertThat(contoso.seatsOf(E3).consumed()).isZero();
    }

    @Test
    void grantedOnceUsageLocationIsSet() {
        contoso.subscribe(E3, 5);
        UserId synced = contoso.aUser("synced").withoutUsageLocation().create();
        contoso.update(synced, org.allot.core.directory.UserAttribute.USAGE_LOCATION, "SE")
                .value();

        UserLicenses licenses = contoso.assign(synced, E3).value();

        assertThat(licenses.holdsSeat(E3.skuId())).isTrue();
        assertThat(contoso.direct(synced, E3).state()).isEqualTo(AssignmentState.Active);
    }

    @Test
    void refusedForSkuTheTenantDoesNotSubscribeTo() {
        UserId ada = contoso.user("ada");

        Rejection refused = contoso.assign(ada, EMS).rejection();

        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_LICENSE);
        assertThat(refused.message())
                .isEqualTo("License " + EMS.skuId() + " does not correspond to a valid company License.");
    }

    @Test
    void refusedForUnknownSku() {
        UserId ada = contoso.user("ada");
        SkuId unknown = SkuId.of("00000000-0000-0000-0000-000000000042");

        Rejection refused = contoso.assign(ada, List.of(AssignedLicense.of(unknown)), List.of())
                .rejection();

        assertThat(refused.message())
                .isEqualTo("License " + unknown + " does not correspond to a valid company License.");
    }

    @Test
    void refusedForSkuThatAppliesToTheCompany() {
        contoso.subscribe(COMPANY_STORAGE, 1);
        UserId ada = contoso.user("ada");

        Rejection refused = contoso.assign(ada, COMPANY_STORAGE).rejection();

        assertThat(refused.code()).isEqualTo(ErrorCode.LICENSE_NOT_ASSIGNABLE);
        assertThat(refused.message())
                .isEqualTo("License " + COMPANY_STORAGE.skuId() + " cannot be assigned to a user.");
    }

    @Test
    void refusedWhenADisabledPlanIsNotInTheSku() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");

        Rejection refused = contoso.assign(ada, E3, POWER_BI).rejection();

        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_SERVICE_PLAN);
        assertThat(refused.message()).contains(POWER_BI.id().toString()).contains("ENTERPRISEPACK");
    }

    @Test
    void refusedWhenNoSeatIsFree() {
        contoso.subscribe(E3, 1);
        UserId ada = contoso.user("ada");
        UserId bob = contoso.user("bob");
        contoso.assign(ada, E3).value();

        Rejection refused = contoso.assign(bob, E3).rejection();

        assertThat(refused.code()).isEqualTo(ErrorCode.NO_AVAILABLE_LICENSES);
        assertThat(refused.message())
                .isEqualTo("Subscription with SKU " + E3.skuId() + " does not have any available licenses.");
        assertThat(contoso.licensesOf(bob).assignments()).isEmpty();
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(1);
    }

    @Test
    void refusedWhenAPlanIsProhibitedInTheUsageLocation() {
        contoso.subscribe(TEAMS_PHONE, 5);
        contoso.subscribe(CALLING, 5);
        contoso.subscribe(E3, 5);
        UserId li = contoso.aUser("li").locatedIn("CN").create();
        contoso.assign(li, List.of(license(E3), license(TEAMS_PHONE)), List.of())
                .value();

        Rejection refused = contoso.assign(li, CALLING).rejection();

        assertThat(refused.code()).isEqualTo(ErrorCode.PROHIBITED_IN_USAGE_LOCATION);
        assertThat(refused.message()).contains("Domestic Calling Plan").contains("CN");
    }

    @Test
    void refusedWhenAPrerequisitePlanIsMissing() {
        contoso.subscribe(WORKPLACE_ANALYTICS, 5);
        UserId ada = contoso.user("ada");

        Rejection refused = contoso.assign(ada, WORKPLACE_ANALYTICS).rejection();

        assertThat(refused.code()).isEqualTo(ErrorCode.DEPENDENCY_VIOLATION);
        assertThat(refused.message()).contains("Microsoft Workplace Analytics").contains("Exchange Online (Plan 2)");
        assertThat(contoso.seatsOf(WORKPLACE_ANALYTICS).consumed()).isZero();
    }

    @Test
    void acceptedWhenThePrerequisiteComesInTheSameRequest() {
        contoso.subscribe(WORKPLACE_ANALYTICS, 5);
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");

        contoso.assign(ada, List.of(license(E3), license(WORKPLACE_ANALYTICS)), List.of())
                .value();

        assertThat(contoso.direct(ada, WORKPLACE_ANALYTICS).state()).isEqualTo(AssignmentState.Active);
    }

    @Test
    void refusedWhenRemovingAPrerequisiteBreaksAnotherDirectLicense() {
        contoso.subscribe(WORKPLACE_ANALYTICS, 5);
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");
        contoso.assign(ada, List.of(license(E3), license(WORKPLACE_ANALYTICS)), List.of())
                .value();

        Rejection refused = contoso.remove(ada, E3).rejection();

        assertThat(refused.code()).isEqualTo(ErrorCode.DEPENDENCY_VIOLATION);
        assertThat(contoso.heldSkus(ada)).containsExactlyInAnyOrder(E3.skuId(), WORKPLACE_ANALYTICS.skuId());
    }

    @Test
    void refusedWhenPlansExcludeEachOther() {
        contoso.subscribe(E3, 5);
        contoso.subscribe(EXCHANGE_STANDARD, 5);
        UserId ada = contoso.user("ada");
        contoso.assign(ada, E3).value();

        Rejection refused = contoso.assign(ada, EXCHANGE_STANDARD).rejection();

        assertThat(refused.code()).isEqualTo(ErrorCode.MUTUALLY_EXCLUSIVE_VIOLATION);
        assertThat(refused.message()).contains(EXCHANGE_P1.displayName()).contains(EXCHANGE_P2.displayName());
        assertThat(contoso.seatsOf(EXCHANGE_STANDARD).consumed()).isZero();
    }

    @Test
    void exclusionIsLiftedBySwitchingThePlanOff() {
        contoso.subscribe(E3, 5);
        contoso.subscribe(EXCHANGE_STANDARD, 5);
        UserId ada = contoso.user("ada");
        contoso.assign(ada, E3, EXCHANGE_P2).value();

        contoso.assign(ada, EXCHANGE_STANDARD).value();

        assertThat(contoso.heldSkus(ada)).contains(EXCHANGE_STANDARD.skuId());
    }

    @Test
    void inheritedLicenseCannotBeRemovedFromTheUser() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");
        GroupId sales =
                contoso.aGroup("Sales").withMembers(ada).licensedWith(E3).create();

        Rejection refused = contoso.remove(ada, E3).rejection();

        assertThat(refused.code()).isEqualTo(ErrorCode.INHERITED_LICENSE);
        assertThat(refused.message())
                .isEqualTo("User license is inherited from a group membership and it cannot be removed directly"
                        + " from the user.");
        assertThat(contoso.inherited(ada, E3, sales).state()).isEqualTo(AssignmentState.Active);
    }

    @Test
    void removingALicenseTheUserDoesNotHaveIsRefused() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");

        assertThat(contoso.remove(ada, E3).rejection().code()).isEqualTo(ErrorCode.LICENSE_NOT_ASSIGNED);
    }

    @Test
    void reAddingAHeldSkuReplacesItsDisabledPlans() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");
        contoso.assign(ada, E3, SWAY, FORMS).value();

        contoso.assign(ada, E3, TEAMS).value();

        assertThat(contoso.direct(ada, E3).disabledPlans()).containsExactly(TEAMS.id());
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(1);
    }

    @Test
    void aRequestIsAllOrNothing() {
        contoso.subscribe(E3, 5);
        contoso.subscribe(POWER_BI_PRO, 1);
        UserId ada = contoso.user("ada");
        UserId bob = contoso.user("bob");
        contoso.assign(bob, POWER_BI_PRO).value();

        Outcome<UserLicenses> outcome = contoso.assign(ada, List.of(license(E3), license(POWER_BI_PRO)), List.of());

        assertThat(outcome.rejection().code()).isEqualTo(ErrorCode.NO_AVAILABLE_LICENSES);
        assertThat(contoso.licensesOf(ada).assignments()).isEmpty();
        assertThat(contoso.seatsOf(E3).consumed()).isZero();
        assertThat(contoso.audit(Activity.CHANGE_USER_LICENSE))
                .as("only the refusal is audited, as a failure (Graph audits failures)")
                .filteredOn(e -> e.target().id().equals(ada.toString()))
                .singleElement()
                .satisfies(e -> assertThat(e.result()).isEqualTo(AuditEvent.FAILURE));
    }

    @Test
    void addAndRemoveInOneRequestReplaceWithoutAGap() {
        contoso.subscribe(E3, 1);
        contoso.subscribe(EMS, 1);
        UserId ada = contoso.user("ada");
        contoso.assign(ada, E3).value();

        contoso.assign(ada, List.of(license(EMS)), List.of(E3.skuId())).value();

        assertThat(contoso.heldSkus(ada)).containsExactly(EMS.skuId());
        assertThat(contoso.seatsOf(E3).consumed()).isZero();
    }

    @Test
    void malformedRequestsAreRefused() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");

        assertThat(contoso.assign(ada, List.of(license(E3), license(E3)), List.of())
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(contoso.assign(ada, List.of(license(E3)), List.of(E3.skuId()))
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(contoso.assign(org.allot.core.directory.UserId.random(), List.of(license(E3)), List.of())
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(contoso.licensesOf(ada).assignments()).isEmpty();
    }

    @Test
    void directAssignmentToAGuestWorks() {
        contoso.subscribe(E3, 5);
        UserId guest = contoso.aUser("guest").guest().create();

        contoso.assign(guest, E3).value();

        assertThat(contoso.direct(guest, E3).state()).isEqualTo(AssignmentState.Active);
        assertThat(contoso.direct(guest, E3).disabledPlans()).isEqualTo(Set.of());
    }
}
