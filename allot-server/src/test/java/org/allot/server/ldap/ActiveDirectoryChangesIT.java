package org.allot.server.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.allot.core.Actor;
import org.allot.core.audit.Activity;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.TenantPolicy;
import org.allot.core.directory.User;
import org.allot.core.sync.PendingDeletion;
import org.allot.core.sync.SyncCounts;
import org.allot.core.sync.SyncMode;
import org.allot.core.sync.SyncRun;
import org.allot.core.sync.SyncRunState;
import org.allot.core.testing.TestCatalog;
import org.junit.jupiter.api.Test;

/**
 * Directory sync from the Active-Directory-shaped tree after its first run: delta runs that follow what changed (new,
 * renamed, moved, changed, disabled and deleted objects; new members of a licensed group licensed), a run that would
 * delete more than the tenant's threshold waiting for an administrator, and a domain controller going down mid-run.
 */
class ActiveDirectoryChangesIT extends ActiveDirectorySyncFixture {
    @Test
    void aDeltaSyncPicksUpNewRenamedMovedChangedDisabledAndDeletedObjects() throws Exception {
        allot.connect(connector());
        allot.run();
        User grace = allot.synced("grace.hopper@contoso.com");
        User katherine = allot.synced("katherine.johnson@contoso.com");
        String mary = newEngineer("3q2+7wAAAAAAAAAAAAAAAQ==");
        directory.addValue("CN=Engineering," + GROUPS, "member", mary);
        directory.rename("CN=Grace Hopper," + ENGINEERING, "CN=Grace Brewster Hopper", SALES);
        directory.replace("CN=Grace Brewster Hopper," + SALES, "displayName", "Grace Brewster Hopper");
        directory.replace("CN=Grace Brewster Hopper," + SALES, "userPrincipalName", "grace.b.hopper@contoso.com");
        directory.replace("CN=Ada Lovelace," + ENGINEERING, "title", "Lead Analyst");
        directory.replace("CN=Joan Clarke," + SALES, "userAccountControl", "514");
        directory.addValue("CN=Sales," + GROUPS, "member", "CN=Ada Lovelace," + ENGINEERING);
        directory.rename(
                "CN=Katherine Johnson," + SALES, "CN=Katherine Johnson", "OU=Service Accounts,DC=contoso,DC=com");
        directory.delete("CN=Staff 0001,OU=Bulk," + STAFF);

        SyncRun delta = allot.run();

        assertThat(delta.mode()).isEqualTo(SyncMode.DELTA);
        assertThat(delta.state()).isEqualTo(SyncRunState.SUCCEEDED);
        assertThat(delta.counts()).isEqualTo(new SyncCounts(1, 5, 2, 0, 0));
        User maryJackson = allot.synced("mary.jackson@contoso.com");
        assertThat(maryJackson.onPremisesImmutableId()).isEqualTo("3q2+7wAAAAAAAAAAAAAAAQ==");
        assertThat(allot.isMember("Engineering", maryJackson.id())).isTrue();
        User renamed = allot.synced("grace.b.hopper@contoso.com");
        assertThat(renamed.id()).as("followed by objectGUID, not by name").isEqualTo(grace.id());
        assertThat(renamed.displayName()).isEqualTo("Grace Brewster Hopper");
        assertThat(allot.user("grace.hopper@contoso.com")).isEmpty();
        assertThat(allot.isMember("Engineering", grace.id())).isTrue();
        assertThat(allot.synced("ada.lovelace@contoso.com").jobTitle()).isEqualTo("Lead Analyst");
        assertThat(allot.synced("joan.clarke@contoso.com").accountEnabled()).isFalse();
        String initial =
                allot.allot.tenantDirectory().find(allot.tenant).orElseThrow().initialDomain();
        assertThat(allot.members("Sales"))
                .as("Katherine left the scope: she keeps her membership while deleted")
                .containsExactlyInAnyOrder(
                        "joan.clarke@contoso.com",
                        "ada.lovelace@contoso.com",
                        "katherine.johnson@contoso.com",
                        "noprincipal@" + initial,
                        "contractor@" + initial);
        assertThat(allot.allot
                        .users()
                        .find(allot.tenant, katherine.id())
                        .orElseThrow()
                        .isDeleted())
                .isTrue();
        assertThat(allot.synced("staff0001@contoso.com").isDeleted()).isTrue();
        assertThat(allot.synced("staff0002@contoso.com").isDeleted()).isFalse();
        assertThat(allot.syncedUsers()).isEqualTo(1607 + 1 - 2);
    }

