package org.allot.server.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.allot.core.Actor;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.TenantPolicy;
import org.allot.core.directory.User;
import org.allot.core.sync.ConnectorRequest;
import org.allot.core.sync.PendingDeletion;
import org.allot.core.sync.SyncCounts;
import org.allot.core.sync.SyncError;
import org.allot.core.sync.SyncMode;
import org.allot.core.sync.SyncRun;
import org.allot.core.sync.SyncRunState;
import org.allot.core.testing.TestCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Directory sync from an Active-Directory-shaped tree (ldap/ad-contoso.ldif) served by the UnboundID in-memory
 * server with Active Directory's update sequence numbers and range retrieval emulated, into Allot on PostgreSQL.
 */
class ActiveDirectorySyncIT {
    private static final String STAFF = "OU=Staff,DC=contoso,DC=com";
    private static final String ENGINEERING = "OU=Engineering," + STAFF;
    private static final String SALES = "OU=Sales," + STAFF;
    private static final String GROUPS = "OU=Groups,DC=contoso,DC=com";

    private final TestDirectory directory = TestDirectory.activeDirectory();
    private final SyncTestbed allot = new SyncTestbed();

    @AfterEach
    void stopDirectory() {
        directory.close();
    }

    /** Staff and Groups: the computers and service accounts are out of scope. */
    private ConnectorRequest connector() {
        ConnectorRequest ad = SyncTestbed.activeDirectory(directory);
        return new ConnectorRequest(
                ad.preset(),
                ad.url(),
                false,
                null,
                ad.bindDn(),
                ad.password(),
                List.of(STAFF, GROUPS),
                null,
                null,
                Map.of(),
                true);
    }

