package org.allot.server.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.allot.core.directory.UserAttribute;
import org.allot.core.directory.UserId;
import org.allot.core.reclaim.ReclaimItem;
import org.allot.core.reclaim.ReclaimMode;
import org.allot.core.reclaim.ReclaimPolicy;
import org.allot.core.reclaim.ReclaimReason;
import org.allot.core.reclaim.ReclaimSelection;
import org.allot.core.reclaim.UserActivity;
import org.allot.core.sync.SyncRunState;
import org.allot.core.testing.TestCatalog;
import org.allot.server.persistence.JdbcActivitySignals;
import org.allot.server.persistence.JdbcReclaimCandidates;
import org.junit.jupiter.api.Test;

/**
 * Active Directory's {@code lastLogonTimestamp} (a Windows file time) read by directory sync from the UnboundID
 * in-memory server into Allot on PostgreSQL, and counted by reclaim as activity: a user who logged on lately is not
 * listed as inactive, one whose value is 0 ("never") is listed as never signed in.
 */
class LastLogonSyncIT extends ActiveDirectorySyncFixture {
    private static final String ADA = "CN=Ada Lovelace," + ENGINEERING;
    private static final String GRACE = "CN=Grace Hopper," + ENGINEERING;
    private static final String ALAN = "CN=Alan Turing," + ENGINEERING;
    /** Seconds from 1601-01-01 to 1970-01-01. */
    private static final long FILETIME_EPOCH = 11_644_473_600L;

    private final JdbcActivitySignals signals = new JdbcActivitySignals(allot.jdbc);

    @Test
    void theLastLogonTimestampIsReadBySyncAndCountsAsActivityForReclaim() throws Exception {
        allot.contoso.subscribe(TestCatalog.E3, 10);
        directory.replace(GRACE, "lastLogonTimestamp", "0");
        allot.connect(connector());
        assertThat(allot.run().state()).isEqualTo(SyncRunState.SUCCEEDED);
        UserId ada = allot.synced("ada.lovelace@contoso.com").id();
        UserId grace = allot.synced("grace.hopper@contoso.com").id();
        UserId alan = allot.synced("alan.turing@contoso.com").id();
        for (UserId user : List.of(ada, grace, alan)) {
            allot.contoso.update(user, UserAttribute.USAGE_LOCATION, "GB").value();
            allot.contoso.assign(user, TestCatalog.E3).value();
        }

        allot.allot.clock().advance(Duration.ofDays(60));
        Instant now = allot.allot.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        Instant lately = now.minus(Duration.ofDays(3));
        Instant longAgo = now.minus(Duration.ofDays(45));
        directory.replace(ADA, "lastLogonTimestamp", fileTime(lately));
        directory.replace(ALAN, "lastLogonTimestamp", fileTime(longAgo));
        assertThat(allot.run().state()).isEqualTo(SyncRunState.SUCCEEDED);

        assertThat(activity(ada).lastLogonTimestamp()).isEqualTo(lately);
        assertThat(activity(alan).lastLogonTimestamp()).isEqualTo(longAgo);
        assertThat(activity(grace).lastLogonTimestamp()).as("0: never").isNull();

        ReclaimPolicy inactive30 =
                new ReclaimPolicy(TestCatalog.E3.skuId(), 30, null, 0, Set.of(), Set.of(), ReclaimMode.ReportOnly);
        List<ReclaimItem> listed = ReclaimSelection.select(
                inactive30,
                new JdbcReclaimCandidates(allot.jdbc).holders(allot.tenant, TestCatalog.E3.skuId()),
                Set.of(),
                allot.allot.clock().instant(),
                Optional.empty());
        assertThat(listed)
                .extracting(ReclaimItem::user, ReclaimItem::reason)
                .as("Ada logged on 3 days ago")
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(grace, ReclaimReason.NeverSignedIn),
                        org.assertj.core.groups.Tuple.tuple(alan, ReclaimReason.Inactive));
    }

    private UserActivity activity(UserId user) {
        return signals.of(allot.tenant, List.of(user)).getOrDefault(user, UserActivity.NONE);
    }

    private static String fileTime(Instant at) {
        return Long.toString((at.getEpochSecond() + FILETIME_EPOCH) * 10_000_000L + at.getNano() / 100);
    }
}
