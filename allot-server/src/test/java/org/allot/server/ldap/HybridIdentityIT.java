package org.allot.server.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.User;
import org.allot.core.directory.UserAttribute;
import org.allot.core.directory.UserId;
import org.allot.core.sync.ConnectorRequest;
import org.allot.core.sync.SyncError;
import org.allot.core.sync.SyncMode;
import org.allot.core.sync.SyncRun;
import org.allot.core.sync.SyncRunState;
import org.allot.core.testing.TestCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hybrid identity as Entra Connect does it, from a generic LDAP directory (ldap/ldap-contoso.ldif, whose users'
 * principal names are their mail addresses) into Allot on PostgreSQL: users of a domain the tenant has not verified,
 * or with no principal name, on the tenant's initial domain until their domain is added; cloud users taken over by a
 * soft match (principal name or mail) or a hard match (their onPremisesImmutableId) with their licenses and
 * memberships; and names of deleted users taken by synced ones.
 */
class HybridIdentityIT {
    private static final String PEOPLE = "ou=people,DC=contoso,DC=com";

    private final TestDirectory directory = TestDirectory.genericLdap();
    private final SyncTestbed allot = new SyncTestbed();

    @AfterEach
    void stopDirectory() {
        directory.close();
    }

    @Test
    void usersOfAnUnverifiedDomainOrWithoutANameSyncOnTheInitialDomainAndGetTheirOwnNameOnceItIsAdded()
            throws Exception {
        for (int i = 1; i <= 20; i++) {
            person("corp" + i, "Corp Person " + i, "corp" + i + "@corp.example.test");
        }
        person("noname1", "No Name One", null);
        person("noname2", "No Name Two", null);
        directory.addValue("cn=research,ou=groups,DC=contoso,DC=com", "member", "uid=corp1," + PEOPLE);
        allot.connect(SyncTestbed.genericLdap(directory));
        String initial = initialDomain();

        SyncRun first = allot.run();

        assertThat(first.state()).isEqualTo(SyncRunState.SUCCEEDED);
        assertThat(allot.sync.errors(allot.tenant, first.id(), 10)).isEmpty();
        assertThat(first.counts().added())
                .as("5 objects of the LDIF, 22 more users")
                .isEqualTo(27);
        User corp1 = allot.synced("corp1@" + initial);
        assertThat(corp1.onPremisesUserPrincipalName()).isEqualTo("corp1@corp.example.test");
        assertThat(corp1.onPremisesSyncEnabled()).isTrue();
        assertThat(allot.members("research")).contains("corp1@" + initial);
        User noName = allot.synced("noname1@" + initial);
        assertThat(noName.onPremisesUserPrincipalName()).isNull();
        assertThat(noName.onPremisesSamAccountName()).isEqualTo("noname1");
        assertThat(allot.synced("noname2@" + initial).displayName()).isEqualTo("No Name Two");
        assertThat(allot.run().counts().updated())
                .as("nothing changes at the next run")
                .isZero();

        allot.allot
                .tenantDomains()
                .add(allot.contoso.admin, "corp.example.test")
                .value();
        SyncRun afterDomain = allot.run();

        assertThat(afterDomain.mode()).isEqualTo(SyncMode.DELTA);
        assertThat(afterDomain.counts().updated()).isEqualTo(20);
        assertThat(afterDomain.counts().errors()).isZero();
        User renamed = allot.synced("corp1@corp.example.test");
        assertThat(renamed.id()).isEqualTo(corp1.id());
        assertThat(allot.user("corp1@" + initial)).isEmpty();
        assertThat(allot.members("research")).contains("corp1@corp.example.test");
        assertThat(allot.synced("noname1@" + initial).id()).isEqualTo(noName.id());
        assertThat(allot.run().counts().updated()).isZero();
    }

    @Test
    void twoUsersWithTheSamePrefixOnTheInitialDomainAreToldApartByFourDigits() throws Exception {
        person("dup1", "Dup One", "dup@a.example.test");
        person("dup2", "Dup Two", "dup@b.example.test");
        allot.connect(SyncTestbed.genericLdap(directory));
        String initial = initialDomain();

        SyncRun first = allot.run();

        assertThat(allot.sync.errors(allot.tenant, first.id(), 10)).isEmpty();
        List<String> dups = allot.jdbc
                .sql("select user_principal_name from directory_user where tenant_id = ? and"
                        + " on_premises_user_principal_name like 'dup@%' order by user_principal_name")
                .param(allot.tenant.value())
                .query(String.class)
                .list();
        assertThat(dups).hasSize(2);
        assertThat(dups).contains("dup@" + initial);
        assertThat(dups)
                .anySatisfy(n -> assertThat(n).matches("dup[0-9]{4}@" + java.util.regex.Pattern.quote(initial)));
        assertThat(allot.run().counts().updated()).as("the digits stay").isZero();
    }

