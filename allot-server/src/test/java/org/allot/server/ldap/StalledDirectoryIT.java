package org.allot.server.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.allot.core.sync.ConnectionCheck.Step;
import org.allot.core.sync.ConnectionReport;
import org.allot.core.sync.SyncRun;
import org.allot.core.sync.SyncRunState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A directory that stops answering — a stalled domain controller, as one stopped with SIGSTOP: the kernel still
 * accepts connections but nothing answers — ends the run FAILED once a request has waited the response timeout, and
 * a connector with several URLs goes on to the next server.
 */
class StalledDirectoryIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final SyncTestbed allot = new SyncTestbed(TIMEOUT);
    private final CountDownLatch resume = new CountDownLatch(1);
    private InMemoryDirectoryServer server;

    @AfterEach
    void resume() {
        resume.countDown();
        if (server != null) {
            server.shutDown(true);
        }
    }

    @Test
    void aDirectoryThatStopsAnsweringMidRunEndsTheRunFailedAndDeletesNothing() throws Exception {
        Pause pause = new Pause(resume);
        String url = start(pause);
        allot.connect(TestDirectory.connector(url, null, TestDirectory.BASE));
        assertThat(allot.run().state()).isEqualTo(SyncRunState.SUCCEEDED);
        long users = allot.syncedUsers();

        pause.stalled = true;
        SyncRun run = allot.run();

        assertThat(run.state()).isEqualTo(SyncRunState.FAILED);
        assertThat(run.message()).contains("did not answer in time").contains("Nothing was deleted");
        assertThat(allot.syncedUsers()).isEqualTo(users);
    }

    @Test
    void aServerThatAcceptsConnectionsButNeverAnswersFailsTheRunAndTheConnectionTest() throws Exception {
        try (ServerSocket stopped = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = "ldap://localhost:" + stopped.getLocalPort();
            allot.connect(TestDirectory.connector(url, null, TestDirectory.BASE));

            SyncRun run = allot.run();

            assertThat(run.state()).isEqualTo(SyncRunState.FAILED);
            assertThat(run.message())
                    .startsWith("Cannot reach the directory at " + url)
                    .contains("in time");
            assertThat(allot.sync
                            .testConnection(allot.contoso.admin)
                            .value()
                            .failure()
                            .orElseThrow()
                            .step())
                    .isEqualTo(Step.BIND);
        }
    }

    @Test
    void ldapsToAServerThatNeverAnswersTheHandshakeFailsTheRun() throws Exception {
        try (ServerSocket stopped = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            allot.connect(
                    TestDirectory.connector("ldaps://localhost:" + stopped.getLocalPort(), null, TestDirectory.BASE));

            SyncRun run = allot.run();

            assertThat(run.state()).isEqualTo(SyncRunState.FAILED);
        }
    }

    @Test
    void aStalledLdapsHandshakeEndsTheRunAndTheTestAtTheConnectTimeoutNotTheResponseTimeout() throws Exception {
        // a response timeout no run should wait for: the handshake is bounded by the connect timeout (5 s) alone
        SyncTestbed patient = new SyncTestbed(Duration.ofMinutes(10));
        try (ServerSocket stopped = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            patient.connect(
                    TestDirectory.connector("ldaps://localhost:" + stopped.getLocalPort(), null, TestDirectory.BASE));

            SyncRun run = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> patient.run());
            ConnectionReport report = assertTimeoutPreemptively(
                    Duration.ofMinutes(2),
                    () -> patient.sync.testConnection(patient.contoso.admin).value());

            assertThat(run.state()).isEqualTo(SyncRunState.FAILED);
            assertThat(run.message()).contains("did not complete the TLS handshake within 5 s");
            assertThat(report.failure().orElseThrow().step()).isEqualTo(Step.TLS);
        }
    }

    @Test
    void theNextUrlIsUsedWhenTheFirstServerIsDownOrStalled() throws Exception {
        String url = start(new Pause(resume));
        try (ServerSocket stopped = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                ServerSocket closed = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String down = "ldap://localhost:" + closed.getLocalPort();
            closed.close();
            String stalled = "ldap://localhost:" + stopped.getLocalPort();
            var connector =
                    allot.connect(TestDirectory.connector(down + " " + stalled + ", " + url, null, TestDirectory.BASE));

            SyncRun run = allot.run();

            assertThat(connector.settings().urls()).containsExactly(down, stalled, url);
            assertThat(run.state()).isEqualTo(SyncRunState.SUCCEEDED);
            assertThat(allot.syncedUsers()).isPositive();
            var report = allot.sync.testConnection(allot.contoso.admin).value();
            assertThat(report.checks())
                    .filteredOn(c -> c.step() == Step.CONNECT && !c.passed())
                    .singleElement()
                    .satisfies(c -> assertThat(c.detail()).contains("nothing accepts connections"));
        }
    }

    @Test
    void whenNoServerAnswersTheRunSaysWhatEachDid() throws Exception {
        try (ServerSocket closed = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                ServerSocket stopped = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String down = "ldap://localhost:" + closed.getLocalPort();
            closed.close();
            String stalled = "ldap://localhost:" + stopped.getLocalPort();
            allot.connect(TestDirectory.connector(down + " " + stalled, null, TestDirectory.BASE));

            SyncRun run = allot.run();

            assertThat(run.state()).isEqualTo(SyncRunState.FAILED);
            assertThat(run.message())
                    .startsWith("Cannot reach any of the directory's servers: " + down + ": ")
                    .contains("; " + stalled + ": the server did not answer in time");
        }
    }

    private String start(Pause pause) throws Exception {
        server = TestDirectory.started(config -> config.addInMemoryOperationInterceptor(pause));
        return "ldap://localhost:" + server.getListenPort();
    }

    /** Holds every search, once stalled, until the test ends: a server that stopped answering. */
    private static final class Pause extends InMemoryOperationInterceptor {
        private final CountDownLatch resume;
        volatile boolean stalled;

        Pause(CountDownLatch resume) {
            this.resume = resume;
        }

        @Override
        public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
            if (stalled) {
                try {
                    resume.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
