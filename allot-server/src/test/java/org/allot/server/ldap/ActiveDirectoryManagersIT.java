package org.allot.server.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.allot.core.directory.UserId;
import org.allot.core.sync.SyncRun;
import org.allot.core.sync.SyncRunState;
import org.allot.server.persistence.JdbcManagers;
import org.junit.jupiter.api.Test;

/**
 * Users' managers from Active Directory's {@code manager} (a distinguished name, written in any case and spacing) on
 * the UnboundID in-memory server into Allot on PostgreSQL: resolved to the synced user, left empty (no error) when the
 * manager is outside the connector's scope, changed and removed by later runs.
 */
class ActiveDirectoryManagersIT extends ActiveDirectorySyncFixture {
    private static final String ADA = "CN=Ada Lovelace," + ENGINEERING;
    private static final String JOAN = "CN=Joan Clarke," + SALES;

    private Optional<UserId> managerOf(String userPrincipalName) {
        return new JdbcManagers(allot.jdbc)
                .of(allot.tenant, allot.synced(userPrincipalName).id());
    }

    private UserId id(String userPrincipalName) {
        return allot.synced(userPrincipalName).id();
    }

    @Test
    void managersAreSyncedFromTheirDistinguishedNames() throws Exception {
        directory.replace(ADA, "manager", "cn=Grace Hopper, ou=Engineering,OU=Staff,DC=contoso,DC=com");
        directory.replace(JOAN, "manager", "CN=WKS-0042,OU=Computers,DC=contoso,DC=com");
        allot.connect(connector());

        SyncRun first = allot.run();

        assertThat(first.state()).isEqualTo(SyncRunState.SUCCEEDED);
        assertThat(first.counts().errors())
                .as("a manager outside the scope is no error")
                .isZero();
        assertThat(managerOf("ada.lovelace@contoso.com")).contains(id("grace.hopper@contoso.com"));
        assertThat(managerOf("joan.clarke@contoso.com")).isEmpty();
        assertThat(managerOf("grace.hopper@contoso.com")).isEmpty();

        directory.replace(ADA, "manager", "CN=Alan Turing," + ENGINEERING);
        allot.run();
        assertThat(managerOf("ada.lovelace@contoso.com")).contains(id("alan.turing@contoso.com"));

        directory.replace(ADA, "manager");
        allot.run();
        assertThat(managerOf("ada.lovelace@contoso.com")).isEmpty();
    }
}
