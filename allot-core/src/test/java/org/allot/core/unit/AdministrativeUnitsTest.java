package org.allot.core.unit;

import static org.allot.core.testing.TestCatalog.E3;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.Scope;
import org.allot.core.assignment.AssignedLicense;
import org.allot.core.audit.Activity;
import org.allot.core.directory.GroupAttribute;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserAttribute;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserRef;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Administrative units: static and dynamic members kept up to date, and a caller whose role is held over units changes
 * only the users and groups of its units (what it reads is narrowed by the server's queries, tested over HTTP in
 * AdministrativeUnitsIT).
 */
class AdministrativeUnitsTest {
    private static final String SALES = "user.department -eq \"Sales\"";

    private final Scenario contoso = Scenario.contoso();
    private final UnitDirectory units = contoso.allot.unitDirectory();
    private final UnitMembers members = contoso.allot.unitMembers();
    private final UnitDelegation delegation = contoso.allot.unitDelegation();

    @Test
    void aDynamicUnitHoldsTheUsersItsRuleMatchesAndFollowsThemAsTheyChange() {
        UserId ada = contoso.aUser("ada").inDepartment("Sales").create();
        UserId bob = contoso.aUser("bob").inDepartment("Marketing").create();

        UnitId sales = dynamicUnit("Sales", SALES);
        assertThat(memberIds(sales)).containsExactly(ada.value());

        UserId cy = contoso.aUser("cy").inDepartment("Sales").create();
        contoso.update(ada, UserAttribute.DEPARTMENT, "Marketing").value();
        contoso.update(bob, UserAttribute.DEPARTMENT, "sales").value();

        assertThat(memberIds(sales)).containsExactlyInAnyOrder(bob.value(), cy.value());
    }

