package org.allot.server.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Entry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.allot.core.sync.ConnectorRequest;
import org.allot.core.sync.SyncMode;
import org.allot.core.sync.SyncRun;
import org.allot.core.sync.SyncRunState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * modifyTimestamp deltas against a real OpenLDAP (see {@link Slapd}) after a bulk import: every entry changed within
 * the same seconds, and nothing since. Allot's clock is moved by hand between runs, as the schedule would.
 */
class OpenLdapDeltaIT {
    @RegisterExtension
    static final Slapd SLAPD = new Slapd();

    private static final int IMPORTED = 60;

    private final SyncTestbed allot = new SyncTestbed();
    private String base;

    @BeforeEach
    void bulkImport() throws Exception {
        base = SLAPD.subtree("imported");
        List<Entry> entries = new ArrayList<>();
        List<String> group =
                new ArrayList<>(List.of("dn: cn=everyone," + base, "objectClass: groupOfNames", "cn: everyone"));
        for (int i = 1; i <= IMPORTED; i++) {
            String uid = String.format("user%03d", i);
            entries.add(new Entry(
                    "dn: uid=" + uid + "," + base,
                    "objectClass: inetOrgPerson",
                    "uid: " + uid,
                    "cn: User " + i,
                    "sn: User",
                    "mail: " + uid + "@contoso.com"));
            group.add("member: uid=" + uid + "," + base);
        }
        entries.add(new Entry(group.toArray(String[]::new)));
        SLAPD.addAll(entries);
    }

    private ConnectorRequest connector() {
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
                Map.of(),
                true);
    }

    @Test
    void deltasStopReadingABulkImportAgainOnceTheOverlapHasPassedSinceItWasRead() {
        allot.connect(connector());
        SyncRun full = allot.run();
        assertThat(full.state()).isEqualTo(SyncRunState.SUCCEEDED);
        assertThat(full.counts().added()).isEqualTo(IMPORTED + 1);

        allot.allot.clock().advance(Duration.ofMinutes(30));
        SyncRun first = allot.run();
        allot.allot.clock().advance(Duration.ofMinutes(30));
        SyncRun second = allot.run();

        assertThat(first.mode()).isEqualTo(SyncMode.DELTA);
        assertThat(first.counts().unchanged())
                .as("the first delta reads the import again: a change committed late could carry its time")
                .isEqualTo(IMPORTED + 1);
        assertThat(second.mode()).isEqualTo(SyncMode.DELTA);
        assertThat(second.counts().unchanged())
                .as("entries the second delta read again")
                .isZero();
        assertThat(second.counts().errors()).isZero();
        assertThat(allot.members("everyone")).hasSize(IMPORTED);
    }
}
