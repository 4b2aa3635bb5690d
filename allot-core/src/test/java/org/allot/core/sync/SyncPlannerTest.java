package org.allot.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupAttribute;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Member;
import org.allot.core.directory.SyncedGroup;
import org.allot.core.directory.SyncedUser;
import org.allot.core.directory.User;
import org.allot.core.directory.UserAttribute;
import org.allot.core.directory.UserId;
import org.allot.core.sync.SyncPlanner.Mapped;
import org.junit.jupiter.api.Test;

class SyncPlannerTest {
    private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void newImmutableIdsAreAdded() {
        SyncPlanner.UserPlan plan =
                SyncPlanner.users(List.of(mapped(synced("ada-id", "ada", "Engineering"))), Map.of());

        assertThat(plan.added()).extracting(SyncedUser::immutableId).containsExactly("ada-id");
        assertThat(plan.updated()).isEmpty();
    }

    @Test
    void usersAreMatchedByImmutableIdSoARenameIsAnUpdate() {
        User ada = existing("ada-id", "ada", "Engineering");
        SyncedUser renamed = synced("ada-id", "ada.lovelace", "Engineering");

        SyncPlanner.UserPlan plan = SyncPlanner.users(List.of(mapped(renamed)), Map.of("ada-id", ada));

        assertThat(plan.added()).isEmpty();
        assertThat(plan.updated()).containsExactly(Map.entry(ada.id(), renamed));
    }

    @Test
    void valuesAsTheyAreCountAsUnchanged() {
        User ada = existing("ada-id", "ada", "Engineering");

        SyncPlanner.UserPlan plan =
                SyncPlanner.users(List.of(mapped(synced("ada-id", "ada", " Engineering "))), Map.of("ada-id", ada));

        assertThat(plan.unchanged()).isEqualTo(1);
        assertThat(plan.updated()).isEmpty();
    }

    @Test
    void deletedUsersThatReturnAreRestored() {
        User ada = existing("ada-id", "ada", "Engineering").toBuilder()
                .deletedDateTime(NOW)
                .build();

        SyncPlanner.UserPlan plan =
                SyncPlanner.users(List.of(mapped(synced("ada-id", "ada", "Research"))), Map.of("ada-id", ada));

        assertThat(plan.restored()).containsExactly(ada.id());
        assertThat(plan.updated()).containsKey(ada.id());
        assertThat(plan.unchanged()).isZero();
    }

    @Test
    void entriesThatCouldNotBeMappedAreErrorsWithTheirName() {
        Mapped<SyncedUser> broken = new Mapped<>(
                ObjectKind.USER, "CN=Broken,DC=contoso,DC=com", null, Outcome.refused(Rejection.invalid("no id")));

        SyncPlanner.UserPlan plan = SyncPlanner.users(List.of(broken), Map.of());

        assertThat(plan.errors())
                .containsExactly(new SyncError(ObjectKind.USER, "CN=Broken,DC=contoso,DC=com", null, "no id"));
    }

    @Test
    void groupsAreComparedOnTheAttributesTheDirectoryGives() {
        Group sales = Group.security(GroupId.random(), "Sales", "sales", NOW).withOnPremises("sales-id");
        SyncedGroup same = new SyncedGroup("sales-id", values(GroupAttribute.DISPLAY_NAME, "Sales"));
        SyncedGroup renamed = new SyncedGroup("sales-id", values(GroupAttribute.DISPLAY_NAME, "Sales EMEA"));

        assertThat(SyncPlanner.groups(List.of(mappedGroup(same)), Map.of("sales-id", sales))
                        .unchanged())
                .isEqualTo(1);
        assertThat(SyncPlanner.groups(List.of(mappedGroup(renamed)), Map.of("sales-id", sales))
                        .updated())
                .containsKey(sales.id());
    }