    @Test
    void aCloudUserWithTheDirectoryUsersNameIsTakenOverWithItsLicensesAndMemberships() throws Exception {
        allot.contoso.subscribe(TestCatalog.E3, 10);
        UserId hedy = allot.contoso.user("hedy.lamarr");
        allot.contoso.assign(hedy, TestCatalog.E3).value();
        GroupId cloudTeam = allot.contoso.aGroup("Cloud team").withMembers(hedy).create();
        allot.connect(SyncTestbed.genericLdap(directory));

        SyncRun run = allot.run();

        assertThat(allot.sync.errors(allot.tenant, run.id(), 10)).isEmpty();
        assertThat(run.counts().added()).isEqualTo(4);
        assertThat(run.counts().updated()).isEqualTo(1);
        User matched = allot.synced("hedy.lamarr@contoso.com");
        assertThat(matched.id()).isEqualTo(hedy);
        assertThat(matched.onPremisesSyncEnabled()).isTrue();
        assertThat(matched.onPremisesImmutableId()).isEqualTo(directory.immutableId("uid=hedy," + PEOPLE));
        assertThat(matched.onPremisesUserPrincipalName()).isEqualTo("hedy.lamarr@contoso.com");
        assertThat(matched.department()).isEqualTo("Research");
        assertThat(matched.usageLocation()).as("cloud-managed, kept").hasToString("US");
        assertThat(allot.contoso.heldSkus(hedy)).containsExactly(TestCatalog.E3.skuId());
        assertThat(allot.contoso.membersOf(cloudTeam)).containsExactly(hedy);
        assertThat(allot.members("research")).contains("hedy.lamarr@contoso.com");
        assertThat(allot.run().counts().updated()).isZero();
    }

    @Test
    void aCloudUserWhoseMailIsTheDirectoryUsersIsTakenOverAndRenamed() throws Exception {
        UserId hedy = allot.contoso
                .aUser("h.lamarr")
                .with(UserAttribute.MAIL, "Hedy.Lamarr@contoso.com")
                .create();
        allot.connect(SyncTestbed.genericLdap(directory));

        SyncRun run = allot.run();

        assertThat(allot.sync.errors(allot.tenant, run.id(), 10)).isEmpty();
        assertThat(allot.synced("hedy.lamarr@contoso.com").id()).isEqualTo(hedy);
        assertThat(allot.user("h.lamarr@contoso.com")).isEmpty();
    }