    @Test
    void aDeltaFindsDeletedUsersInTheDeletedObjectsContainerWithoutListingTheScope() throws Exception {
        allot.connect(connector());
        allot.run();
        int before = directory.emulation().searches().size();
        directory.delete("CN=Staff 0001,OU=Bulk," + STAFF);
        directory.replace("CN=Ada Lovelace," + ENGINEERING, "title", "Lead Analyst");

        SyncRun delta = allot.run();

        assertThat(delta.mode()).isEqualTo(SyncMode.DELTA);
        assertThat(delta.state()).isEqualTo(SyncRunState.SUCCEEDED);
        assertThat(delta.counts()).isEqualTo(new SyncCounts(0, 1, 1, 0, 0));
        assertThat(delta.message()).as("deletions were checked").isNull();
        assertThat(allot.synced("staff0001@contoso.com").isDeleted()).isTrue();
        assertThat(allot.synced("staff0002@contoso.com").isDeleted()).isFalse();
        List<String> searches = directory.emulation().searches();
        assertThat(searches.subList(before, searches.size()))
                .as("no census: every subtree search of the delta is bounded by uSNChanged")
                .filteredOn(s -> s.startsWith("subtree "))
                .isNotEmpty()
                .allMatch(s -> s.contains("uSNChanged"));
    }

    @Test
    void aDeltaFindsTheGroupsOfUsersEnteringTheScopeFromTheirMemberOfWithoutSearchingGroupsByMember() throws Exception {
        directory.rename("CN=Ada Lovelace," + ENGINEERING, "CN=Ada Lovelace", "OU=Service Accounts,DC=contoso,DC=com");
        allot.connect(connector());
        allot.run();
        assertThat(allot.user("ada.lovelace@contoso.com")).isEmpty();
        int before = directory.emulation().searches().size();
        directory.rename("CN=Ada Lovelace,OU=Service Accounts,DC=contoso,DC=com", "CN=Ada Lovelace", ENGINEERING);
        String mary = newEngineer("3q2+7wAAAAAAAAAAAAAAAw==");

        SyncRun delta = allot.run();

        assertThat(delta.mode()).isEqualTo(SyncMode.DELTA);
        assertThat(delta.counts()).isEqualTo(new SyncCounts(2, 0, 0, 0, 0));
        User ada = allot.synced("ada.lovelace@contoso.com");
        assertThat(allot.isMember("Engineering", ada.id()))
                .as("Engineering did not change: it listed Ada while she was out of the scope")
                .isTrue();
        assertThat(allot.isMember("Newsletter", ada.id())).isTrue();
        assertThat(allot.isMember(
                        "Engineering", allot.synced("mary.jackson@contoso.com").id()))
                .as("in no group: " + mary)
                .isFalse();
        List<String> searches = directory.emulation().searches();
        assertThat(searches.subList(before, searches.size()))
                .as("the groups are read from the users' memberOf, each once by name")
                .noneMatch(s -> s.contains("(member="))
                .filteredOn(s -> s.startsWith("base ") && s.contains("objectClass=group"))
                .hasSize(2);
    }

