package org.allot.core.assignment;

import static org.allot.core.testing.TestCatalog.E3;
import static org.allot.core.testing.TestCatalog.EXCHANGE_P2;
import static org.allot.core.testing.TestCatalog.EXCHANGE_STANDARD;
import static org.allot.core.testing.TestCatalog.SWAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.allot.core.ErrorCode;
import org.allot.core.audit.Activity;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/** The direct → group migration assistant: its preview, and its run, which changes no seat and no enabled plan. */
class DirectToGroupTest {
    private final Scenario contoso = Scenario.contoso();
    private final DirectToGroup migration = contoso.allot.directToGroup();

    /** Each user's licenses as Graph shows them (product and disabled plans), for before/after comparisons. */
    private Map<UserId, List<AssignedLicense>> licensesOf(List<UserId> users) {
        Map<UserId, List<AssignedLicense>> licenses = new HashMap<>();
        users.forEach(u -> licenses.put(u, contoso.licensesOf(u).assignedLicenses()));
        return licenses;
    }

    private DirectToGroup.UserPreview previewOf(DirectToGroup.Preview preview, UserId user) {
        return preview.users().stream()
                .filter(u -> u.user().equals(user))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void movesHoldersWhoInheritTheSamePlansAndKeepsTheOthersWithTheirReason() {
        contoso.subscribe(E3, 20);
        contoso.subscribe(EXCHANGE_STANDARD, 5);
        List<UserId> inheriting = contoso.users("inheriting", 3);
        UserId swayOffDirectly = contoso.user("swayoff");
        UserId differs = contoso.user("differs");
        UserId alone = contoso.user("alone");
        UserId conflicting = contoso.user("conflicting");
        List<UserId> everyone = new java.util.ArrayList<>(inheriting);
        everyone.addAll(List.of(swayOffDirectly, differs, alone, conflicting));
        everyone.forEach(u -> contoso.assign(u, E3).value());
        // the direct license has Sway off, the group's has it on: Sway is on either way (reported, moved)
        contoso.assign(swayOffDirectly, E3, SWAY).value();
        contoso.assign(conflicting, E3, EXCHANGE_P2).value();
        contoso.assign(conflicting, EXCHANGE_STANDARD).value(); // Exchange Plan 1 excludes the group's Plan 2
        GroupId staff = contoso.aGroup("Staff")
                .withMembers(inheriting)
                .withMembers(swayOffDirectly, conflicting)
                .licensedWith(E3)
                .create();
        // this group's license has Sway off: without the direct license, Sway would be off
        contoso.aGroup("No Sway").withMembers(differs).licensedWith(E3, SWAY).create();
        assertThat(contoso.inherited(conflicting, E3, staff).state()).isNotEqualTo(AssignmentState.Active);
        int seatsBefore = contoso.seatsOf(E3).consumed();
        Map<UserId, List<AssignedLicense>> before = licensesOf(everyone);

        DirectToGroup.Preview preview =
                migration.preview(contoso.tenant, "ENTERPRISEPACK", null, false).value();

        assertThat(preview.directHolders()).isEqualTo(7);
        assertThat(preview.moving()).isEqualTo(4);
        assertThat(preview.plansDiffer()).isEqualTo(1);
        assertThat(preview.notInherited()).isEqualTo(1);
        assertThat(preview.noGroup()).isEqualTo(1);
        assertThat(preview.disabledPlansDiffer()).isEqualTo(2);
        assertThat(preview.seatsUsed()).isEqualTo(seatsBefore);
        assertThat(previewOf(preview, swayOffDirectly).moves()).isTrue();
        assertThat(previewOf(preview, swayOffDirectly).disabledPlansDiffer()).isTrue();
        assertThat(previewOf(preview, differs).plansLost()).containsExactly(SWAY.label());
        assertThat(previewOf(preview, differs).moves()).isFalse();
        assertThat(previewOf(preview, conflicting).reason()).startsWith("its license from Staff is in error");
        assertThat(previewOf(preview, alone).reason()).isEqualTo("inherits it from no group");

        LicenseMigration run =
                migration.start(contoso.admin, "ENTERPRISEPACK", null, false).value();
        contoso.runJobs();

        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(seatsBefore);
        assertThat(licensesOf(everyone)).isEqualTo(before);
        List<UserId> moved = new java.util.ArrayList<>(inheriting);
        moved.add(swayOffDirectly);
        moved.forEach(u -> assertThat(contoso.licensesOf(u).find(E3.skuId(), AssignmentSource.DIRECT))
                .isEmpty());
        List.of(differs, alone, conflicting)
                .forEach(u -> assertThat(contoso.direct(u, E3).holdsSeat()).isTrue());
        DirectToGroup.RunView done =
                migration.run(contoso.tenant, run.id(), 0, 100).orElseThrow();
        assertThat(done.run().state()).isEqualTo(LicenseMigration.State.Completed);
        assertThat(done.run().moved()).isEqualTo(4);
        assertThat(done.run().kept()).isEqualTo(3);
        assertThat(done.entries())
                .filteredOn(e -> e.user().equals(differs))
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("plan changes were not accepted"));
        assertThat(contoso.audit(Activity.START_DIRECT_TO_GROUP)).hasSize(1);
        assertThat(contoso.audit(Activity.FINISH_DIRECT_TO_GROUP))
                .singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(contoso.admin.actor()));
    }

    @Test
    void acceptingPlanChangesMovesTheHolderWhosePlansDiffer() {
        contoso.subscribe(E3, 5);
        UserId differs = contoso.user("differs");
        contoso.assign(differs, E3).value();
        contoso.aGroup("No Sway").withMembers(differs).licensedWith(E3, SWAY).create();

        migration.start(contoso.admin, "ENTERPRISEPACK", null, true).value();
        contoso.runJobs();

        assertThat(contoso.licensesOf(differs).find(E3.skuId(), AssignmentSource.DIRECT))
                .isEmpty();
        assertThat(contoso.licensesOf(differs).assignedLicenses()).containsExactly(Scenario.license(E3, SWAY));
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(1);
    }

    @Test
    void withAChosenGroupHoldersJoinItFirstAndLoseTheDirectLicenseOnceTheGroupsWorks() {
        contoso.subscribe(E3, 3);
        List<UserId> holders = contoso.users("holder", 3);
        holders.forEach(u -> contoso.assign(u, E3).value());
        GroupId licensed = contoso.aGroup("Licensed").licensedWith(E3).create();
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(3);

        DirectToGroup.Preview preview = migration
                .preview(contoso.tenant, "ENTERPRISEPACK", licensed, false)
                .value();
        assertThat(preview.moving()).isEqualTo(3);
        assertThat(preview.joining()).isEqualTo(3);

        migration.start(contoso.admin, E3.skuId().toString(), licensed, false).value();
        contoso.runJobs();

        assertThat(contoso.membersOf(licensed)).containsExactlyInAnyOrderElementsOf(holders);
        holders.forEach(u -> {
            assertThat(contoso.inherited(u, E3, licensed).state()).isEqualTo(AssignmentState.Active);
            assertThat(contoso.licensesOf(u).find(E3.skuId(), AssignmentSource.DIRECT))
                    .isEmpty();
        });
        // no seat was needed on the way: the product has no free seat, and nobody waits
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(3);
        assertThat(contoso.seatsOf(E3).waiting()).isZero();
    }

    @Test
    void aGroupThatDoesNotAssignTheProductIsRefusedAndADynamicGroupCannotTakeMembers() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");
        contoso.assign(ada, E3).value();
        GroupId empty = contoso.aGroup("Nothing").create();
        GroupId dynamic = contoso.aGroup("Sales")
                .withRule("user.department -eq \"Sales\"")
                .licensedWith(E3)
                .create();

        assertThat(migration
                        .preview(contoso.tenant, "ENTERPRISEPACK", empty, false)
                        .rejection()
                        .message())
                .isEqualTo(
                        "Group Nothing does not assign Office 365 E3 (ENTERPRISEPACK): add the product to the group's"
                                + " licenses first.");
        DirectToGroup.Preview preview = migration
                .preview(contoso.tenant, "ENTERPRISEPACK", dynamic, false)
                .value();
        assertThat(preview.moving()).isZero();
        assertThat(previewOf(preview, ada).reason()).isEqualTo("Sales's members are decided by its membership rule");
        assertThat(migration
                        .start(contoso.admin, "NOPE", null, false)
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void oneRunAtATime() {
        contoso.subscribe(E3, 5);
        migration.start(contoso.admin, "ENTERPRISEPACK", null, false).value();

        assertThat(migration
                        .start(contoso.admin, "ENTERPRISEPACK", null, false)
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.CONFLICT);
        contoso.runJobs();
        assertThat(migration.start(contoso.admin, "ENTERPRISEPACK", null, false).isDone())
                .isTrue();
    }
}
