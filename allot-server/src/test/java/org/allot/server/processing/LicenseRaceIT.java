package org.allot.server.processing;

import static org.allot.core.testing.TestCatalog.E3;
import static org.allot.core.testing.TestCatalog.EMS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.allot.core.Outcome;
import org.allot.core.assignment.AssignedLicense;
import org.allot.core.assignment.AssignmentSource;
import org.allot.core.assignment.LicenseAssignment;
import org.allot.core.audit.Activity;
import org.allot.core.directory.GroupAttribute;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Member;
import org.allot.core.directory.UserAttribute;
import org.allot.core.directory.UserId;
import org.allot.core.testing.Scenario;
import org.allot.server.testing.PostgresInstallation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Requests that change the same user at the same moment, each in its own transaction as the server runs them: every
 * decision is taken on what the user has once nobody else is changing it, so no license is lost or invented.
 */
class LicenseRaceIT {
    private final Scenario contoso = Scenario.contoso();
    private final PostgresInstallation allot = (PostgresInstallation) contoso.allot;
    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void aUserAddedToThreeLicensedGroupsAtOnceGetsTheLicensesOfAllThree() throws Exception {
        contoso.subscribe(E3, 100);
        contoso.subscribe(EMS, 100);
        List<GroupId> groups = List.of(
                contoso.aGroup("Sales").licensedWith(E3).create(),
                contoso.aGroup("Staff").licensedWith(E3).create(),
                contoso.aGroup("Mobile").licensedWith(EMS).create());
        List<UserId> users = contoso.users("joiner", 30);

        for (UserId user : users) {
            List<Outcome<?>> outcomes = together(groups.stream()
                    .<Callable<Outcome<?>>>map(g -> () -> allot.work()
                            .run(() -> allot.groupDirectory().addMember(contoso.admin, g, Member.user(user))))
                    .toList());
            assertThat(outcomes).allMatch(Outcome::isDone);
        }

        for (UserId user : users) {
            Set<AssignmentSource> sources = new HashSet<>();
            contoso.licensesOf(user).assignments().forEach(a -> sources.add(a.source()));
            assertThat(sources)
                    .as("the sources of %s", user)
                    .containsExactlyInAnyOrderElementsOf(
                            groups.stream().map(AssignmentSource::group).toList());
        }
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(30);
        assertThat(contoso.seatsOf(EMS).consumed()).isEqualTo(30);
    }

    @Test
    void joiningAndLeavingTwoLicensedGroupsAtOnceLeavesNoPhantomSeatAndNobodyWithout() throws Exception {
        contoso.subscribe(E3, 100);
        GroupId sales = contoso.aGroup("Sales").licensedWith(E3).create();
        GroupId staff = contoso.aGroup("Staff").licensedWith(E3).create();
        List<UserId> users = contoso.users("mover", 30);
        users.forEach(u -> allot.work().run(() -> contoso.join(sales, u)));

        for (UserId user : users) {
            together(List.of(() -> allot.work().run(() -> contoso.leave(sales, user)), () -> allot.work()
                    .run(() -> contoso.join(staff, user))));
        }

        for (UserId user : users) {
            assertThat(contoso.licensesOf(user).assignments())
                    .as("%s, now only in Staff", user)
                    .extracting(LicenseAssignment::source)
                    .containsExactly(AssignmentSource.group(staff));
        }
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(30);
    }

    @Test
    void aDeletedUserRestoredAndPurgedAtOnceIsEitherBackOrGoneAndNeverBoth() throws Exception {
        contoso.subscribe(E3, 100);
        GroupId sales = contoso.aGroup("Sales").licensedWith(E3).create();
        for (int round = 0; round < 10; round++) {
            UserId user = contoso.user("leaver" + round);
            allot.work().run(() -> contoso.join(sales, user));
            allot.work().run(() -> allot.userDirectory().delete(contoso.admin, user));

            List<Outcome<?>> outcomes = together(List.of(
                    () -> allot.work().run(() -> allot.userDirectory().restore(contoso.admin, user)),
                    () -> allot.work().run(() -> allot.userDirectory().purge(contoso.admin, user))));

            boolean restored = outcomes.get(0).isDone();
            boolean purged = outcomes.get(1).isDone();
            assertThat(restored ^ purged)
                    .as("round %d: restored %s, purged %s", round, restored, purged)
                    .isTrue();
            boolean exists = allot.users().find(contoso.tenant, user).isPresent();
            assertThat(exists)
                    .as("round %d: the user is there exactly when restored", round)
                    .isEqualTo(restored);
        }
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo((int) contoso.usersHolding(E3));
    }