    @Test
    void aLicensedSyncedGroupLicensesNewMembersInTheTenantDefaultLocation() throws Exception {
        allot.connect(connector());
        allot.run();
        allot.contoso.subscribe(TestCatalog.E3, 10);
        GroupId engineering = allot.groupId("Engineering");
        allot.contoso.licenseGroup(engineering, TestCatalog.E3).value();
        assertThat(allot.contoso.heldSkus(
                        allot.synced("ada.lovelace@contoso.com").id()))
                .containsExactly(TestCatalog.E3.skuId());
        String mary = newEngineer("3q2+7wAAAAAAAAAAAAAAAg==");
        directory.addValue("CN=Engineering," + GROUPS, "member", mary);

        allot.run();

        User synced = allot.synced("mary.jackson@contoso.com");
        assertThat(synced.usageLocation()).isNull();
        assertThat(allot.contoso
                        .inherited(synced.id(), TestCatalog.E3, engineering)
                        .holdsSeat())
                .isTrue();
        assertThat(allot.contoso.auditEvents())
                .filteredOn(e -> e.activity() == Activity.CHANGE_USER_LICENSE
                        && e.target().id().equals(synced.id().toString()))
                .singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(Actor.GROUP_BASED_LICENSING));

        directory.removeValue("CN=Engineering," + GROUPS, "member", mary);
        allot.run();

