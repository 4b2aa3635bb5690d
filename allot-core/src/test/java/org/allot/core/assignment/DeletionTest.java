package org.allot.core.assignment;

import static org.allot.core.testing.TestCatalog.E3;
import static org.assertj.core.api.Assertions.assertThat;

import org.allot.core.ErrorCode;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/** Rule 10: soft delete keeps licenses and seats; restore brings them back; permanent deletion frees seats. */
class DeletionTest {
    private final Scenario contoso = Scenario.contoso();

    @Test
    void aDeletedUserKeepsLicensesMembershipsAndSeats() {
        contoso.subscribe(E3, 1);
        UserId ada = contoso.user("ada");
        GroupId group =
                contoso.aGroup("Staff").withMembers(ada).licensedWith(E3).create();

        contoso.allot.userDirectory().delete(contoso.admin, ada).value();

        assertThat(contoso.inherited(ada, E3, group).state()).isEqualTo(AssignmentState.Active);
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(1);
        assertThat(contoso.allot
                        .memberships()
                        .isDirectMember(contoso.tenant, group, org.allot.core.directory.Member.user(ada)))
                .isTrue();
    }

    @Test
    void restoringAUserBringsBackItsLicensesAsTheyNowStand() {
        contoso.subscribe(E3, 1);
        UserId ada = contoso.user("ada");
        GroupId group =
                contoso.aGroup("Staff").withMembers(ada).licensedWith(E3).create();
        contoso.allot.userDirectory().delete(contoso.admin, ada).value();

        contoso.allot.userDirectory().restore(contoso.admin, ada).value();

        assertThat(contoso.inherited(ada, E3, group).state()).isEqualTo(AssignmentState.Active);
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(1);
    }

    @Test
    void permanentDeletionFreesTheSeatForTheWaitingList() {
        contoso.subscribe(E3, 1);
        UserId ada = contoso.user("ada");
        GroupId group =
                contoso.aGroup("Staff").withMembers(ada).licensedWith(E3).create();
        UserId bob = contoso.user("bob");
        contoso.join(group, bob).value();
        contoso.allot.userDirectory().delete(contoso.admin, ada).value();
        assertThat(contoso.waitingFor(E3)).containsExactly(bob);

        contoso.allot.userDirectory().purge(contoso.admin, ada).value();

        assertThat(contoso.inherited(bob, E3, group).state()).isEqualTo(AssignmentState.Active);
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(1);
        assertThat(contoso.allot.users().find(contoso.tenant, ada)).isEmpty();
    }

    @Test
    void aDeletedUserLeavesTheWaitingList() {
        contoso.subscribe(E3, 1);
        UserId ada = contoso.user("ada");
        GroupId group =
                contoso.aGroup("Staff").withMembers(ada).licensedWith(E3).create();
        UserId bob = contoso.user("bob");
        UserId cy = contoso.user("cy");
        contoso.join(group, bob).value();
        contoso.join(group, cy).value();

        contoso.allot.userDirectory().delete(contoso.admin, bob).value();
        assertThat(contoso.waitingFor(E3)).containsExactly(cy);
        assertThat(contoso.seatsOf(E3).waiting()).isEqualTo(1);

        contoso.leave(group, ada).value();
        assertThat(contoso.heldSkus(cy)).contains(E3.skuId());
        assertThat(contoso.licensesOf(bob).holdsSeat(E3.skuId())).isFalse();
    }

    @Test
    void onlyDeletedUsersCanBePurgedOrRestored() {
        UserId ada = contoso.user("ada");

        assertThat(contoso.allot
                        .userDirectory()
                        .purge(contoso.admin, ada)
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(contoso.allot
                        .userDirectory()
                        .restore(contoso.admin, ada)
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void aGroupThatAssignsLicensesCannotBeDeleted() {
        contoso.subscribe(E3, 1);
        GroupId group = contoso.aGroup("Staff").licensedWith(E3).create();

        assertThat(contoso.allot
                        .groupDirectory()
                        .delete(contoso.admin, group)
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.GROUP_HAS_LICENSES);

        contoso.unlicenseGroup(group, E3).value();
        contoso.allot.groupDirectory().delete(contoso.admin, group).value();
        assertThat(contoso.allot.groups().find(contoso.tenant, group)).isEmpty();
    }

    @Test
    void deletingANestedGroupRemovesWhatItsMembersInheritedThroughIt() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");
        GroupId team = contoso.aGroup("Team").withMembers(ada).create();
        contoso.aGroup("Licensed").withNestedGroups(team).licensedWith(E3).create();

        contoso.allot.groupDirectory().delete(contoso.admin, team).value();

        assertThat(contoso.licensesOf(ada).assignments()).isEmpty();
        assertThat(contoso.seatsOf(E3).consumed()).isZero();
    }
}
