package org.allot.core.catalog;

import static org.allot.core.testing.TestCatalog.E3;
import static org.allot.core.testing.TestCatalog.SWAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.allot.core.ErrorCode;
import org.allot.core.assignment.AssignmentError;
import org.allot.core.assignment.AssignmentState;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UsageLocation;
import org.allot.core.directory.UserId;
import org.allot.core.subscription.SubscriptionStatus;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

class ProductCatalogTest {
    private final Scenario contoso = Scenario.contoso();
    private final ProductCatalog catalog = contoso.allot.catalog();

    @Test
    void aCustomProductCanBeSubscribedToAndAssigned() {
        Product cad = catalog.addProduct(
                        contoso.admin,
                        "CAD_PRO",
                        "CAD Suite Pro",
                        List.of(ProductCatalog.PlanSpec.named("CAD_CORE"), ProductCatalog.PlanSpec.named("CAD_RENDER")))
                .value();
        contoso.allot
                .subscriptionBook()
                .add(contoso.admin, cad.skuId(), 2, SubscriptionStatus.Enabled, false, null)
                .value();
        UserId ada = contoso.user("ada");

        contoso.assign(ada, cad).value();

        assertThat(contoso.heldSkus(ada)).containsExactly(cad.skuId());
        assertThat(catalog.forTenant(contoso.tenant).findByPartNumber("cad_pro"))
                .contains(cad);
    }

    @Test
    void customProductsAreValidated() {
        assertThat(catalog.addProduct(
                                contoso.admin, "ENTERPRISEPACK", "dup", List.of(ProductCatalog.PlanSpec.named("X")))
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.ALREADY_EXISTS);
        assertThat(catalog.addProduct(contoso.admin, "bad part", "x", List.of(ProductCatalog.PlanSpec.named("X")))
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(catalog.addProduct(contoso.admin, "EMPTY", "x", List.of())
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.INVALID_REQUEST);
    }

    @Test
    void aProductWithSubscriptionsCannotBeRemoved() {
        Product cad = catalog.addProduct(
                        contoso.admin, "CAD", "CAD", List.of(ProductCatalog.PlanSpec.named("CAD_CORE")))
                .value();
        contoso.allot
                .subscriptionBook()
                .add(contoso.admin, cad.skuId(), 1, SubscriptionStatus.Enabled, false, null)
                .value();

        assertThat(catalog.removeProduct(contoso.admin, cad.skuId()).rejection().code())
                .isEqualTo(ErrorCode.CONFLICT);
        assertThat(catalog.removeProduct(contoso.admin, E3.skuId()).rejection().message())
                .contains("built-in");
    }

    @Test
    void aCustomRuleTakesEffectForLaterEvaluations() {
        contoso.subscribe(E3, 5);
        catalog.addRule(
                        contoso.admin,
                        PlanRule.Kind.PROHIBITED_IN,
                        SWAY.id(),
                        Set.of(),
                        Set.of(UsageLocation.of("FR")),
                        "test")
                .value();
        UserId pierre = contoso.aUser("pierre").withoutUsageLocation().create();
        contoso.allot
                .tenantDirectory()
                .setDefaultUsageLocation(contoso.admin, "FR")
                .value();

        GroupId group =
                contoso.aGroup("Paris").withMembers(pierre).licensedWith(E3).create();
        assertThat(contoso.inherited(pierre, E3, group).error())
                .isEqualTo(AssignmentError.ProhibitedInUsageLocationViolation);

        GroupId withoutSway = contoso.aGroup("Paris without Sway")
                .withMembers(pierre)
                .licensedWith(E3, SWAY)
                .create();
        assertThat(contoso.inherited(pierre, E3, withoutSway).state()).isEqualTo(AssignmentState.Active);
    }

    @Test
    void rulesMustNameKnownPlansAndTheRightThings() {
        ServicePlanId unknown = ServicePlanId.of("00000000-0000-0000-0000-000000000001");

        assertThat(catalog.addRule(contoso.admin, PlanRule.Kind.REQUIRES, unknown, Set.of(SWAY.id()), Set.of(), null)
                        .rejection()
                        .message())
                .contains("not in any product");
        assertThat(catalog.addRule(contoso.admin, PlanRule.Kind.REQUIRES, SWAY.id(), Set.of(), Set.of(), null)
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(catalog.addRule(contoso.admin, PlanRule.Kind.EXCLUDES, SWAY.id(), Set.of(SWAY.id()), Set.of(), null)
                        .rejection()
                        .message())
                .contains("itself");
    }
}
