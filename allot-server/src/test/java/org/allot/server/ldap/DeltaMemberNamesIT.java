package org.allot.server.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.allot.core.sync.SyncMode;
import org.allot.core.sync.SyncRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A delta run of a generic directory (no census) resolves the member names of the groups it reads from what Allot
 * already knows (the distinguished name each synced user was last read under, and the entries the run read) instead
 * of looking each name up in the directory; a member renamed since, without the group being updated, still dangles.
 */
class DeltaMemberNamesIT {
    private static final String PEOPLE = "ou=people," + TestDirectory.BASE;
    private static final String RESEARCH = "cn=research,ou=groups," + TestDirectory.BASE;

    private final SyncTestbed allot = new SyncTestbed();
    private final Lookups lookups = new Lookups();
    private InMemoryDirectoryServer server;

    @AfterEach
    void stopDirectory() {
        if (server != null) {
            server.shutDown(true);
        }
    }

    @Test
    void membersAllotHoldsAreKnownByTheirNamesWithoutAskingTheDirectory() throws Exception {
        start();
        allot.run();
        server.modify(
                RESEARCH,
                new Modification(ModificationType.ADD, "member", "uid=frances," + PEOPLE),
                new Modification(ModificationType.DELETE, "member", "uid=hedy," + PEOPLE));
        lookups.names.clear();

        SyncRun delta = allot.run();

        assertThat(delta.mode()).isEqualTo(SyncMode.DELTA);
        assertThat(delta.counts().errors()).isZero();
        assertThat(allot.members("research"))
                .containsExactlyInAnyOrder("barbara.liskov@contoso.com", "frances.allen@contoso.com");
        assertThat(lookups.names).as("names looked up one by one").isEmpty();
    }

    @Test
    void aMemberRenamedWithoutTheGroupBeingUpdatedStillDangles() throws Exception {
        start();
        allot.run();
        server.modifyDN("uid=hedy," + PEOPLE, "uid=hedy-renamed", true);
        server.modify(RESEARCH, new Modification(ModificationType.DELETE, "member", "uid=barbara," + PEOPLE));

        SyncRun delta = allot.run();

        assertThat(delta.mode()).isEqualTo(SyncMode.DELTA);
        assertThat(delta.counts().errors()).isEqualTo(1);
        assertThat(allot.sync.errors(allot.tenant, delta.id(), 10))
                .singleElement()
                .satisfies(e -> assertThat(e.message())
                        .startsWith("1 member value names no entry of the directory: uid=hedy,ou=people,"));
        assertThat(allot.members("research"))
                .as("the group keeps all its members until it is put right")
                .containsExactlyInAnyOrder("hedy.lamarr@contoso.com", "barbara.liskov@contoso.com");
    }

    private void start() throws Exception {
        server = TestDirectory.started(config -> config.addInMemoryOperationInterceptor(lookups));
        allot.connect(TestDirectory.connector("ldap://localhost:" + server.getListenPort(), null, TestDirectory.BASE));
    }

    /** The base-scope searches of people's entries: names looked up one by one. */
    private static final class Lookups extends InMemoryOperationInterceptor {
        final List<String> names = new CopyOnWriteArrayList<>();

        @Override
        public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
            var search = request.getRequest();
            if (SearchScope.BASE.equals(search.getScope())
                    && search.getBaseDN().toLowerCase(Locale.ROOT).endsWith(PEOPLE.toLowerCase(Locale.ROOT))) {
                names.add(search.getBaseDN());
            }
        }
    }
}