    @Test
    void aFullSyncBringsUsersAndGroupsOverWithNoUsageLocationAndNoLicense() throws Exception {
        allot.connect(connector());

        SyncRun run = allot.run();

        assertThat(run.state()).isEqualTo(SyncRunState.SUCCEEDED);
        assertThat(run.mode()).isEqualTo(SyncMode.FULL);
        assertThat(run.counts()).isEqualTo(new SyncCounts(1605 + 4, 0, 0, 0, 2));
        assertThat(allot.syncedUsers()).isEqualTo(1605);

        User ada = allot.synced("ada.lovelace@contoso.com");
        assertThat(ada.onPremisesSyncEnabled()).isTrue();
        assertThat(ada.onPremisesImmutableId())
                .isEqualTo(directory.immutableId("CN=Ada Lovelace," + ENGINEERING))
                .isEqualTo("ByPfzdWYz1qUYc4ttCTbvA==");
        assertThat(ada.onPremisesSamAccountName()).isEqualTo("ada");
        assertThat(ada.displayName()).isEqualTo("Ada Lovelace");
        assertThat(ada.givenName()).isEqualTo("Ada");
        assertThat(ada.surname()).isEqualTo("Lovelace");
        assertThat(ada.mail()).isEqualTo("ada.lovelace@contoso.com");
        assertThat(ada.department()).isEqualTo("Engineering");
        assertThat(ada.jobTitle()).isEqualTo("Analyst");
        assertThat(ada.companyName()).isEqualTo("Contoso");
        assertThat(ada.city()).isEqualTo("London");
        assertThat(ada.country()).isEqualTo("GB");
        assertThat(ada.employeeId()).isEqualTo("E1815");
        assertThat(ada.accountEnabled()).isTrue();
        assertThat(ada.usageLocation()).isNull();
        assertThat(allot.contoso.heldSkus(ada.id())).isEmpty();
        assertThat(allot.synced("alan.turing@contoso.com").accountEnabled()).isFalse();
        assertThat(allot.synced("grace.hopper@contoso.com").accountEnabled()).isTrue();
        assertThat(allot.user("WKS-0042")).isEmpty();

        assertThat(allot.members("Engineering"))
                .containsExactlyInAnyOrder(
                        "ada.lovelace@contoso.com", "grace.hopper@contoso.com", "alan.turing@contoso.com");
        assertThat(allot.members("Sales"))
                .containsExactlyInAnyOrder("joan.clarke@contoso.com", "katherine.johnson@contoso.com");
        assertThat(allot.members("All Staff"))
                .as("1,600 staff read in ranges of 1,500, and two nested teams")
                .hasSize(1602)
                .contains("Engineering", "Sales", "staff0001@contoso.com", "staff1600@contoso.com");
        assertThat(allot.group("All Staff").orElseThrow().onPremisesSyncEnabled())
                .isTrue();
        assertThat(allot.group("All Staff").orElseThrow().description())
                .isEqualTo("Nested teams and the whole bulk OU");
        assertThat(allot.group("Newsletter").orElseThrow().securityEnabled()).isFalse();

        List<SyncError> errors = allot.sync.errors(allot.tenant, run.id(), 10);
        assertThat(errors)
                .extracting(SyncError::object)
                .containsExactlyInAnyOrder("CN=No Principal," + SALES, "CN=Fabrikam Contractor," + SALES);
        assertThat(errors).extracting(SyncError::message).anySatisfy(m -> assertThat(m)
                .contains("no userPrincipalName"));
        assertThat(errors).extracting(SyncError::message).anySatisfy(m -> assertThat(m)
                .contains("verified domain"));

        List<AuditEvent> audit = allot.contoso.auditEvents();
        assertThat(audit)
                .filteredOn(e -> e.activity() == Activity.ADD_USER)
                .hasSize(1605)
                .allSatisfy(e -> assertThat(e.actor()).isEqualTo(Actor.DIRECTORY_SYNC));
        assertThat(audit)
                .filteredOn(e -> e.activity() == Activity.FINISH_DIRECTORY_SYNC)
                .singleElement()
                .satisfies(e -> assertThat(e.actor().displayName()).isEqualTo("directory sync"));
    }

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
        assertThat(delta.counts()).isEqualTo(new SyncCounts(1, 5, 2, 0, 2));
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
        assertThat(allot.members("Sales"))
                .as("Katherine left the scope: she keeps her membership while deleted")
                .containsExactlyInAnyOrder(
                        "joan.clarke@contoso.com", "ada.lovelace@contoso.com", "katherine.johnson@contoso.com");
        assertThat(allot.allot
                        .users()
                        .find(allot.tenant, katherine.id())
                        .orElseThrow()
                        .isDeleted())
                .isTrue();
        assertThat(allot.synced("staff0001@contoso.com").isDeleted()).isTrue();
        assertThat(allot.synced("staff0002@contoso.com").isDeleted()).isFalse();
        assertThat(allot.syncedUsers()).isEqualTo(1605 + 1 - 2);
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
    void aConsistencyGuidImmutableIdAnchorsUsersOnlyAndAUserWithoutOneKeepsItsObjectGuid() throws Exception {
        allot.connect(engineering(Map.of()));
        allot.run();
        allot.contoso.subscribe(TestCatalog.E3, 10);
        GroupId licensed = allot.groupId("Engineering");
        allot.contoso.licenseGroup(licensed, TestCatalog.E3).value();
        List<String> groups = List.of("Engineering", "Sales", "All Staff", "Newsletter");
        List<GroupId> before = groups.stream().map(allot::groupId).toList();
        User ada = allot.synced("ada.lovelace@contoso.com");
        for (String name : List.of("Grace Hopper", "Alan Turing")) {
            String dn = "CN=" + name + "," + ENGINEERING;
            directory.replaceBytes(
                    dn, "mS-DS-ConsistencyGuid", Base64.getDecoder().decode(directory.immutableId(dn)));
        }

        allot.connect(engineering(Map.of("onPremisesImmutableId", "mS-DS-ConsistencyGuid")));
        SyncRun run = allot.run();

        assertThat(run.state()).isEqualTo(SyncRunState.SUCCEEDED);
        assertThat(run.mode()).isEqualTo(SyncMode.FULL);
        assertThat(run.counts().deleted()).isZero();
        assertThat(run.counts().added()).isZero();
        assertThat(run.counts().errors()).isZero();
        assertThat(groups.stream().map(allot::groupId).toList())
                .as("groups keep their objectGUID and their ids")
                .isEqualTo(before);
        User after = allot.synced("ada.lovelace@contoso.com");
        assertThat(after.id()).isEqualTo(ada.id());
        assertThat(after.isDeleted()).isFalse();
        assertThat(after.onPremisesImmutableId()).isEqualTo(ada.onPremisesImmutableId());
        assertThat(allot.members("Engineering")).hasSize(3);
        assertThat(allot.contoso.usersHolding(TestCatalog.E3)).isEqualTo(3);
    }

