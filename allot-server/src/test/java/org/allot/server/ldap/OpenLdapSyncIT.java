package org.allot.server.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.ModificationType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.TenantPolicy;
import org.allot.core.directory.User;
import org.allot.core.sync.ConnectorRequest;
import org.allot.core.sync.LicenseLoss;
import org.allot.core.sync.ObjectKind;
import org.allot.core.sync.PendingRemoval;
import org.allot.core.sync.PlannedChange;
import org.allot.core.sync.SyncMode;
import org.allot.core.sync.SyncRun;
import org.allot.core.sync.SyncRunState;
import org.allot.core.testing.TestCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Directory sync against a real OpenLDAP (Debian's slapd, see {@link Slapd}), with the generic LDAP preset:
 * inetOrgPerson users, groupOfNames groups, entryUUID ids. Each test has a subtree and a tenant of its own.
 */
class OpenLdapSyncIT {
    @RegisterExtension
    static final Slapd SLAPD = new Slapd();

    private static final int STAFF = 40;

    private final SyncTestbed allot = new SyncTestbed();
    private String base;

    @BeforeEach
    void populate() throws Exception {
        base = SLAPD.subtree("contoso");
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry("dn: ou=people," + base, "objectClass: organizationalUnit", "ou: people"));
        entries.add(new Entry("dn: ou=groups," + base, "objectClass: organizationalUnit", "ou: groups"));
        List<String> staff = new ArrayList<>();
        for (int i = 1; i <= STAFF; i++) {
            String uid = String.format("staff%03d", i);
            staff.add("member: uid=" + uid + ",ou=people," + base);
            entries.add(new Entry(
                    "dn: uid=" + uid + ",ou=people," + base,
                    "objectClass: inetOrgPerson",
                    "uid: " + uid,
                    "cn: Staff " + i,
                    "sn: Staff",
                    "mail: " + uid + "@contoso.com"));
        }
        List<String> licensed = new ArrayList<>(
                List.of("dn: cn=licensed,ou=groups," + base, "objectClass: groupOfNames", "cn: licensed"));
        licensed.addAll(staff);
        entries.add(new Entry(licensed.toArray(String[]::new)));
        entries.add(new Entry(
                "dn: cn=research,ou=groups," + base,
                "objectClass: groupOfNames",
                "cn: research",
                "description: The research lab",
                staff.get(0),
                staff.get(1)));
        SLAPD.addAll(entries);
    }

    private ConnectorRequest connector(Map<String, String> mapping) {
        return connector(mapping, false);
    }

    private ConnectorRequest connector(Map<String, String> mapping, boolean staging) {
        return new ConnectorRequest(
                "genericLdap",
                SLAPD.url(),
                false,
                null,
                Slapd.BIND_DN,
                Slapd.PASSWORD,
                List.of(base),
                null,
                null,
                mapping,
                true,
                null,
                null,
                staging);
    }

    @Test
    void inetOrgPersonsAndGroupsOfNamesComeOverFromSlapdWithTheirEntryUuid() throws Exception {
        allot.connect(connector(Map.of()));

        SyncRun run = allot.run();

        assertThat(run.state()).isEqualTo(SyncRunState.SUCCEEDED);
        assertThat(run.mode()).isEqualTo(SyncMode.FULL);
        assertThat(run.counts().added()).isEqualTo(STAFF + 2);
        assertThat(run.counts().errors()).isZero();
        assertThat(allot.synced("staff001@contoso.com").onPremisesImmutableId())
                .isEqualTo(SLAPD.entryUuid("uid=staff001,ou=people," + base));
        assertThat(allot.members("research")).containsExactlyInAnyOrder("staff001@contoso.com", "staff002@contoso.com");
        assertThat(allot.members("licensed")).hasSize(STAFF);
        assertThat(allot.group("research").orElseThrow().description()).isEqualTo("The research lab");
    }

    @Test
    void usersAnchoredOnAnotherAttributeLeaveGroupsOnTheirEntryUuidAndUsersWithoutItFallBackToIt() throws Exception {
        SLAPD.modify("uid=staff001,ou=people," + base, ModificationType.ADD, "employeeNumber", "1001");
        allot.connect(connector(Map.of("onPremisesImmutableId", "employeeNumber")));

        SyncRun run = allot.run();

        assertThat(run.state()).isEqualTo(SyncRunState.SUCCEEDED);
        assertThat(run.counts().errors()).isZero();
        assertThat(run.counts().added()).isEqualTo(STAFF + 2);
        assertThat(allot.synced("staff001@contoso.com").onPremisesImmutableId()).isEqualTo("1001");
        assertThat(allot.synced("staff002@contoso.com").onPremisesImmutableId())
                .isEqualTo(SLAPD.entryUuid("uid=staff002,ou=people," + base));
        assertThat(allot.group("licensed").orElseThrow().onPremisesImmutableId())
                .isEqualTo(SLAPD.entryUuid("cn=licensed,ou=groups," + base));
        assertThat(allot.members("licensed")).hasSize(STAFF);
        SLAPD.modify("uid=staff003,ou=people," + base, ModificationType.REPLACE, "cn", "Staff Three");
        SyncRun delta = allot.run();
        assertThat(delta.mode()).isEqualTo(SyncMode.DELTA);
        assertThat(delta.counts().deleted()).isZero();
        assertThat(delta.counts().errors()).isZero();
        assertThat(allot.members("licensed")).hasSize(STAFF);
    }

    @Test
    void switchingTheMemberAttributeToOneTheGroupsLackIsHeldWithAPreviewOfTheLicensesItWouldRemove() throws Exception {
        allot.contoso.withPolicy(TenantPolicy.DEFAULT.withSyncLicenseLossThreshold(10));
        allot.connect(connector(Map.of()));
        allot.run();
        allot.contoso.subscribe(TestCatalog.E3, 100);
        GroupId licensed = allot.groupId("licensed");
        allot.contoso.licenseGroup(licensed, TestCatalog.E3).value();
        assertThat(allot.contoso.usersHolding(TestCatalog.E3)).isEqualTo(STAFF);

        allot.connect(connector(Map.of("group.member", "uniqueMember")));
        SyncRun blocked = allot.run();

        assertThat(blocked.state()).isEqualTo(SyncRunState.BLOCKED);
        assertThat(blocked.pendingRemovals()).isEqualTo(STAFF);
        assertThat(blocked.usersLosingLicenses()).isEqualTo(STAFF);
        assertThat(blocked.message())
                .contains("40 users would lose a license, more than the tenant's threshold of 10 users");
        assertThat(allot.members("licensed")).hasSize(STAFF);
        assertThat(allot.members("research"))
                .as("a group that assigns no license loses its members at once")
                .isEmpty();
        assertThat(allot.contoso.usersHolding(TestCatalog.E3)).isEqualTo(STAFF);
        assertThat(allot.sync.licenseLosses(allot.tenant, blocked.id(), 100))
                .hasSize(STAFF)
                .first()
                .isEqualTo(new LicenseLoss(
                        allot.synced("staff001@contoso.com").id().value(),
                        "staff001@contoso.com",
                        TestCatalog.E3.skuPartNumber(),
                        "leaves licensed"));
        assertThat(allot.sync.pendingRemovals(allot.tenant, blocked.id(), 100))
                .hasSize(STAFF)
                .allSatisfy(r -> assertThat(r.groupName()).isEqualTo("licensed"))
                .extracting(PendingRemoval::memberKind)
                .containsOnly(ObjectKind.USER);

        SyncRun confirmed =
                allot.sync.confirm(allot.contoso.admin, blocked.id()).value();

        assertThat(confirmed.state()).isEqualTo(SyncRunState.CONFIRMED);
        assertThat(confirmed.message()).contains("40 memberships removed");
        assertThat(allot.members("licensed")).isEmpty();
        assertThat(allot.contoso.usersHolding(TestCatalog.E3)).isZero();
    }

    @Test
    void aBlockedReorganisationIsSupersededByTheNextRunOnceTheConnectorIsPutBack() throws Exception {
        allot.contoso.withPolicy(TenantPolicy.DEFAULT.withSyncLicenseLossThreshold(10));
        allot.connect(connector(Map.of()));
        allot.run();
        allot.contoso.subscribe(TestCatalog.E3, 100);
        allot.contoso.licenseGroup(allot.groupId("licensed"), TestCatalog.E3).value();
        // deltas that no longer read the unchanged entries: the groups last changed long before the watermark
        allot.allot.clock().advance(Duration.ofMinutes(30));
        allot.run();
        allot.allot.clock().advance(Duration.ofMinutes(30));
        assertThat(allot.run().counts().unchanged()).isZero();
        allot.connect(connector(Map.of("group.member", "uniqueMember")));
        SyncRun blocked = allot.run();
        assertThat(blocked.state()).isEqualTo(SyncRunState.BLOCKED);
        assertThat(allot.members("research"))
                .as("a group that assigns no license loses its members at once")
                .isEmpty();

        allot.connect(connector(Map.of()));
        SyncRun next = allot.run();

        assertThat(next.state()).isEqualTo(SyncRunState.SUCCEEDED);
        assertThat(next.mode())
                .as("the blocked run applied part of the change: the groups it emptied are read again")
                .isEqualTo(SyncMode.FULL);
        assertThat(allot.members("research")).containsExactlyInAnyOrder("staff001@contoso.com", "staff002@contoso.com");
        assertThat(allot.sync.run(allot.tenant, blocked.id()).orElseThrow().state())
                .isEqualTo(SyncRunState.SUPERSEDED);
        assertThat(allot.members("licensed")).hasSize(STAFF);
        assertThat(allot.contoso.usersHolding(TestCatalog.E3)).isEqualTo(STAFF);
    }

    @Test
    void slapdEntriesGiveTheirDnAndDomainAndAMappedAttributeServesAsAnExtensionAttributeInRules() throws Exception {
        SLAPD.modify("uid=staff001,ou=people," + base, ModificationType.ADD, "employeeType", "Contractor");
        allot.contoso.subscribe(TestCatalog.E3, 10);
        GroupId contractors = allot.contoso
                .aGroup("Contractors")
                .withRule("user.extensionAttribute1 -eq \"Contractor\"")
                .licensedWith(TestCatalog.E3)
                .create();
        allot.connect(connector(Map.of("extensionAttribute1", "employeeType")));

        allot.run();
        allot.contoso.runJobs();

        User staff = allot.synced("staff001@contoso.com");
        assertThat(staff.onPremises().distinguishedName()).isEqualToIgnoringCase("uid=staff001,ou=people," + base);
        assertThat(staff.onPremises().domainName()).isEqualTo("contoso.com");
        assertThat(staff.onPremises().securityIdentifier())
                .as("generic LDAP has no objectSid")
                .isNull();
        assertThat(staff.onPremises().lastSyncDateTime()).isNotNull();
        assertThat(staff.extensionAttributes().get(1)).isEqualTo("Contractor");
        assertThat(allot.contoso.membersOf(contractors)).containsExactly(staff.id());
        assertThat(allot.contoso.heldSkus(staff.id())).containsExactly(TestCatalog.E3.skuId());
        assertThat(allot.group("research").orElseThrow().onPremises().domainName())
                .isEqualTo("contoso.com");
    }

    @Test
    void aPreviewOfSwitchingTheMemberAttributeToUniqueMemberShowsTheLicensesItWouldTakeAndChangesNothing()
            throws Exception {
        allot.connect(connector(Map.of()));
        allot.run();
        allot.contoso.subscribe(TestCatalog.E3, 100);
        allot.contoso.licenseGroup(allot.groupId("licensed"), TestCatalog.E3).value();
        assertThat(allot.contoso.usersHolding(TestCatalog.E3)).isEqualTo(STAFF);

        SyncRun preview = allot.sync
                .preview(allot.contoso.admin, connector(Map.of("group.member", "uniqueMember")))
                .value();

        assertThat(preview.state()).isEqualTo(SyncRunState.PREVIEW);
        assertThat(preview.pendingRemovals())
                .as("the licensed group's members, and research's two")
                .isEqualTo(STAFF + 2);
        assertThat(preview.usersLosingLicenses()).isEqualTo(STAFF);
        assertThat(preview.pendingDeletions()).isZero();
        assertThat(preview.message())
                .contains("nothing was applied")
                .contains("remove 40 memberships of licensed groups (and 2 of groups that give no license) and take a"
                        + " license from 40 users");
        assertThat(allot.sync.licenseLosses(allot.tenant, preview.id(), 100))
                .hasSize(STAFF)
                .extracting(LicenseLoss::cause)
                .containsOnly("leaves licensed");
        assertThat(allot.contoso.usersHolding(TestCatalog.E3))
                .as("seats unchanged")
                .isEqualTo(STAFF);
        assertThat(allot.members("licensed")).hasSize(STAFF);
        assertThat(allot.members("research"))
                .as("unlike a run, a preview empties no group, licensed or not")
                .hasSize(2);
        assertThat(allot.sync.connector(allot.tenant).orElseThrow().settings().mappingOverrides())
                .isEmpty();
        assertThat(allot.sync.runs(allot.tenant, 10))
                .extracting(SyncRun::state)
                .containsExactly(SyncRunState.PREVIEW, SyncRunState.SUCCEEDED);
        SyncRun next = allot.run();
        assertThat(next.mode())
                .as("the preview left the checkpoint where the last run put it")
                .isEqualTo(SyncMode.DELTA);
        assertThat(next.state()).isEqualTo(SyncRunState.SUCCEEDED);
        assertThat(allot.contoso.usersHolding(TestCatalog.E3)).isEqualTo(STAFF);
    }

    @Test
    void aStagingConnectorsRunReportsTheLicensesItWouldTakeAndAppliesNothingUntilStagingIsSwitchedOff()
            throws Exception {
        allot.connect(connector(Map.of()));
        allot.run();
        allot.contoso.subscribe(TestCatalog.E3, 100);
        allot.contoso.licenseGroup(allot.groupId("licensed"), TestCatalog.E3).value();
        allot.connect(connector(Map.of("group.member", "uniqueMember"), true));
        SLAPD.addAll(List.of(new Entry(
                "dn: uid=newcomer,ou=people," + base,
                "objectClass: inetOrgPerson",
                "uid: newcomer",
                "cn: Newcomer",
                "sn: Newcomer",
                "mail: newcomer@contoso.com")));

        SyncRun staged = allot.run();

        assertThat(staged.state()).isEqualTo(SyncRunState.STAGED);
        assertThat(staged.counts().added()).isEqualTo(1);
        assertThat(staged.pendingRemovals()).isEqualTo(STAFF + 2);
        assertThat(staged.usersLosingLicenses()).isEqualTo(STAFF);
        assertThat(allot.sync.plannedChanges(allot.tenant, staged.id(), 10))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.action()).isEqualTo(PlannedChange.Action.ADD);
                    assertThat(c.name()).isEqualTo("newcomer@contoso.com");
                    assertThat(c.distinguishedName()).isEqualTo("uid=newcomer,ou=people," + base);
                });
        assertThat(allot.user("newcomer@contoso.com")).isEmpty();
        assertThat(allot.members("licensed")).hasSize(STAFF);
        assertThat(allot.members("research")).hasSize(2);
        assertThat(allot.contoso.usersHolding(TestCatalog.E3)).isEqualTo(STAFF);

        allot.connect(connector(Map.of("group.member", "uniqueMember"), false));
        SyncRun applied = allot.run();

        assertThat(applied.state())
                .as("40 users losing a license is under the default threshold of 500")
                .isEqualTo(SyncRunState.SUCCEEDED);
        assertThat(allot.user("newcomer@contoso.com")).isPresent();
        assertThat(allot.members("licensed")).isEmpty();
        assertThat(allot.contoso.usersHolding(TestCatalog.E3)).isZero();
    }
}
