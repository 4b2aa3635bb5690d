package org.allot.server.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.ModificationType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.allot.core.directory.TenantPolicy;
import org.allot.core.sync.ConnectorRequest;
import org.allot.core.sync.ObjectKind;
import org.allot.core.sync.SyncError;
import org.allot.core.sync.SyncMode;
import org.allot.core.sync.SyncRun;
import org.allot.core.sync.SyncRunState;
import org.allot.core.testing.TestCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Groups of a real OpenLDAP (see {@link Slapd}) beyond groupOfNames: posixGroups, whose {@code memberUid} names users
 * by {@code uid}; several member attributes at once; and member values left dangling by a rename the directory did
 * not carry into its groups (slapd without the refint overlay).
 */
class OpenLdapGroupsIT {
    @RegisterExtension
    static final Slapd SLAPD = new Slapd();

    private static final String EVERY_KIND =
            "(|(objectClass=groupOfNames)(objectClass=groupOfUniqueNames)(objectClass=posixGroup))";

    private final SyncTestbed allot = new SyncTestbed();
    private String base;

    @BeforeEach
    void populate() throws Exception {
        base = SLAPD.subtree("groups");
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry("dn: ou=people," + base, "objectClass: organizationalUnit", "ou: people"));
        entries.add(new Entry("dn: ou=groups," + base, "objectClass: organizationalUnit", "ou: groups"));
        entries.add(new Entry("dn: ou=devices," + base, "objectClass: organizationalUnit", "ou: devices"));
        for (int i = 1; i <= 5; i++) {
            String uid = "staff00" + i;
            entries.add(new Entry(
                    "dn: uid=" + uid + "," + people(),
                    "objectClass: inetOrgPerson",
                    "uid: " + uid,
                    "cn: Staff " + i,
                    "sn: Staff",
                    "mail: " + uid + "@contoso.com"));
        }
        entries.add(new Entry("dn: cn=printer,ou=devices," + base, "objectClass: device", "cn: printer"));
        entries.add(new Entry(
                "dn: cn=unix-users,ou=groups," + base,
                "objectClass: posixGroup",
                "cn: unix-users",
                "gidNumber: 5000",
                "memberUid: staff001",
                "memberUid: STAFF002",
                "memberUid: staff003"));
        entries.add(new Entry(
                "dn: cn=engineering,ou=groups," + base,
                "objectClass: groupOfUniqueNames",
                "cn: engineering",
                "uniqueMember: uid=staff004," + people(),
                "uniqueMember: uid=staff005," + people() + "#'0101'B"));
        entries.add(new Entry(
                "dn: cn=licensed,ou=groups," + base,
                "objectClass: groupOfNames",
                "cn: licensed",
                "member: uid=staff001," + people(),
                "member: uid=staff002," + people(),
                "member: uid=staff003," + people(),
                "member: cn=printer,ou=devices," + base));
        SLAPD.addAll(entries);
    }

    private String people() {
        return "ou=people," + base;
    }

    private ConnectorRequest connector(String memberAttributes) {
        return new ConnectorRequest(
                "genericLdap",
                SLAPD.url(),
                false,
                null,
                Slapd.BIND_DN,
                Slapd.PASSWORD,
                List.of(base),
                null,
                EVERY_KIND,
                Map.of("group.member", memberAttributes),
                true);
    }

    @Test
    void posixGroupMembersNamedByUidGetTheLicenseOfTheGroup() throws Exception {
        allot.connect(connector("member, memberUid:uid"));

        SyncRun run = allot.run();

        assertThat(run.state()).isEqualTo(SyncRunState.SUCCEEDED);
        assertThat(run.counts().errors()).isZero();
        assertThat(allot.members("unix-users"))
                .containsExactlyInAnyOrder("staff001@contoso.com", "staff002@contoso.com", "staff003@contoso.com");
        allot.contoso.subscribe(TestCatalog.E3, 10);
        allot.contoso.licenseGroup(allot.groupId("unix-users"), TestCatalog.E3).value();
        assertThat(allot.contoso.usersHolding(TestCatalog.E3)).isEqualTo(3);

        SLAPD.modify("cn=unix-users,ou=groups," + base, ModificationType.DELETE, "memberUid", "staff003");
        SLAPD.add(
                "dn: uid=staff006," + people(),
                "objectClass: inetOrgPerson",
                "uid: staff006",
                "cn: Staff 6",
                "sn: Staff",
                "mail: staff006@contoso.com");
        SyncRun delta = allot.run();

        assertThat(delta.mode()).isEqualTo(SyncMode.DELTA);
        assertThat(delta.counts().errors()).isZero();
        assertThat(allot.members("unix-users"))
                .containsExactlyInAnyOrder("staff001@contoso.com", "staff002@contoso.com");
        assertThat(allot.contoso.usersHolding(TestCatalog.E3)).isEqualTo(2);
    }

    @Test
    void aPosixGroupMemberMovedOutOfTheBaseDnsIsOutOfScopeNotDangling() throws Exception {
        allot.connect(connector("memberUid:uid"));
        allot.run();
        String archive = SLAPD.subtree("archive");

        SLAPD.move("uid=staff003," + people(), archive);
        SLAPD.modify("cn=unix-users,ou=groups," + base, ModificationType.DELETE, "memberUid", "STAFF002");
        SyncRun run = allot.run();

        assertThat(allot.sync.errors(allot.tenant, run.id(), 10))
                .as("staff003 exists, outside the base DNs, as a member named by DN would")
                .isEmpty();
        assertThat(run.counts().deleted()).isEqualTo(1);
        assertThat(allot.members("unix-users"))
                .as("the group is not frozen by a value taken for dangling: staff002 leaves it")
                .contains("staff001@contoso.com")
                .doesNotContain("staff002@contoso.com");
    }

    @Test
    void aNewUserAlreadyNamedByAPosixGroupJoinsItInTheDeltaThatAddsIt() throws Exception {
        SLAPD.modify("cn=unix-users,ou=groups," + base, ModificationType.ADD, "memberUid", "staff009");
        allot.connect(connector("memberUid:uid"));
        SyncRun full = allot.run();
        assertThat(allot.sync.errors(allot.tenant, full.id(), 10))
                .extracting(SyncError::message)
                .singleElement()
                .asString()
                .startsWith("1 member value names no entry of the directory: staff009");

        SLAPD.add(
                "dn: uid=staff009," + people(),
                "objectClass: inetOrgPerson",
                "uid: staff009",
                "cn: Staff 9",
                "sn: Staff",
                "mail: staff009@contoso.com");
        SyncRun delta = allot.run();

        assertThat(delta.mode()).isEqualTo(SyncMode.DELTA);
        assertThat(delta.counts().errors()).isZero();
        assertThat(allot.members("unix-users")).contains("staff009@contoso.com").hasSize(4);
    }

    @Test
    void everyMemberAttributeIsReadAndUniqueMembersLoseTheirOptionalUid() throws Exception {
        allot.connect(connector("member, uniqueMember"));

        SyncRun run = allot.run();

        assertThat(run.state()).isEqualTo(SyncRunState.SUCCEEDED);
        assertThat(run.counts().errors())
                .as("the printer exists, outside the scope: no error")
                .isZero();
        assertThat(allot.members("engineering"))
                .containsExactlyInAnyOrder("staff004@contoso.com", "staff005@contoso.com");
        assertThat(allot.members("licensed"))
                .containsExactlyInAnyOrder("staff001@contoso.com", "staff002@contoso.com", "staff003@contoso.com");
        assertThat(allot.members("unix-users")).as("memberUid is not read").isEmpty();
    }

    @Test
    void aMemberRenamedWithoutTheGroupBeingUpdatedIsReportedAndTheGroupKeepsItsMembers() throws Exception {
        allot.connect(connector("member"));
        allot.run();
        allot.contoso.subscribe(TestCatalog.E3, 10);
        allot.contoso.licenseGroup(allot.groupId("licensed"), TestCatalog.E3).value();
        assertThat(allot.contoso.usersHolding(TestCatalog.E3)).isEqualTo(3);

        allot.contoso.withPolicy(TenantPolicy.DEFAULT.withSyncLicenseLossThreshold(0));
        SLAPD.rename("uid=staff002," + people(), "uid=staff002-renamed");
        SLAPD.modify("cn=licensed,ou=groups," + base, ModificationType.DELETE, "member", "uid=staff003," + people());
        SyncRun run = allot.sync.runNow(allot.contoso.admin, true).value();

        assertThat(run.state())
                .as("no license would be lost: nothing to hold for an administrator")
                .isEqualTo(SyncRunState.SUCCEEDED);
        assertThat(run.pendingRemovals()).isZero();
        assertThat(run.counts().errors()).isEqualTo(1);
        assertThat(allot.sync.errors(allot.tenant, run.id(), 10))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(ObjectKind.GROUP);
                    assertThat(e.object()).isEqualTo("cn=licensed,ou=groups," + base);
                    assertThat(e.message())
                            .startsWith("1 member value names no entry of the directory: uid=staff002,ou=people,")
                            .contains("The group kept all its members in this run");
                });
        assertThat(allot.members("licensed"))
                .as("the renamed member, and the one removed beside it, stay until the group is put right")
                .containsExactlyInAnyOrder("staff001@contoso.com", "staff002@contoso.com", "staff003@contoso.com");
        assertThat(allot.contoso.usersHolding(TestCatalog.E3)).isEqualTo(3);

        SLAPD.modify("cn=licensed,ou=groups," + base, ModificationType.DELETE, "member", "uid=staff002," + people());
        SLAPD.modify(
                "cn=licensed,ou=groups," + base, ModificationType.ADD, "member", "uid=staff002-renamed," + people());
        allot.contoso.withPolicy(TenantPolicy.DEFAULT);
        SyncRun fixed = allot.run();

        assertThat(fixed.counts().errors()).isZero();
        assertThat(allot.members("licensed")).containsExactlyInAnyOrder("staff001@contoso.com", "staff002@contoso.com");
        assertThat(allot.contoso.usersHolding(TestCatalog.E3)).isEqualTo(2);
    }

    @Test
    void aDanglingMemberIsReportedAsTheGroupListsItNotInANormalisedForm() throws Exception {
        SLAPD.add(
                "dn: cn=Zoë Ångström,ou=people," + base,
                "objectClass: inetOrgPerson",
                "uid: zoe",
                "cn: Zoë Ångström",
                "sn: Ångström",
                "mail: zoe@contoso.com");
        SLAPD.modify(
                "cn=engineering,ou=groups," + base,
                ModificationType.ADD,
                "uniqueMember",
                "cn=Zoë Ångström,ou=people," + base);
        SLAPD.rename("cn=Zoë Ångström,ou=people," + base, "cn=Zoë Ångström-Berg");
        allot.connect(connector("member, uniqueMember"));

        SyncRun run = allot.run();

        assertThat(allot.sync.errors(allot.tenant, run.id(), 10))
                .extracting(SyncError::message)
                .singleElement()
                .asString()
                .startsWith("1 member value names no entry of the directory: cn=Zoë Ångström,ou=people," + base + " (");
    }
}
