package org.allot.server.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import org.allot.core.directory.User;
import org.allot.core.sync.ConnectorRequest;
import org.allot.core.sync.SyncCounts;
import org.allot.core.sync.SyncMode;
import org.allot.core.sync.SyncRun;
import org.allot.core.sync.SyncRunState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Directory sync from a generic LDAP directory (ldap/ldap-contoso.ldif): inetOrgPerson users, groupOfNames groups,
 * entryUUID as the immutable id, modifyTimestamp for deltas, and no memberOf anywhere.
 */
class GenericLdapSyncIT {
    private static final String PEOPLE = "ou=people,DC=contoso,DC=com";
    private static final String GROUPS = "ou=groups,DC=contoso,DC=com";

    private final TestDirectory directory = TestDirectory.genericLdap();
    private final SyncTestbed allot = new SyncTestbed();

    @AfterEach
    void stopDirectory() {
        directory.close();
    }

    @Test
    void inetOrgPersonsAndGroupsOfNamesComeOverWithTheirEntryUuid() throws Exception {
        allot.connect(SyncTestbed.genericLdap(directory));

        SyncRun run = allot.run();

        assertThat(run.state()).isEqualTo(SyncRunState.SUCCEEDED);
        assertThat(run.counts()).isEqualTo(new SyncCounts(5, 0, 0, 0, 0));
        User hedy = allot.synced("hedy.lamarr@contoso.com");
        assertThat(hedy.onPremisesImmutableId())
                .isEqualTo(directory.immutableId("uid=hedy," + PEOPLE))
                .matches("[0-9a-f-]{36}");
        assertThat(hedy.onPremisesSamAccountName()).isEqualTo("hedy");
        assertThat(hedy.displayName()).isEqualTo("Hedy Lamarr");
        assertThat(hedy.department()).isEqualTo("Research");
        assertThat(hedy.jobTitle()).isEqualTo("Inventor");
        assertThat(hedy.companyName()).isEqualTo("Contoso");
        assertThat(hedy.city()).isEqualTo("Vienna");
        assertThat(hedy.employeeId()).isEqualTo("1914");
        assertThat(hedy.accountEnabled()).isTrue();
        assertThat(hedy.usageLocation()).isNull();
        assertThat(allot.synced("barbara.liskov@contoso.com").displayName())
                .as("no displayName: cn")
                .isEqualTo("Barbara Liskov");
        assertThat(allot.members("research"))
                .containsExactlyInAnyOrder("hedy.lamarr@contoso.com", "barbara.liskov@contoso.com");
        assertThat(allot.members("everyone")).containsExactlyInAnyOrder("research", "frances.allen@contoso.com");
        assertThat(allot.group("research").orElseThrow().description()).isEqualTo("The research lab");
    }

    @Test
    void changesArePickedUpByModifyTimestamp() throws Exception {
        allot.connect(SyncTestbed.genericLdap(directory));
        allot.run();
        User frances = allot.synced("frances.allen@contoso.com");

        directory.replace("uid=barbara," + PEOPLE, "title", "Institute Professor");
        directory.removeValue("cn=research," + GROUPS, "member", "uid=barbara," + PEOPLE);
        directory.delete("uid=frances," + PEOPLE);
        directory.add(
                "dn: uid=radia," + PEOPLE,
                "objectClass: top",
                "objectClass: person",
                "objectClass: organizationalPerson",
                "objectClass: inetOrgPerson",
                "uid: radia",
                "cn: Radia Perlman",
                "sn: Perlman",
                "mail: radia.perlman@contoso.com");
        directory.addValue("cn=research," + GROUPS, "member", "uid=radia," + PEOPLE);
        SyncRun delta = allot.run();

        assertThat(delta.mode()).isEqualTo(SyncMode.DELTA);
        assertThat(delta.counts().added()).isEqualTo(1);
        assertThat(delta.counts().updated())
                .as("Barbara, the research group and the group the directory took Frances out of")
                .isEqualTo(3);
        assertThat(delta.counts().deleted())
                .as("a delta of a generic directory leaves deletions to the full runs")
                .isZero();
        assertThat(delta.message()).startsWith("Deletions were not checked");
        assertThat(delta.counts().errors()).isZero();
        assertThat(allot.synced("barbara.liskov@contoso.com").jobTitle()).isEqualTo("Institute Professor");
        assertThat(allot.members("research"))
                .containsExactlyInAnyOrder("hedy.lamarr@contoso.com", "radia.perlman@contoso.com");
        assertThat(allot.synced("frances.allen@contoso.com").isDeleted()).isFalse();

        SyncRun full = allot.sync.runNow(allot.contoso.admin, true).value();

        assertThat(full.mode()).isEqualTo(SyncMode.FULL);
        assertThat(full.counts().deleted()).isEqualTo(1);
        assertThat(full.message()).isNull();
        assertThat(allot.allot
                        .users()
                        .find(allot.tenant, frances.id())
                        .orElseThrow()
                        .isDeleted())
                .isTrue();
    }

    @Test
    void aDeletionCheckIntervalMakesDeltaRunsLookForDeletions() throws Exception {
        allot.connect(everyMinutes(SyncTestbed.genericLdap(directory), 60));
        allot.run();
        User frances = allot.synced("frances.allen@contoso.com");

        directory.delete("uid=frances," + PEOPLE);
        SyncRun soon = allot.run();

        assertThat(soon.mode()).isEqualTo(SyncMode.DELTA);
        assertThat(soon.counts().deleted())
                .as("the full run looked less than 60 minutes ago")
                .isZero();
        assertThat(soon.message())
                .startsWith("Deletions were not checked")
                .contains(
                        "every 1 hour (the connector's deletion check interval) and in full runs (every 1 day, or when asked for)");

        allot.jdbc
                .sql("update sync_connector set deletions_checked_at = deletions_checked_at - interval '61 minutes'"
                        + " where tenant_id = ?")
                .param(allot.tenant.value())
                .update();
        SyncRun later = allot.run();

        assertThat(later.mode()).isEqualTo(SyncMode.DELTA);
        assertThat(later.counts().deleted()).isEqualTo(1);
        assertThat(later.message()).isNull();
        assertThat(allot.allot
                        .users()
                        .find(allot.tenant, frances.id())
                        .orElseThrow()
                        .isDeleted())
                .isTrue();
        assertThat(allot.run().message())
                .as("the delta that looked moved the time of the last look on")
                .startsWith("Deletions were not checked");
    }

    @Test
    void aDeletionCheckOfZeroLooksInEveryDeltaRun() throws Exception {
        allot.connect(everyMinutes(SyncTestbed.genericLdap(directory), 0));
        allot.run();

        directory.delete("uid=frances," + PEOPLE);
        SyncRun delta = allot.run();

        assertThat(delta.mode()).isEqualTo(SyncMode.DELTA);
        assertThat(delta.counts().deleted()).isEqualTo(1);
        assertThat(delta.message()).isNull();
        assertThat(allot.sync.connector(allot.tenant).orElseThrow().settings().deletionCheckEvery())
                .hasMinutes(0);
    }

    private static ConnectorRequest everyMinutes(ConnectorRequest r, int minutes) {
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
                r.softMatch(),
                r.staging(),
                minutes);
    }
}