    @Test
    void concurrentRestoresOfOneUserRestoreItOnce() throws Exception {
        UserId user = contoso.user("twice");
        for (int round = 0; round < 3; round++) {
            allot.work().run(() -> allot.userDirectory().delete(contoso.admin, user));
            List<Callable<Outcome<?>>> restores = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                restores.add(() -> allot.work().run(() -> allot.userDirectory().restore(contoso.admin, user)));
            }
            assertThat(together(restores).stream().filter(Outcome::isDone)).hasSize(1);
        }
        assertThat(contoso.audit(Activity.RESTORE_USER)).hasSize(3);
    }

    @Test
    void aUsageLocationRemovedWhileADirectLicenseIsAssignedNeverLeavesTheLicenseWithoutALocation() throws Exception {
        contoso.subscribe(E3, 100);
        for (int round = 0; round < 30; round++) {
            UserId user = contoso.user("located" + round);
            List<Outcome<?>> outcomes = together(List.of(
                    () -> allot.work().run(() -> allot.userDirectory()
                            .update(
                                    contoso.admin,
                                    user,
                                    java.util.Collections.singletonMap(UserAttribute.USAGE_LOCATION, null))),
                    () -> allot.work().run(() -> allot.licensing()
                            .users()
                            .assign(contoso.admin, user, List.of(AssignedLicense.of(E3.skuId())), List.of(), false))));

            assertThat(outcomes.get(0).isDone() && outcomes.get(1).isDone())
                    .as("round %d: both the removal of the location and the assignment succeeded", round)
                    .isFalse();
            var stored = allot.users().find(contoso.tenant, user).orElseThrow();
            boolean licensed = contoso.heldSkus(user).contains(E3.skuId());
            assertThat(licensed && stored.usageLocation() == null)
                    .as("round %d: a direct license on a user without usage location", round)
                    .isFalse();
        }
    }

    @Test
    void aUserRestoredWhileTheRuleIsEditedEndsAsTheNewRuleSays() throws Exception {
        String legal = "user.department -eq \"Legal\"";
        String legalOrFinance = "user.department -in [\"Legal\",\"Finance\"]";
        GroupId dynamic = allot.dynamicGroup(contoso.admin, "Legal", legal);
        for (int round = 0; round < 30; round++) {
            String rule = round % 2 == 0 ? legalOrFinance : legal;
            String previous = round % 2 == 0 ? legal : legalOrFinance;
            allot.work().run(() -> allot.groupDirectory()
                    .update(contoso.admin, dynamic, Map.of(GroupAttribute.MEMBERSHIP_RULE, previous)));
            UserId user =
                    contoso.aUser("returning" + round).inDepartment("Finance").create();
            allot.work().run(() -> allot.userDirectory().delete(contoso.admin, user));

            together(List.of(
                    () -> allot.work().run(() -> allot.groupDirectory()
                            .update(contoso.admin, dynamic, Map.of(GroupAttribute.MEMBERSHIP_RULE, rule))),
                    () -> allot.work().run(() -> allot.userDirectory().restore(contoso.admin, user))));

            boolean member = contoso.membersOf(dynamic).contains(user);
            assertThat(member)
                    .as("round %d: a user of Finance is a member under %s", round, rule)
                    .isEqualTo(rule.equals(legalOrFinance));
        }
    }

    /** Runs the actions at the same moment, each on its own thread; returns their outcomes in order. */
    private List<Outcome<?>> together(List<Callable<Outcome<?>>> actions) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome<?>>> futures = new ArrayList<>();
        for (Callable<Outcome<?>> action : actions) {
            futures.add(pool.submit(() -> {
                start.await();
                return action.call();
            }));
        }
        start.countDown();
        List<Outcome<?>> outcomes = new ArrayList<>();
        for (Future<Outcome<?>> f : futures) {
            outcomes.add(f.get(60, TimeUnit.SECONDS));
        }
        return outcomes;
    }
}
