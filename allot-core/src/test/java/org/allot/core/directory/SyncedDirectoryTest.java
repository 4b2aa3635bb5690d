package org.allot.core.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.audit.Activity;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/** The sync-only entry points of the directory: batches of synced users, synced groups and their members. */
class SyncedDirectoryTest {
    private final Scenario contoso = Scenario.contoso();
    private final Caller sync = contoso.admin.as(Actor.DIRECTORY_SYNC);
    private final UserDirectory users = contoso.allot.userDirectory();
    private final GroupDirectory groups = contoso.allot.groupDirectory();

    @Test
    void aBatchOfSyncedUsersIsCreatedAndOnlyTheBadOnesAreRefused() {
        contoso.user("taken");

        List<Outcome<User>> created = users.provisionSynced(
                sync,
                List.of(
                        synced("ada-id", "ada"),
                        synced("taken-id", "taken"),
                        synced("twin-1", "twin"),
                        synced("twin-2", "TWIN"),
                        synced("elsewhere-id", "someone@fabrikam.com")));

        assertThat(created.get(0).value().onPremisesImmutableId()).isEqualTo("ada-id");
        assertThat(created.get(0).value().onPremisesSyncEnabled()).isTrue();
        assertThat(created.get(0).value().usageLocation()).isNull();
        assertThat(created.get(1).rejection().code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
        assertThat(created.get(2).isDone()).isTrue();
        assertThat(created.get(3).rejection().code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
        assertThat(created.get(4).rejection().message()).contains("verified domain");
        assertThat(contoso.audit(Activity.ADD_USER))
                .filteredOn(e -> e.actor().equals(Actor.DIRECTORY_SYNC))
                .hasSize(2);
    }

    @Test
    void syncedUsersTakeTheDirectoryValuesAndAUsageLocationOnlyWhenMappedAndNeverCleared() {
        User ada = users.provisionSynced(sync, List.of(synced("ada-id", "ada")))
                .get(0)
                .value();
        contoso.update(ada.id(), UserAttribute.USAGE_LOCATION, "SE").value();
        SyncedUser renamed = synced("ada-id", "ada.lovelace", UserAttribute.DEPARTMENT, "Research");

        User after = users.updateSynced(sync, Map.of(ada.id(), renamed))
                .get(ada.id())
                .value();

        assertThat(after.userPrincipalName()).isEqualTo("ada.lovelace@contoso.com");
        assertThat(after.department()).isEqualTo("Research");
        assertThat(after.usageLocation()).isEqualTo(UsageLocation.of("SE"));
        assertThat(contoso.audit(Activity.UPDATE_USER).get(1).changes())
                .extracting(c -> c.name())
                .contains("userPrincipalName", "department");
        SyncedUser located = synced("ada-id", "ada.lovelace", UserAttribute.USAGE_LOCATION, "US");
        assertThat(users.updateSynced(sync, Map.of(ada.id(), located))
                        .get(ada.id())
                        .value()
                        .usageLocation())
                .as("a connector that maps usageLocation sets it")
                .isEqualTo(UsageLocation.of("US"));
        SyncedUser cleared = synced("ada-id", "ada.lovelace", UserAttribute.USAGE_LOCATION, null);
        assertThat(users.updateSynced(sync, Map.of(ada.id(), cleared))
                        .get(ada.id())
                        .rejection()
                        .code())
                .as("but never clears it")
                .isEqualTo(ErrorCode.READ_ONLY_ATTRIBUTE);
    }

    @Test
    void onlySyncedUsersWithTheSameImmutableIdTakeSyncedValues() {
        UserId cloud = contoso.user("cloud");

        Outcome<User> refused = users.updateSynced(sync, Map.of(cloud, synced("cloud-id", "cloud")))
                .get(cloud);

        assertThat(refused.rejection().code()).isEqualTo(ErrorCode.CONFLICT);
    }

    @Test
    void syncedGroupsAreCreatedReadOnly() {
        Group sales = groups.provisionSynced(
                        sync, new SyncedGroup("sales-id", Map.of(GroupAttribute.DISPLAY_NAME, "Sales")))
                .value();

        assertThat(sales.onPremisesSyncEnabled()).isTrue();
        assertThat(sales.mailNickname()).isEqualTo("sales");
        assertThat(groups.update(contoso.admin, sales.id(), Map.of(GroupAttribute.DESCRIPTION, "x"))
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.READ_ONLY_ATTRIBUTE);
        assertThat(groups.updateSynced(
                                sync,
                                sales.id(),
                                new SyncedGroup("sales-id", Map.of(GroupAttribute.DISPLAY_NAME, "Sales EMEA")))
                        .value()
                        .displayName())
                .isEqualTo("Sales EMEA");
    }

    @Test
    void syncedMembersAreSetAndMembersOutOfScopeKeepTheirPlace() {
        GroupId team = groups.provisionSynced(
                        sync, new SyncedGroup("team-id", Map.of(GroupAttribute.DISPLAY_NAME, "Team")))
                .value()
                .id();
        UserId ada = provision("ada");
        UserId grace = provision("grace");
        UserId alan = provision("alan");
        groups.setSyncedMembers(sync, team, Set.of(Member.user(ada), Member.user(grace)), m -> true)
                .value();

        MembershipChange change = groups.setSyncedMembers(
                        sync, team, Set.of(Member.user(alan)), m -> !m.equals(Member.user(grace)))
                .value();

        assertThat(change.added()).containsExactly(Member.user(alan));
        assertThat(change.removed()).containsExactly(Member.user(ada));
        assertThat(contoso.allot.memberships().directMembers(contoso.tenant, team))
                .containsExactlyInAnyOrder(Member.user(grace), Member.user(alan));
        assertThat(contoso.audit(Activity.REMOVE_MEMBER)).hasSize(1);
    }

    @Test
    void aSyncedNestingThatWouldMakeACycleIsRefusedAlone() {
        GroupId outer = syncedGroup("outer");
        GroupId inner = syncedGroup("inner");
        UserId ada = provision("ada");
        groups.setSyncedMembers(sync, outer, Set.of(Member.group(inner)), m -> true)
                .value();

        MembershipChange change = groups.setSyncedMembers(
                        sync, inner, Set.of(Member.group(outer), Member.user(ada)), m -> true)
                .value();

        assertThat(change.added()).containsExactly(Member.user(ada));
        assertThat(change.refused()).containsOnlyKeys(Member.group(outer));
        assertThat(change.refused().get(Member.group(outer))).contains("cannot contain itself");
    }

    /**
     * Several groups' members set in one unit of work, as one group at a time sets them: each nesting checked against
     * those of the groups before it, a deleted user refused, a member out of scope kept, a cloud group refused alone,
     * and one audit record per member that joined or left, naming the member and its group.
     */
    @Test
    void severalGroupsMembersAreSetInOneUnitAsOneGroupAtATime() {
        GroupId outer = syncedGroup("outer");
        GroupId inner = syncedGroup("inner");
        GroupId cloud = contoso.aGroup("Cloud").create();
        UserId ada = provision("ada");
        UserId grace = provision("grace");
        UserId alan = provision("alan");
        UserId gone = provision("gone");
        groups.setSyncedMembers(sync, inner, Set.of(Member.user(alan), Member.user(grace)), m -> true)
                .value();
        users.delete(sync, gone).value();

        List<Outcome<MembershipChange>> changes = groups.setSyncedMembers(
                sync,
                List.of(
                        new SyncedMembers(outer, Set.of(Member.group(inner), Member.user(ada)), m -> true),
                        new SyncedMembers(cloud, Set.of(Member.user(ada)), m -> true),
                        new SyncedMembers(
                                inner,
                                Set.of(Member.group(outer), Member.user(ada), Member.user(gone)),
                                m -> !m.equals(Member.user(grace)))));

        assertThat(changes.get(0).value().added()).containsExactlyInAnyOrder(Member.group(inner), Member.user(ada));
        assertThat(changes.get(1).rejection().code()).isEqualTo(ErrorCode.NOT_FOUND);
        MembershipChange innerChange = changes.get(2).value();
        assertThat(innerChange.added()).containsExactly(Member.user(ada));
        assertThat(innerChange.removed()).containsExactly(Member.user(alan));
        assertThat(innerChange.refused()).containsOnlyKeys(Member.group(outer), Member.user(gone));
        assertThat(innerChange.refused().get(Member.group(outer))).contains("cannot contain itself");
        assertThat(contoso.allot.memberships().directMembers(contoso.tenant, inner))
                .containsExactlyInAnyOrder(Member.user(ada), Member.user(grace));
        assertThat(contoso.allot.memberships().directMembers(contoso.tenant, outer))
                .containsExactlyInAnyOrder(Member.group(inner), Member.user(ada));
        assertThat(contoso.audit(Activity.ADD_MEMBER))
                .filteredOn(e -> e.actor().equals(Actor.DIRECTORY_SYNC))
                .extracting(e ->
                        e.targets().get(0).id() + " in " + e.targets().get(1).displayName())
                .containsExactlyInAnyOrder(
                        alan.value() + " in inner",
                        grace.value() + " in inner",
                        inner.value() + " in outer",
                        ada.value() + " in outer",
                        ada.value() + " in inner");
        assertThat(contoso.audit(Activity.REMOVE_MEMBER))
                .extracting(e ->
                        e.targets().get(0).id() + " from " + e.targets().get(1).displayName())
                .containsExactly(alan.value() + " from inner");
    }

    @Test
    void cloudGroupsTakeNoSyncedMembers() {
        GroupId cloud = contoso.aGroup("Cloud").create();

        assertThat(groups.setSyncedMembers(sync, cloud, Set.of(), m -> true)
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.NOT_FOUND);
    }

    private GroupId syncedGroup(String name) {
        return groups.provisionSynced(sync, new SyncedGroup(name + "-id", Map.of(GroupAttribute.DISPLAY_NAME, name)))
                .value()
                .id();
    }

    private UserId provision(String name) {
        return users.provisionSynced(sync, List.of(synced(name + "-id", name)))
                .get(0)
                .value()
                .id();
    }

    private static SyncedUser synced(String immutableId, String name, Object... more) {
        Map<UserAttribute, Object> values = new LinkedHashMap<>();
        values.put(UserAttribute.USER_PRINCIPAL_NAME, name.contains("@") ? name : name + "@contoso.com");
        values.put(UserAttribute.DISPLAY_NAME, name);
        for (int i = 0; i < more.length; i += 2) {
            values.put((UserAttribute) more[i], more[i + 1]);
        }
        return new SyncedUser(immutableId, name, values);
    }
}