        assertThat(allot.contoso.heldSkus(synced.id())).isEmpty();
    }

    @Test
    void aRunThatWouldDeleteMoreThanTheThresholdDeletesNothingUntilAnAdministratorConfirms() throws Exception {
        allot.contoso.withPolicy(new TenantPolicy(TenantPolicy.DEFAULT.guestLicensing(), true, 30, 5));
        allot.connect(connector());
        allot.run();
        for (int i = 1; i <= 10; i++) {
            directory.delete(String.format("CN=Staff %04d,OU=Bulk,%s", i, STAFF));
        }

        SyncRun blocked = allot.run();

        assertThat(blocked.state()).isEqualTo(SyncRunState.BLOCKED);
        assertThat(blocked.pendingDeletions()).isEqualTo(10);
        assertThat(blocked.counts().deleted()).isZero();
        assertThat(blocked.message()).contains("more than the tenant's threshold of 5");
        assertThat(allot.synced("staff0001@contoso.com").isDeleted()).isFalse();
        assertThat(allot.sync.pendingDeletions(allot.tenant, blocked.id(), 100))
                .extracting(PendingDeletion::displayName)
                .contains("staff0001@contoso.com", "staff0010@contoso.com")
                .hasSize(10);

        SyncRun confirmed =
                allot.sync.confirm(allot.contoso.admin, blocked.id()).value();

        assertThat(confirmed.state()).isEqualTo(SyncRunState.CONFIRMED);
        assertThat(confirmed.counts().deleted()).isEqualTo(10);
        assertThat(allot.synced("staff0001@contoso.com").isDeleted()).isTrue();
        assertThat(allot.synced("staff0011@contoso.com").isDeleted()).isFalse();
        assertThat(allot.contoso.auditEvents())
                .filteredOn(e -> e.activity() == Activity.CONFIRM_SYNC_DELETIONS)
                .singleElement()
                .satisfies(e -> assertThat(e.actor().displayName()).isEqualTo("admin@contoso.com"));
        assertThat(allot.run().state()).isEqualTo(SyncRunState.SUCCEEDED);
    }

    @Test
    void aDomainControllerGoingDownMidRunDeletesNothingAndTheNextRunCompletesTheWork() throws Exception {
        allot.connect(connector());
        allot.run();
        directory.delete("CN=Staff 0002,OU=Bulk," + STAFF);
        directory.replace("CN=Ada Lovelace," + ENGINEERING, "title", "Lead Analyst");
        directory.addValue("CN=Sales," + GROUPS, "member", "CN=Ada Lovelace," + ENGINEERING);
        directory
                .emulation()
                .goDownOn(search -> search.getFilter().toString().contains("objectClass=group")
                        && search.getFilter().toString().contains("uSNChanged")
                        && !search.hasControl(DeletedObjects.SHOW_DELETED));

        SyncRun failed = allot.run();

        assertThat(failed.state()).isEqualTo(SyncRunState.FAILED);
        assertThat(failed.message()).contains("Nothing was deleted");
        assertThat(allot.synced("staff0002@contoso.com").isDeleted()).isFalse();
        assertThat(allot.synced("ada.lovelace@contoso.com").jobTitle())
                .as("the users read before the failure were committed")
                .isEqualTo("Lead Analyst");
        assertThat(allot.members("Sales")).doesNotContain("ada.lovelace@contoso.com");

        directory.emulation().awaitShutdown();
        assertThat(allot.run().state()).as("still down").isEqualTo(SyncRunState.FAILED);
        directory.start();
        SyncRun next = allot.run();

        assertThat(next.state()).isEqualTo(SyncRunState.SUCCEEDED);
        assertThat(next.mode()).isEqualTo(SyncMode.DELTA);
        assertThat(allot.synced("staff0002@contoso.com").isDeleted()).isTrue();
        assertThat(allot.members("Sales")).contains("ada.lovelace@contoso.com");
        assertThat(next.counts().deleted()).isEqualTo(1);
    }

    @Test
    void anAccountDeletedAndCreatedAgainWithTheSameNameBeforeADeltaSyncsInThatDelta() throws Exception {
        allot.connect(connector());
        allot.run();
        User before = allot.synced("ada.lovelace@contoso.com");
        String ada = "CN=Ada Lovelace," + ENGINEERING;
        directory.delete(ada);
        directory.add(
                "dn: " + ada,
                "objectClass: top",
                "objectClass: person",
                "objectClass: organizationalPerson",
                "objectClass: user",
                "cn: Ada Lovelace",
                "sn: Lovelace",
                "displayName: Ada Lovelace",
                "objectGUID:: 3q2+7wAAAAAAAAAAAAAAAw==",
                "sAMAccountName: ada",
                "userPrincipalName: ada.lovelace@contoso.com",
                "userAccountControl: 512");
        directory.addValue("CN=Sales," + GROUPS, "member", ada);

        SyncRun delta = allot.run();

        assertThat(delta.mode()).isEqualTo(SyncMode.DELTA);
        assertThat(allot.sync.errors(allot.tenant, delta.id(), 10))
                .as("the old account gives its name up in the run that deletes it")
                .isEmpty();
        assertThat(delta.counts().added()).isEqualTo(1);
        assertThat(delta.counts().deleted()).isEqualTo(1);
        User recreated = allot.synced("ada.lovelace@contoso.com");
        assertThat(recreated.id()).isNotEqualTo(before.id());
        assertThat(recreated.onPremisesImmutableId()).isEqualTo("3q2+7wAAAAAAAAAAAAAAAw==");
        assertThat(allot.isMember("Sales", recreated.id())).isTrue();
        User recycled = allot.allot.users().find(allot.tenant, before.id()).orElseThrow();
        assertThat(recycled.isDeleted()).isTrue();
        assertThat(recycled.userPrincipalName())
                .isEqualTo(before.id().value().toString().replace("-", "") + "ada.lovelace@contoso.com");
        assertThat(allot.run().counts().errors()).isZero();
    }

    /** Adds Mary Jackson to the Engineering OU (not to any group yet); returns her DN. */
    private String newEngineer(String objectGuid) throws Exception {
        String mary = "CN=Mary Jackson," + ENGINEERING;
        directory.add(
                "dn: " + mary,
                "objectClass: top",
                "objectClass: person",
                "objectClass: organizationalPerson",
                "objectClass: user",
                "cn: Mary Jackson",
                "sn: Jackson",
                "givenName: Mary",
                "displayName: Mary Jackson",
                "objectGUID:: " + objectGuid,
                "sAMAccountName: mary",
                "userPrincipalName: mary.jackson@contoso.com",
                "userAccountControl: 512",
                "department: Engineering");
        return mary;
    }
}
