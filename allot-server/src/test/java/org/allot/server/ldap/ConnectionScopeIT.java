package org.allot.server.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchScope;
import org.allot.core.sync.ConnectionCheck;
import org.allot.core.sync.ConnectionCheck.Step;
import org.allot.core.sync.SyncRunState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The connection test's steps inside the directory: a server size limit below the number of entries in scope fails the
 * filter step (every run would fail at it), and a base DN the access rules refuse is told from one that is not found.
 */
class ConnectionScopeIT {
    private final SyncTestbed allot = new SyncTestbed();
    private InMemoryDirectoryServer server;

    @AfterEach
    void stop() {
        server.shutDown(true);
    }

    @Test
    void aSizeLimitBelowTheScopeFailsTheTestAsItWouldFailEveryRun() throws Exception {
        String url = start(2, null);

        ConnectionCheck failure = test(url, TestDirectory.BASE).failure().orElseThrow();

        assertThat(failure.step()).isEqualTo(Step.USER_FILTER);
        assertThat(failure.detail())
                .contains("stopped the search for users at its size limit")
                .contains("every run would fail")
                .contains("limits dn.exact=\"" + TestDirectory.BIND_DN + "\" size=unlimited");
        allot.connect(TestDirectory.connector(url, null, TestDirectory.BASE));
        assertThat(allot.run().state()).as("what the test foretold").isEqualTo(SyncRunState.FAILED);
    }

    @Test
    void theFilterStepCountsWhatARunWillRead() throws Exception {
        String url = start(0, null);

        var report = test(url, TestDirectory.BASE);

        assertThat(report.ok()).isTrue();
        assertThat(report.checks())
                .filteredOn(c -> c.step() == Step.USER_FILTER)
                .singleElement()
                .satisfies(c -> assertThat(c.detail()).startsWith("the users filter finds 3 users, for example "));
        assertThat(report.checks())
                .filteredOn(c -> c.step() == Step.GROUP_FILTER)
                .singleElement()
                .satisfies(c -> assertThat(c.detail()).startsWith("the groups filter finds 2 groups, for example "));

        server.delete("cn=everyone,ou=groups," + TestDirectory.BASE);

        assertThat(test(url, TestDirectory.BASE).checks())
                .filteredOn(c -> c.step() == Step.GROUP_FILTER)
                .singleElement()
                .satisfies(c -> assertThat(c.detail()).startsWith("the groups filter finds 1 group, for example "));
    }

    @Test
    void aBaseDnTheAccessRulesRefuseIsToldFromOneNotFound() throws Exception {
        String hidden = "ou=people," + TestDirectory.BASE;
        String url = start(0, hidden);

        ConnectionCheck failure = test(url, hidden).failure().orElseThrow();

        assertThat(failure.step()).isEqualTo(Step.BASE_DN);
        assertThat(failure.detail())
                .startsWith(hidden + " exists but access rules refuse it to " + TestDirectory.BIND_DN);
    }

    private org.allot.core.sync.ConnectionReport test(String url, String base) {
        return allot.sync
                .testConnection(allot.contoso.admin, TestDirectory.connector(url, null, base))
                .value();
    }

    /** An in-memory directory with a size limit (0: none) that refuses base searches of one DN as access rules do. */
    private String start(int sizeLimit, String refused) throws Exception {
        server = TestDirectory.started(config -> {
            if (sizeLimit > 0) {
                config.setMaxSizeLimit(sizeLimit);
            }
            if (refused != null) {
                config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
                    @Override
                    public void processSearchRequest(InMemoryInterceptedSearchRequest request) throws LDAPException {
                        if (SearchScope.BASE.equals(request.getRequest().getScope())
                                && request.getRequest().getBaseDN().equalsIgnoreCase(refused)) {
                            throw new LDAPException(
                                    ResultCode.INSUFFICIENT_ACCESS_RIGHTS, "no read access to " + refused);
                        }
                    }
                });
            }
        });
        return "ldap://localhost:" + server.getListenPort();
    }
}
