package org.allot.core.assignment;

import static org.allot.core.testing.TestCatalog.E3;
import static org.allot.core.testing.TestCatalog.EMS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.directory.GroupAttribute;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Member;
import org.allot.core.directory.SyncedGroup;
import org.allot.core.directory.SyncedMembers;
import org.allot.core.directory.SyncedUser;
import org.allot.core.directory.UserAttribute;
import org.allot.core.directory.UserId;
import org.allot.core.testing.InMemoryAllot;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/** Membership changes made by directory sync flow into group-based licensing like any other (rule 5). */
class SyncedGroupLicensingTest {

    @Test
    void syncedMembersOfALicensedGroupInheritItsLicenses() {
        Scenario contoso = Scenario.contoso();
        Caller sync = contoso.admin.as(Actor.DIRECTORY_SYNC);
        GroupId office = licensedSyncedGroup(contoso, sync);
        List<UserId> people = provision(contoso, sync, "person", 3);

        contoso.allot
                .groupDirectory()
                .setSyncedMembers(sync, office, members(people), m -> true)
                .value();

        assertThat(people).allSatisfy(p -> assertThat(contoso.heldSkus(p)).containsExactly(E3.skuId()));

        contoso.allot.groupDirectory().setSyncedMembers(sync, office, members(people.subList(0, 1)), m -> true);

        assertThat(contoso.heldSkus(people.get(0))).containsExactly(E3.skuId());
        assertThat(contoso.heldSkus(people.get(2))).isEmpty();
    }

    @Test
    void manySyncedMembersAtOnceAreLicensedInTheBackground() {
        Scenario contoso = Scenario.contosoWithBackgroundJobs();
        Caller sync = contoso.admin.as(Actor.DIRECTORY_SYNC);
        GroupId office = licensedSyncedGroup(contoso, sync);
        List<UserId> people = provision(contoso, sync, "person", 6);

        contoso.allot
                .groupDirectory()
                .setSyncedMembers(sync, office, members(people), m -> true)
                .value();
        contoso.runJobs();

        assertThat(people).allSatisfy(p -> assertThat(contoso.heldSkus(p)).containsExactly(E3.skuId()));
        assertThat(contoso.audit(org.allot.core.audit.Activity.FINISH_GROUP_LICENSING))
                .isNotEmpty();
    }

    @Test
    void aSyncedNestedGroupLicensesItsMembersThroughTheGroupAbove() {
        Scenario contoso = Scenario.contoso();
        Caller sync = contoso.admin.as(Actor.DIRECTORY_SYNC);
        contoso.subscribe(E3, 10);
        GroupId office = syncedGroup(contoso, sync, "Office");
        GroupId team = syncedGroup(contoso, sync, "Team");
        contoso.licenseGroup(office, E3).value();
        List<UserId> people = provision(contoso, sync, "member", 2);
        contoso.allot
                .groupDirectory()
                .setSyncedMembers(sync, team, members(people), m -> true)
                .value();

        contoso.allot
                .groupDirectory()
                .setSyncedMembers(sync, office, Set.of(Member.group(team)), m -> true)
                .value();

        assertThat(people)
                .allSatisfy(p ->
                        assertThat(contoso.inherited(p, E3, office).holdsSeat()).isTrue());
    }

    /**
     * The member lists of several groups set in one unit of work: a user who joined two licensed groups gets both
     * groups' licenses, and is locked and re-evaluated once, not once per group.
     */
    @Test
    void usersJoiningSeveralSyncedGroupsAtOnceAreReevaluatedOnce() {
        Scenario contoso = Scenario.contoso();
        Caller sync = contoso.admin.as(Actor.DIRECTORY_SYNC);
        GroupId office = licensedSyncedGroup(contoso, sync);
        GroupId mobile = syncedGroup(contoso, sync, "Mobile");
        contoso.subscribe(EMS, 10);
        contoso.licenseGroup(mobile, EMS).value();
        List<UserId> people = provision(contoso, sync, "person", 3);
        contoso.allot
                .groupDirectory()
                .setSyncedMembers(
                        sync,
                        List.of(
                                new SyncedMembers(office, members(people), m -> true),
                                new SyncedMembers(mobile, members(people), m -> true)))
                .forEach(Outcome::value);

        assertThat(people)
                .allSatisfy(p -> assertThat(contoso.heldSkus(p)).containsExactlyInAnyOrder(E3.skuId(), EMS.skuId()));
        if (contoso.allot instanceof InMemoryAllot memory) {
            assertThat(people).allSatisfy(p -> assertThat(memory.assignments.timesLocked(p))
                    .as("locked once")
                    .isEqualTo(1));
        }
    }

    /** A synced group "Office", licensed with E3 (10 seats). */
    private static GroupId licensedSyncedGroup(Scenario contoso, Caller sync) {
        contoso.subscribe(E3, 10);
        GroupId office = syncedGroup(contoso, sync, "Office");
        contoso.licenseGroup(office, E3).value();
        return office;
    }

    private static GroupId syncedGroup(Scenario contoso, Caller sync, String name) {
        return contoso.allot
                .groupDirectory()
                .provisionSynced(sync, new SyncedGroup(name + "-id", Map.of(GroupAttribute.DISPLAY_NAME, name)))
                .value()
                .id();
    }

    private static List<UserId> provision(Scenario contoso, Caller sync, String prefix, int count) {
        List<SyncedUser> users = new java.util.ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Map<UserAttribute, Object> values = new LinkedHashMap<>();
            values.put(UserAttribute.USER_PRINCIPAL_NAME, prefix + i + "@contoso.com");
            values.put(UserAttribute.DISPLAY_NAME, prefix + i);
            users.add(new SyncedUser(prefix + i + "-id", prefix + i, values));
        }
        return contoso.allot.userDirectory().provisionSynced(sync, users).stream()
                .map(u -> u.value().id())
                .toList();
    }

    private static Set<Member> members(List<UserId> users) {
        Set<Member> members = new HashSet<>();
        users.forEach(u -> members.add(Member.user(u)));
        return members;
    }
}
