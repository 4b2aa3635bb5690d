package org.allot.core.assignment;

import static org.allot.core.testing.TestCatalog.E3;
import static org.allot.core.testing.TestCatalog.EMS;
import static org.allot.core.testing.TestCatalog.SWAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.allot.core.ErrorCode;
import org.allot.core.Rejection;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserRef;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/** The group-only policy: direct assignment forbidden per tenant or per product, with an audited override. */
class GroupOnlyPolicyTest {
    private final Scenario contoso = Scenario.contoso();
    private final GroupOnly policy = contoso.allot.licensing().groupOnly();
    private final UserLicensing licensing = contoso.allot.licensing().users();

    @Test
    void aTenantWidePolicyRefusesADirectAssignmentNamingTheProductAndThePolicy() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");
        policy.setTenantWide(contoso.admin, true).value();

        Rejection refused = contoso.assign(ada, E3).rejection();

        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(refused.message())
                .startsWith("Direct assignment of Office 365 E3 (ENTERPRISEPACK) is not allowed: the group-only policy"
                        + " of this tenant requires it to be assigned through a group.");
        assertThat(contoso.licensesOf(ada).assignments()).isEmpty();
        assertThat(contoso.seatsOf(E3).consumed()).isZero();
        assertThat(contoso.audit(Activity.CHANGE_USER_LICENSE))
                .singleElement()
                .extracting(AuditEvent::result)
                .isEqualTo(AuditEvent.FAILURE);
    }

    @Test
    void aProductPolicyRefusesThatProductOnly() {
        contoso.subscribe(E3, 5);
        contoso.subscribe(EMS, 5);
        UserId ada = contoso.user("ada");
        policy.setProduct(contoso.admin, "ENTERPRISEPACK", true).value();

        assertThat(contoso.assign(ada, E3).rejection().message()).contains("group-only policy of this product");
        assertThat(contoso.assign(ada, EMS).isDone()).isTrue();
        assertThat(policy.ofProduct(contoso.tenant, E3.skuId().toString())
                        .orElseThrow()
                        .groupOnly())
                .isTrue();
        assertThat(policy.ofProduct(contoso.tenant, "EMS").orElseThrow().groupOnly())
                .isFalse();
    }

    @Test
    void groupLicensingRemovalsAndPlanChangesOfAnExistingDirectLicenseStayAllowed() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");
        UserId bob = contoso.user("bob");
        contoso.assign(ada, E3).value();
        GroupId staff =
                contoso.aGroup("Staff").withMembers(bob).licensedWith(E3).create();
        policy.setTenantWide(contoso.admin, true).value();

        assertThat(contoso.inherited(bob, E3, staff).state()).isEqualTo(AssignmentState.Active);
        assertThat(contoso.assign(ada, E3, SWAY).isDone()).isTrue();
        assertThat(contoso.remove(ada, E3).isDone()).isTrue();
        assertThat(contoso.assign(ada, E3).isDone()).isFalse();
    }

    @Test
    void bulkChangesAreRefusedToo() {
        contoso.subscribe(E3, 5);
        List<UserId> users = contoso.users("user", 3);
        policy.setProduct(contoso.admin, "ENTERPRISEPACK", true).value();

        assertThat(licensing
                        .assignEach(contoso.admin, users, E3.skuId(), DirectLicenseChange.ADD)
                        .rejection()
                        .message())
                .contains("Nothing was changed")
                .contains("group-only policy");
        assertThat(contoso.seatsOf(E3).consumed()).isZero();
    }

    @Test
    void theBreakGlassOverrideAssignsAndIsAuditedAsSuch() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");
        policy.setTenantWide(contoso.admin, true).value();

        LicensedUser done = licensing
                .assign(contoso.admin, UserRef.of(ada), List.of(Scenario.license(E3)), List.of(), false, true)
                .value();

        assertThat(done.licenses().holdsSeat(E3.skuId())).isTrue();
        assertThat(contoso.audit(Activity.OVERRIDE_GROUP_ONLY_POLICY))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.targets())
                            .extracting(t -> t.id())
                            .contains(ada.toString(), E3.skuId().toString());
                    assertThat(e.actor()).isEqualTo(contoso.admin.actor());
                });
        // an override that was not needed records nothing
        licensing
                .assign(contoso.admin, UserRef.of(ada), List.of(Scenario.license(E3, SWAY)), List.of(), false, true)
                .value();
        assertThat(contoso.audit(Activity.OVERRIDE_GROUP_ONLY_POLICY)).hasSize(1);
    }

    @Test
    void changesOfThePolicyAreAuditedOnceEach() {
        contoso.subscribe(E3, 5);
        policy.setTenantWide(contoso.admin, true).value();
        policy.setTenantWide(contoso.admin, true).value();
        policy.setProduct(contoso.admin, "ENTERPRISEPACK", true).value();
        policy.setTenantWide(contoso.admin, false).value();

        assertThat(contoso.audit(Activity.SET_GROUP_ONLY_POLICY))
                .extracting(e -> e.target().type() + " " + e.changes().get(0).oldValue() + "→"
                        + e.changes().get(0).newValue())
                .containsExactly("Company false→true", "Product false→true", "Company true→false");
        assertThat(policy.policy(contoso.tenant)).isEqualTo(new GroupOnlyPolicy(false, java.util.Set.of(E3.skuId())));
        assertThat(policy.setProduct(contoso.admin, "NOPE", true).rejection().code())
                .isEqualTo(ErrorCode.NOT_FOUND);
    }
}