    @Test
    void aUnitsRuleIsTheSyntaxOfDynamicGroupsAndMayNotReadLicenses() {
        Outcome<AdministrativeUnit> broken = units.create(
                contoso.admin,
                UnitChange.none()
                        .withDisplayName("X")
                        .withMembershipType("Dynamic")
                        .withMembershipRule("user.department -eq"));
        Outcome<AdministrativeUnit> licensed = units.create(
                contoso.admin,
                UnitChange.none()
                        .withDisplayName("X")
                        .withMembershipType("Dynamic")
                        .withMembershipRule("user.assignedPlans -any (assignedPlan.capabilityStatus -eq \"Enabled\")"));

        assertThat(broken.rejection().code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(licensed.rejection().message()).contains("user.assignedPlans");
        assertThat(units.list(contoso.admin)).isEmpty();
    }

    @Test
    void staticMembersAreAddedOnceAndAuditedWithTheUnitAndTheMember() {
        UserId ada = contoso.user("ada");
        GroupId staff = contoso.aGroup("Staff").create();
        UnitId north = staticUnit("North");

        assertThat(members.add(contoso.admin, north, ada.value()).isDone()).isTrue();
        assertThat(members.add(contoso.admin, north, staff.value()).isDone()).isTrue();
        Outcome<AdministrativeUnit> twice = members.add(contoso.admin, north, ada.value());
        Outcome<AdministrativeUnit> nobody = members.add(contoso.admin, north, UUID.randomUUID());

        assertThat(twice.rejection().message()).contains("already exist");
        assertThat(nobody.rejection().code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(memberIds(north)).containsExactly(ada.value(), staff.value());
        assertThat(contoso.audit(Activity.ADD_UNIT_MEMBER)).hasSize(2);
        assertThat(contoso.audit(Activity.ADD_UNIT_MEMBER).get(0).targets())
                .extracting(t -> t.id())
                .containsExactly(north.toString(), ada.toString());
    }

    @Test
    void aUnitAdministratorChangesTheUsersAndGroupsOfItsUnitAndNothingElse() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");
        UserId bob = contoso.user("bob");
        GroupId northStaff = contoso.aGroup("North staff").create();
        GroupId southStaff = contoso.aGroup("South staff").create();
        UnitId north = staticUnit("North");
        UnitId south = staticUnit("South");
        members.add(contoso.admin, north, ada.value()).value();
        members.add(contoso.admin, north, northStaff.value()).value();
        members.add(contoso.admin, south, bob.value()).value();
        members.add(contoso.admin, south, southStaff.value()).value();
        Caller northAdmin = Caller.of(contoso.tenant, Actor.app("north-app", "North app"))
                .within(Scope.units(List.of(north.value())));
        List<AssignedLicense> e3 = List.of(new AssignedLicense(E3.skuId(), java.util.Set.of()));

        assertThat(contoso.allot
                        .userDirectory()
                        .update(northAdmin, UserRef.of(ada), Map.of(UserAttribute.CITY, "Oslo"))
                        .isDone())
                .isTrue();
        assertThat(contoso.allot
                        .licensing()
                        .users()
                        .assign(northAdmin, UserRef.of(ada), e3, List.of(), false)
                        .isDone())
                .isTrue();
        assertThat(contoso.allot
                        .groupDirectory()
                        .addMember(northAdmin, northStaff, ada.value())
                        .isDone())
                .isTrue();

        assertOutside(
                contoso.allot.userDirectory().update(northAdmin, UserRef.of(bob), Map.of(UserAttribute.CITY, "Oslo")));
        assertOutside(contoso.allot
                .userDirectory()
                .update(northAdmin, UserRef.of("nobody@contoso.com"), Map.of(UserAttribute.CITY, "Oslo")));
        assertOutside(contoso.allot.userDirectory().delete(northAdmin, UserRef.of(bob)));
        assertOutside(contoso.allot.licensing().users().assign(northAdmin, UserRef.of(bob), e3, List.of(), false));
        assertOutside(contoso.allot.licensing().groups().assign(northAdmin, southStaff, e3, List.of()));
        assertOutside(contoso.allot.groupDirectory().addMember(northAdmin, northStaff, bob.value()));
        assertOutside(contoso.allot.groupDirectory().addMember(northAdmin, southStaff, ada.value()));
        assertOutside(
                contoso.allot.groupDirectory().update(northAdmin, southStaff, Map.of(GroupAttribute.DESCRIPTION, "x")));
        assertOutside(contoso.allot
                .userDirectory()
                .create(
                        northAdmin,
                        Map.of(
                                UserAttribute.USER_PRINCIPAL_NAME, "new@contoso.com",
                                UserAttribute.DISPLAY_NAME, "New")));
        assertOutside(units.create(northAdmin, UnitChange.none().withDisplayName("Mine")));
        assertOutside(members.add(northAdmin, north, bob.value()));

        assertThat(contoso.heldSkus(bob)).isEmpty();
        assertThat(contoso.heldSkus(ada)).containsExactly(E3.skuId());
        assertThat(contoso.membersOf(northStaff)).containsExactly(ada);
        assertThat(contoso.allot.users().find(contoso.tenant, bob).orElseThrow().city())
                .isNull();
        assertThat(units.list(northAdmin)).extracting(AdministrativeUnit::id).containsExactly(north);
        assertThat(units.find(northAdmin, south)).isEmpty();
        assertThat(units.members(northAdmin, south, null, 10).rejection().code())
                .isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void aRoleHeldOverUnitsScopesItsHolderToThemAndIsAudited() {
        UnitId north = staticUnit("North");
        UnitId south = staticUnit("South");
        Actor app = Actor.app("4c3a0f5e-0000-4000-8000-000000000001", "North app");

        delegation.assign(contoso.admin, north, "LICENSE_ADMINISTRATOR", app).value();
        delegation.assign(contoso.admin, south, "GLOBAL_READER", app).value();
        Outcome<ScopedRoleMember> again = delegation.assign(contoso.admin, north, "LICENSE_ADMINISTRATOR", app);

        List<ScopedRoleMember> held = delegation.rolesOf(contoso.tenant, app);
        assertThat(again.isDone()).isFalse();
        assertThat(held).extracting(ScopedRoleMember::unit).containsExactly(north, south);
        assertThat(UnitDelegation.scopeOf(held)).isEqualTo(Scope.units(List.of(north.value(), south.value())));
        assertThat(UnitDelegation.scopeOf(List.of())).isEqualTo(Scope.TENANT);
        assertThat(contoso.audit(Activity.ADD_SCOPED_ROLE_MEMBER)).hasSize(2);

        units.delete(contoso.admin, north).value();

        assertThat(delegation.rolesOf(contoso.tenant, app))
                .extracting(ScopedRoleMember::unit)
                .containsExactly(south);
    }

    private UnitId staticUnit(String name) {
        return units.create(contoso.admin, UnitChange.none().withDisplayName(name))
                .value()
                .id();
    }

    private UnitId dynamicUnit(String name, String rule) {
        return units.create(
                        contoso.admin,
                        UnitChange.none()
                                .withDisplayName(name)
                                .withMembershipType("Dynamic")
                                .withMembershipRule(rule))
                .value()
                .id();
    }

    private List<UUID> memberIds(UnitId unit) {
        return units.members(contoso.admin, unit, null, 100).value().stream()
                .map(o -> o instanceof org.allot.core.directory.DirectoryQueries.UserObject u
                        ? u.user().id().value()
                        : ((org.allot.core.directory.DirectoryQueries.GroupObject) o)
                                .group()
                                .id()
                                .value())
                .toList();
    }

    private static void assertOutside(Outcome<?> outcome) {
        assertThat(outcome.isDone()).isFalse();
        assertThat(outcome.rejection().code()).isEqualTo(ErrorCode.OUTSIDE_SCOPE);
        assertThat(outcome.rejection().message()).isEqualTo("Insufficient privileges to complete the operation.");
    }
}
