package org.allot.server.ldap;

import java.util.List;
import java.util.Map;
import org.allot.core.sync.ConnectorRequest;
import org.junit.jupiter.api.AfterEach;

/**
 * What the tests of directory sync from an Active-Directory-shaped tree (ldap/ad-contoso.ldif) share: the UnboundID
 * in-memory server with Active Directory's update sequence numbers and range retrieval emulated, a new one for each
 * test, Contoso on PostgreSQL as the server wires sync, the tree's organizational units and the connector to it:
 * {@link ActiveDirectorySyncIT} (what a run brings over), {@link ActiveDirectoryChangesIT} (the runs after it) and
 * {@link ActiveDirectoryScopeIT} (what is read, and what anchors it).
 */
abstract class ActiveDirectorySyncFixture {
    static final String STAFF = "OU=Staff,DC=contoso,DC=com";
    static final String ENGINEERING = "OU=Engineering," + STAFF;
    static final String SALES = "OU=Sales," + STAFF;
    static final String GROUPS = "OU=Groups,DC=contoso,DC=com";

    final TestDirectory directory = TestDirectory.activeDirectory();
    final SyncTestbed allot = new SyncTestbed();

    @AfterEach
    void stopDirectory() {
        directory.close();
    }

    /** Staff and Groups: the computers and service accounts are out of scope. */
    ConnectorRequest connector() {
        return connector(List.of(STAFF, GROUPS), Map.of(), null);
    }

    /** The connector to this test's directory reading the base DNs but the excluded ones, the mapping overridden. */
    ConnectorRequest connector(List<String> baseDns, Map<String, String> mapping, List<String> excludedDns) {
        ConnectorRequest ad = SyncTestbed.activeDirectory(directory);
        return new ConnectorRequest(
                ad.preset(),
                ad.url(),
                false,
                null,
                ad.bindDn(),
                ad.password(),
                baseDns,
                null,
                null,
                mapping,
                true,
                excludedDns,
                null);
    }
}