    @Test
    void membersAreTheListedNamesThatResolveToSyncedObjects() {
        SyncedRef ada = new SyncedRef(ObjectKind.USER, UUID.randomUUID(), "ada-id", "ada@contoso.com", false);
        SyncedRef gone = new SyncedRef(ObjectKind.USER, UUID.randomUUID(), "gone-id", "gone@contoso.com", true);
        SyncedRef team = new SyncedRef(ObjectKind.GROUP, UUID.randomUUID(), "team-id", "Team", false);
        Map<String, SyncedRef> byKey = Map.of("cn=ada", ada, "cn=gone", gone, "cn=team", team);

        Set<Member> members = SyncPlanner.members(
                List.of("cn=ada", "cn=gone", "cn=team", "cn=outside"), key -> Optional.ofNullable(byKey.get(key)));

        assertThat(members)
                .containsExactlyInAnyOrder(Member.user(new UserId(ada.id())), Member.group(new GroupId(team.id())));
    }

    @Test
    void objectsOutOfScopeAreDeletedUsersFirst() {
        SyncedRef ada = new SyncedRef(ObjectKind.USER, UUID.randomUUID(), "ada-id", "ada@contoso.com", false);
        SyncedRef team = new SyncedRef(ObjectKind.GROUP, UUID.randomUUID(), "team-id", "Team", false);
        SyncedRef stays = new SyncedRef(ObjectKind.USER, UUID.randomUUID(), "grace-id", "grace@contoso.com", false);
        SyncedRef alreadyDeleted = new SyncedRef(ObjectKind.USER, UUID.randomUUID(), "old-id", "old@contoso.com", true);

        SyncPlanner.DeletionPlan plan = SyncPlanner.deletions(
                List.of(team, ada, stays, alreadyDeleted),
                ref -> ref.immutableId().equals("grace-id"),
                500);

        assertThat(plan.deletions()).extracting(PendingDeletion::immutableId).containsExactly("ada-id", "team-id");
        assertThat(plan.blocked()).isFalse();
    }

    @Test
    void moreDeletionsThanTheThresholdBlockTheRun() {
        List<SyncedRef> users = List.of(
                new SyncedRef(ObjectKind.USER, UUID.randomUUID(), "a", "a@contoso.com", false),
                new SyncedRef(ObjectKind.USER, UUID.randomUUID(), "b", "b@contoso.com", false),
                new SyncedRef(ObjectKind.USER, UUID.randomUUID(), "c", "c@contoso.com", false));

        assertThat(SyncPlanner.deletions(users, ref -> false, 3).blocked()).isFalse();
        assertThat(SyncPlanner.deletions(users, ref -> false, 2).blocked()).isTrue();
        assertThat(SyncPlanner.deletions(users, ref -> false, 0).blocked()).isTrue();
        assertThat(SyncPlanner.deletions(users, ref -> true, 0).blocked()).isFalse();
    }

    private static SyncedUser synced(String id, String name, String department) {
        Map<UserAttribute, Object> values = new LinkedHashMap<>();
        values.put(UserAttribute.USER_PRINCIPAL_NAME, name + "@contoso.com");
        values.put(UserAttribute.DISPLAY_NAME, name);
        values.put(UserAttribute.DEPARTMENT, department);
        values.put(UserAttribute.ACCOUNT_ENABLED, true);
        return new SyncedUser(id, name, values);
    }

    private static User existing(String id, String name, String department) {
        return User.builder(UserId.random(), name + "@contoso.com", NOW)
                .displayName(name)
                .department(department)
                .onPremises(id, name)
                .onPremisesUserPrincipalName(name + "@contoso.com")
                .build();
    }

    private static Mapped<SyncedUser> mapped(SyncedUser user) {
        return new Mapped<>(ObjectKind.USER, "CN=" + user.samAccountName(), user.immutableId(), Outcome.done(user));
    }

    private static Mapped<SyncedGroup> mappedGroup(SyncedGroup group) {
        return new Mapped<>(ObjectKind.GROUP, "CN=group", group.immutableId(), Outcome.done(group));
    }

    private static Map<GroupAttribute, Object> values(GroupAttribute attribute, Object value) {
        Map<GroupAttribute, Object> values = new LinkedHashMap<>();
        values.put(attribute, value);
        return values;
    }
}
