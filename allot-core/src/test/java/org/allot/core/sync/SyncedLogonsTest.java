package org.allot.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.allot.core.directory.UserId;
import org.allot.core.reclaim.UserActivity;
import org.allot.core.testing.SyncScenario;
import org.junit.jupiter.api.Test;

/**
 * Active Directory's {@code lastLogonTimestamp}, read by directory sync into each user's activity signals (what reclaim
 * reads): recorded when it moves even if nothing else about the user changed, and never failing a run when it is 0,
 * absent or not a time.
 */
class SyncedLogonsTest {
    private final SyncScenario contoso = SyncScenario.contoso();

    @Test
    void theLastLogonTimestampIsRecordedAsTheUsersLastLogon() {
        String ada = contoso.directory.addUser("ada", "lastLogonTimestamp", "134405001001234567");
        contoso.directory.addUser("grace", "lastLogonTimestamp", "0");
        contoso.directory.addUser("linus");

        SyncRun run = contoso.run();

        assertThat(run.state()).isEqualTo(SyncRunState.SUCCEEDED);
        assertThat(activity("ada").lastLogonTimestamp()).isEqualTo(Instant.parse("2026-11-30T08:15:00.1234567Z"));
        assertThat(activity("grace")).as("0: never").isEqualTo(UserActivity.NONE);
        assertThat(activity("linus")).as("absent: never").isEqualTo(UserActivity.NONE);

        contoso.directory.modify(ada, "lastLogonTimestamp", "134412345600000000");
        contoso.run();
        assertThat(activity("ada").lastLogonTimestamp())
                .as("nothing else changed")
                .isEqualTo(Instant.parse("2026-12-08T20:16:00Z"));
        contoso.sync.runNow(contoso.admin, true).value();
        assertThat(activity("ada").lastLogonTimestamp()).isEqualTo(Instant.parse("2026-12-08T20:16:00Z"));
    }

    @Test
    void aLogonThatIsNoTimeIsLeftAsideAndTheRunSucceeds() {
        contoso.directory.addUser("ada", "lastLogonTimestamp", "last tuesday");
        contoso.directory.addUser("grace", "lastLogonTimestamp", "9223372036854775807");

        SyncRun run = contoso.run();

        assertThat(run.state()).isEqualTo(SyncRunState.SUCCEEDED);
        assertThat(run.counts().errors()).isZero();
        assertThat(contoso.user("ada")).isPresent();
        assertThat(contoso.user("grace")).isPresent();
        assertThat(activity("ada")).isEqualTo(UserActivity.NONE);
        assertThat(activity("grace")).isEqualTo(UserActivity.NONE);
    }

    private UserActivity activity(String name) {
        UserId id = contoso.user(name).orElseThrow().id();
        Map<UserId, UserActivity> known = contoso.activity.of(contoso.contoso.tenant, List.of(id));
        return known.getOrDefault(id, UserActivity.NONE);
    }
}
