package org.allot.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.allot.core.sync.ConnectionCheck.Step;
import org.junit.jupiter.api.Test;

class ConnectionReportTest {

    @Test
    void aServerThatFailsBeforeOneThatPassesLeavesTheDirectoryReadable() {
        ConnectionReport report = new ConnectionReport(List.of(
                ConnectionCheck.passed(Step.DNS, "dc1"),
                ConnectionCheck.failed(Step.CONNECT, "dc1 refused"),
                ConnectionCheck.passed(Step.DNS, "dc2"),
                ConnectionCheck.passed(Step.CONNECT, "dc2"),
                ConnectionCheck.passed(Step.TLS, "dc2"),
                ConnectionCheck.passed(Step.BIND, "dc2"),
                ConnectionCheck.passed(Step.BASE_DN, "base"),
                ConnectionCheck.passed(Step.USER_FILTER, "users"),
                ConnectionCheck.passed(Step.GROUP_FILTER, "groups")));

        assertThat(report.ok()).isFalse();
        assertThat(report.readable()).isTrue();
    }

    @Test
    void aTestThatStoppedLeavesItUnreadable() {
        ConnectionReport report = new ConnectionReport(List.of(
                ConnectionCheck.passed(Step.DNS, "dc1"),
                ConnectionCheck.passed(Step.CONNECT, "dc1"),
                ConnectionCheck.failed(Step.BIND, "refused")));

        assertThat(report.readable()).isFalse();
        assertThat(new ConnectionReport(List.of()).readable()).isFalse();
    }
}