    @Test
    void withSoftMatchOffTheNameClashIsAnErrorAndTheCloudUserStaysAsItIs() throws Exception {
        UserId hedy = allot.contoso.user("hedy.lamarr");
        allot.connect(withSoftMatch(false));

        SyncRun run = allot.run();

        List<SyncError> errors = allot.sync.errors(allot.tenant, run.id(), 10);
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.object()).isEqualTo("uid=hedy," + PEOPLE);
            assertThat(e.message())
                    .as("Graph's message, then the user that has the name")
                    .isEqualTo("Another object with the same value for property userPrincipalName already exists."
                            + " It is the name of the cloud user hedy.lamarr@contoso.com (" + hedy.value() + "): turn"
                            + " soft match on for the connector to take it over, or give one of them another name.");
        });
        User cloud = allot.synced("hedy.lamarr@contoso.com");
        assertThat(cloud.id()).isEqualTo(hedy);
        assertThat(cloud.onPremisesSyncEnabled()).isFalse();
        assertThat(allot.connectors.find(allot.tenant).orElseThrow().settings().softMatch())
                .isFalse();
    }

    @Test
    void aCloudUserGivenTheDirectoryObjectsImmutableIdIsTakenOverEvenWithSoftMatchOff() throws Exception {
        UserId hedy = allot.contoso.user("hedy");
        String anchor = directory.immutableId("uid=hedy," + PEOPLE);
        allot.allot
                .userDirectory()
                .update(allot.contoso.admin, hedy, Map.of(UserAttribute.ON_PREMISES_IMMUTABLE_ID, anchor))
                .value();
        allot.connect(withSoftMatch(false));

        SyncRun run = allot.run();

        assertThat(allot.sync.errors(allot.tenant, run.id(), 10)).isEmpty();
        User matched = allot.synced("hedy.lamarr@contoso.com");
        assertThat(matched.id()).isEqualTo(hedy);
        assertThat(matched.onPremisesSyncEnabled()).isTrue();
        assertThat(matched.onPremisesImmutableId()).isEqualTo(anchor);
        assertThat(allot.user("hedy@contoso.com")).isEmpty();
    }

    @Test
    void aSyncedUserTakesTheNameOfADeletedCloudUserWhichKeepsItsIdUnderAnotherName() throws Exception {
        UserId old = allot.contoso.user("hedy.lamarr");
        allot.allot.userDirectory().delete(allot.contoso.admin, old).value();
        allot.connect(SyncTestbed.genericLdap(directory));

        SyncRun run = allot.run();

        assertThat(allot.sync.errors(allot.tenant, run.id(), 10)).isEmpty();
        User synced = allot.synced("hedy.lamarr@contoso.com");
        assertThat(synced.id()).isNotEqualTo(old);
        assertThat(synced.onPremisesSyncEnabled()).isTrue();
        User deleted = allot.allot.users().find(allot.tenant, old).orElseThrow();
        assertThat(deleted.isDeleted()).isTrue();
        assertThat(deleted.userPrincipalName())
                .isEqualTo(old.value().toString().replace("-", "") + "hedy.lamarr@contoso.com");
        assertThat(allot.allot
                        .userDirectory()
                        .restore(allot.contoso.admin, old)
                        .rejection()
                        .message())
                .as("its name is taken")
                .isEqualTo("Another object with the same value for property userPrincipalName already exists.");
    }

    @Test
    void anAccountDeletedAndCreatedAgainWithTheSameNameSyncsWhileTheOldOneIsInTheRecycleBin() throws Exception {
        allot.connect(SyncTestbed.genericLdap(directory));
        allot.run();
        User before = allot.synced("hedy.lamarr@contoso.com");
        directory.delete("uid=hedy," + PEOPLE);
        assertThat(allot.runFull().counts().deleted()).isEqualTo(1);
        person("hedy", "Hedy Lamarr", "hedy.lamarr@contoso.com");

        SyncRun again = allot.run();

        assertThat(allot.sync.errors(allot.tenant, again.id(), 10)).isEmpty();
        assertThat(again.counts().added()).isEqualTo(1);
        User recreated = allot.synced("hedy.lamarr@contoso.com");
        assertThat(recreated.id()).isNotEqualTo(before.id());
        assertThat(recreated.onPremisesImmutableId()).isNotEqualTo(before.onPremisesImmutableId());
        User recycled = allot.allot.users().find(allot.tenant, before.id()).orElseThrow();
        assertThat(recycled.isDeleted()).isTrue();
        assertThat(recycled.userPrincipalName())
                .endsWith("hedy.lamarr@contoso.com")
                .hasSize(32 + 23);
    }

    @Test
    void anAccountDeletedAndCreatedAgainBetweenTwoRunsSyncsInTheRunThatSeesBoth() throws Exception {
        allot.connect(SyncTestbed.genericLdap(directory));
        allot.run();
        User before = allot.synced("hedy.lamarr@contoso.com");
        directory.delete("uid=hedy," + PEOPLE);
        person("hedy", "Hedy Lamarr", "hedy.lamarr@contoso.com");

        SyncRun both = allot.runFull();

        assertThat(both.counts().deleted()).isEqualTo(1);
        assertThat(allot.sync.errors(allot.tenant, both.id(), 10))
                .as("the new account is written again once the old one, deleted, gave its name up")
                .isEmpty();
        assertThat(both.counts().added()).isEqualTo(1);
        assertThat(allot.synced("hedy.lamarr@contoso.com").id()).isNotEqualTo(before.id());
        assertThat(allot.allot
                        .users()
                        .find(allot.tenant, before.id())
                        .orElseThrow()
                        .isDeleted())
                .isTrue();
    }

    private ConnectorRequest withSoftMatch(boolean softMatch) {
        ConnectorRequest r = SyncTestbed.genericLdap(directory);
        return new ConnectorRequest(
                r.preset(),
                r.url(),
                r.startTls(),
                r.trustedCertificate(),
                r.bindDn(),
                r.password(),
                r.baseDns(),
                r.userFilter(),
                r.groupFilter(),
                r.mapping(),
                r.enabled(),
                r.excludedDns(),
                softMatch);
    }

    private String initialDomain() {
        return allot.allot.tenantDirectory().find(allot.tenant).orElseThrow().initialDomain();
    }

    private void person(String uid, String name, String mail) throws Exception {
        List<String> lines = new ArrayList<>(List.of(
                "dn: uid=" + uid + "," + PEOPLE,
                "objectClass: top",
                "objectClass: person",
                "objectClass: organizationalPerson",
                "objectClass: inetOrgPerson",
                "uid: " + uid,
                "cn: " + name,
                "sn: " + name.substring(name.lastIndexOf(' ') + 1)));
        if (mail != null) {
            lines.add("mail: " + mail);
        }
        directory.add(lines.toArray(String[]::new));
    }
}