    @Test
    void criticalSystemObjectsAndExcludedSubtreesAreLeftOut() throws Exception {
        directory.add(
                "dn: CN=Administrator," + STAFF,
                "objectClass: top",
                "objectClass: person",
                "objectClass: organizationalPerson",
                "objectClass: user",
                "cn: Administrator",
                "sn: Administrator",
                "objectGUID:: 3q2+7wAAAAAAAAAAAAAAAw==",
                "sAMAccountName: Administrator",
                "userPrincipalName: administrator@contoso.com",
                "userAccountControl: 512",
                "isCriticalSystemObject: TRUE");
        directory.add(
                "dn: CN=Domain Admins," + GROUPS,
                "objectClass: top",
                "objectClass: group",
                "cn: Domain Admins",
                "objectGUID:: 3q2+7wAAAAAAAAAAAAAABA==",
                "sAMAccountName: Domain Admins",
                "groupType: -2147483646",
                "isCriticalSystemObject: TRUE",
                "member: CN=Administrator," + STAFF,
                "member: CN=Ada Lovelace," + ENGINEERING);
        ConnectorRequest all = connector();
        allot.connect(new ConnectorRequest(
                all.preset(),
                all.url(),
                false,
                null,
                all.bindDn(),
                all.password(),
                all.baseDns(),
                null,
                null,
                Map.of(),
                true,
                List.of(SALES)));

        SyncRun run = allot.run();

        assertThat(run.state()).isEqualTo(SyncRunState.SUCCEEDED);
        assertThat(allot.user("administrator@contoso.com")).isEmpty();
        assertThat(allot.group("Domain Admins")).isEmpty();
        assertThat(allot.user("joan.clarke@contoso.com"))
                .as("in the excluded OU")
                .isEmpty();
        assertThat(allot.members("Sales"))
                .as("its members are all in the excluded OU")
                .isEmpty();
        assertThat(allot.synced("ada.lovelace@contoso.com").isDeleted()).isFalse();
        assertThat(run.counts().errors())
                .as("the two Sales people in error before are out of scope now")
                .isZero();

        allot.connect(connector());
        SyncRun back = allot.run();
        assertThat(back.mode()).as("the scope changed").isEqualTo(SyncMode.FULL);
        assertThat(allot.synced("joan.clarke@contoso.com").isDeleted()).isFalse();
        assertThat(allot.group("Domain Admins")).isEmpty();
    }

    @Test
    void anExcludedSubtreeMustLieUnderABaseDn() {
        ConnectorRequest all = connector();
        ConnectorRequest outside = new ConnectorRequest(
                all.preset(),
                all.url(),
                false,
                null,
                all.bindDn(),
                all.password(),
                List.of(STAFF),
                null,
                null,
                Map.of(),
                true,
                List.of(GROUPS));

        assertThat(allot.sync
                        .configure(allot.contoso.admin, outside)
                        .rejection()
                        .message())
                .contains("is not under any of the base DNs");
    }

    /** Engineering's three people and the groups. */
    private ConnectorRequest engineering(Map<String, String> mapping) {
        ConnectorRequest ad = SyncTestbed.activeDirectory(directory);
        return new ConnectorRequest(
                ad.preset(),
                ad.url(),
                false,
                null,
                ad.bindDn(),
                ad.password(),
                List.of(ENGINEERING, GROUPS),
                null,
                null,
                mapping,
                true);
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
                        && search.getFilter().toString().contains("uSNChanged"));

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
    void largeMemberListsAreReadSliceBySliceWhateverTheRangeSize() {
        directory.emulation().maxValRange(400);
        allot.connect(connector());

        allot.run();

        assertThat(allot.members("All Staff")).hasSize(1602);
    }

    @Test
    void syncedObjectsStayReadOnlyInAllot() {
        allot.connect(connector());
        allot.run();
        User ada = allot.synced("ada.lovelace@contoso.com");

        assertThat(allot.contoso
                        .update(ada.id(), org.allot.core.directory.UserAttribute.JOB_TITLE, "CEO")
                        .rejection()
                        .message())
                .contains("on-premises mastered");
        assertThat(allot.contoso
                        .leave(allot.groupId("Engineering"), ada.id())
                        .rejection()
                        .message())
                .contains("on-premises mastered");
        assertThat(allot.contoso
                        .update(ada.id(), org.allot.core.directory.UserAttribute.USAGE_LOCATION, "GB")
                        .isDone())
                .isTrue();
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
