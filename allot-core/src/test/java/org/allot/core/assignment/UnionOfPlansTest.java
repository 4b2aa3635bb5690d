package org.allot.core.assignment;

import static org.allot.core.testing.TestCatalog.E3;
import static org.allot.core.testing.TestCatalog.FORMS;
import static org.allot.core.testing.TestCatalog.SWAY;
import static org.allot.core.testing.TestCatalog.TEAMS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.allot.core.assignment.UserLicenses.PlanStatus;
import org.allot.core.assignment.UserLicenses.ProvisioningStatus;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.directory.UserId;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/** Rule 2: a user's plans of a SKU are the union of what its active sources enable. */
class UnionOfPlansTest {
    private final Scenario contoso = Scenario.contoso();

    @Test
    void planSwitchedOffByOneSourceButOnInAnotherIsOn() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");
        contoso.aGroup("Sales").withMembers(ada).licensedWith(E3, SWAY).create();
        contoso.assign(ada, E3, FORMS).value();

        AssignedLicense effective = contoso.licensesOf(ada).assignedLicenses().get(0);
        assertThat(effective.skuId()).isEqualTo(E3.skuId());
        assertThat(effective.disabledPlans()).isEmpty();
        assertThat(statuses(ada))
                .containsEntry(SWAY.id(), ProvisioningStatus.Success)
                .containsEntry(FORMS.id(), ProvisioningStatus.Success);
    }

    @Test
    void planSwitchedOffByEverySourceStaysOff() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");
        contoso.aGroup("Sales").withMembers(ada).licensedWith(E3, SWAY, TEAMS).create();
        contoso.assign(ada, E3, SWAY, FORMS).value();

        assertThat(contoso.licensesOf(ada).assignedLicenses())
                .containsExactly(new AssignedLicense(E3.skuId(), Set.of(SWAY.id())));
        assertThat(statuses(ada))
                .containsEntry(SWAY.id(), ProvisioningStatus.Disabled)
                .containsEntry(TEAMS.id(), ProvisioningStatus.Success);
    }

    @Test
    void assignedLicensesHasOneEntryPerSkuWhileStatesHaveOnePerSource() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");
        contoso.assign(ada, E3).value();
        contoso.aGroup("Sales").withMembers(ada).licensedWith(E3).create();
        contoso.aGroup("Staff").withMembers(ada).licensedWith(E3).create();

        UserLicenses licenses = contoso.licensesOf(ada);
        assertThat(licenses.assignedLicenses()).hasSize(1);
        assertThat(licenses.assignments()).hasSize(3);
        assertThat(licenses.assignments().get(0).source().isDirect()).isTrue();
    }

    @Test
    void sourcesInErrorDoNotAddPlans() {
        contoso.subscribe(E3, 1);
        UserId ada = contoso.aUser("ada").guest().create();
        contoso.assign(ada, E3, SWAY).value();
        contoso.aGroup("Sales").withMembers(ada).licensedWith(E3).create();

        assertThat(contoso.licensesOf(ada).assignedLicenses())
                .containsExactly(new AssignedLicense(E3.skuId(), Set.of(SWAY.id())));
    }

    private Map<ServicePlanId, ProvisioningStatus> statuses(UserId user) {
        return contoso
                .licensesOf(user)
                .details(contoso.allot.catalog().forTenant(contoso.tenant))
                .get(0)
                .servicePlans()
                .stream()
                .collect(Collectors.toMap(p -> p.plan().id(), PlanStatus::status));
    }
}
