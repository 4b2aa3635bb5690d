package org.allot.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.allot.core.Caller;
import org.allot.core.assignment.LicensingSettings;
import org.allot.core.notification.ChangeEvent;
import org.allot.core.notification.ChangeSubscription;
import org.allot.core.notification.ChangeType;
import org.allot.core.notification.NotificationDelivery;
import org.allot.core.notification.OutboxEntry;
import org.allot.core.testing.MutableClock;
import org.allot.core.testing.TestCatalog;
import org.allot.server.testing.PostgresInstallation;
import org.allot.server.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox while a subscription waits for its reauthorization: its change notifications stay, unsent and
 * uncounted, while those of other subscriptions (and its own lifecycle notifications) are claimed; once it no longer
 * waits (reauthorized, expired, or gone) they are claimed again. A claim reads none of the waiting entries: the plan of
 * each of its statements is checked with EXPLAIN ANALYZE. A database of its own, so no other test's server claims
 * these entries.
 */
class OutboxWaitingEntriesIT {
    private static final int WAITING = 2_000;
    private static final Duration LEASE = Duration.ofMinutes(1);
    /** The index condition by which a claim's statement updates each row it chose. */
    private static final Pattern UPDATED = Pattern.compile("\\(id = \\w+\\.id\\)");

    private final HikariDataSource database = TestDatabase.pool(TestDatabase.newDatabase(), 4);
    private final MutableClock clock = MutableClock.startingAt("2026-01-05T09:00:00Z");
    private final PostgresInstallation allot = new PostgresInstallation(
            database, TestCatalog.catalog(), new LicensingSettings(10_000, 100, 10_000), clock);
    private final JdbcClient jdbc = allot.jdbc();
    private final JdbcChangeSubscriptions subscriptions = new JdbcChangeSubscriptions(jdbc);
    private final JdbcNotificationOutbox outbox = new JdbcNotificationOutbox(jdbc);

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void theChangesOfAWaitingSubscriptionStayWhileTheOthersAreClaimedAndNoClaimReadsThem() {
        Caller app = allot.newTenant("Waiting");
        ChangeSubscription waiting = subscription(app, true);
        ChangeSubscription active = subscription(app, false);
        queueChanges(waiting, WAITING);
        queueChanges(active, 3);
        outbox.add(List.of(OutboxEntry.lifecycle(waiting, NotificationDelivery.REAUTHORIZATION_REQUIRED, now())));

        List<OutboxEntry> claimed = claim(100);

        assertThat(claimed)
                .as("the other subscription's changes and the waiting one's lifecycle notification")
                .hasSize(4)
                .allSatisfy(
                        e -> assertThat(e.isLifecycle() || e.subscriptionId().equals(active.id()))
                                .isTrue());
        assertThat(pending(waiting)).as("all still there, none tried").containsExactly(WAITING, 0);
        delivered(claimed);

        clock.advance(Duration.ofMinutes(1));
        queueChanges(waiting, 5);
        queueChanges(active, 1);
        List<OutboxEntry> next = claim(100);
        assertThat(next).extracting(OutboxEntry::subscriptionId).containsExactly(active.id());
        delivered(next);

        clock.advance(Duration.ofMinutes(1));
        queueChanges(waiting, 5);
        queueChanges(active, 2);
        jdbc.sql("analyze notification_outbox").update();
        assertThat(rowsRead(OutboxClaims.RETURN))
                .as("taking back: one index entry, for the waiting subscription")
                .isOne();
        assertThat(rowsRead(OutboxClaims.HOLD))
                .as("setting aside: only what arrived since")
                .isEqualTo(5);
        assertThat(rowsRead(OutboxClaims.due(columns()), OutboxClaims.RETURN, OutboxClaims.HOLD))
                .as("claiming: the due entries read are those claimed, none of the %d waiting", WAITING + 10)
                .isEqualTo(2);
        assertThat(claim(100))
                .hasSize(2)
                .extracting(OutboxEntry::subscriptionId)
                .containsOnly(active.id());
        assertThat(pending(waiting)).containsExactly(WAITING + 10, 0);
    }

    @Test
    void whatWaitedIsClaimedOnceTheSubscriptionIsReauthorizedOrExpiresOrIsGone() {
        Caller app = allot.newTenant("Reauthorized");
        ChangeSubscription reauthorized = subscription(app, true);
        ChangeSubscription expiring = subscription(app, true);
        ChangeSubscription forgotten = subscription(app, true);
        for (ChangeSubscription s : List.of(reauthorized, expiring, forgotten)) {
            queueChanges(s, 10);
        }
        assertThat(claim(100)).isEmpty();

        subscriptions.update(reauthorized.withReauthorizeRequested(null));
        List<OutboxEntry> reauthorizedOnes = claim(100);
        assertThat(reauthorizedOnes)
                .extracting(OutboxEntry::subscriptionId)
                .hasSize(10)
                .containsOnly(reauthorized.id());
        delivered(reauthorizedOnes);

        subscriptions.update(expiring.withExpiration(now().plusSeconds(60)).withReauthorizeRequested(now()));
        assertThat(claim(100)).isEmpty();
        clock.advance(Duration.ofMinutes(2));
        List<OutboxEntry> expired = claim(100);
        assertThat(expired)
                .as("expired: claimed, for the delivery to drop them")
                .extracting(OutboxEntry::subscriptionId)
                .hasSize(10)
                .containsOnly(expiring.id());
        delivered(expired);

        jdbc.sql("delete from change_subscription where id = ?")
                .param(forgotten.id())
                .update();
        assertThat(claim(100))
                .as("gone (tidied away): claimed, for the delivery to drop them")
                .extracting(OutboxEntry::subscriptionId)
                .hasSize(10)
                .containsOnly(forgotten.id());
    }

    @Test
    void entriesSetAsideForASubscriptionThatNoLongerWaitsAreTakenBack() {
        Caller app = allot.newTenant("Raced");
        ChangeSubscription active = subscription(app, false);
        queueChanges(active, 3);
        // as a claim that read the subscription just before its reauthorization committed would leave them
        jdbc.sql("update notification_outbox set held = true where subscription_id = ?")
                .param(active.id())
                .update();

        assertThat(claim(100)).hasSize(3);
    }

    private List<OutboxEntry> claim(int limit) {
        Instant now = now();
        return allot.work().run(() -> outbox.claim(now, now.plus(LEASE), limit));
    }

    private void delivered(List<OutboxEntry> entries) {
        allot.work().run(() -> {
            entries.forEach(e -> outbox.delivered(e, now()));
            return null;
        });
    }

    private Instant now() {
        return clock.instant();
    }

    /** A live subscription to users' updates, with a lifecycle URL; waiting for its reauthorization if asked. */
    private ChangeSubscription subscription(Caller app, boolean waiting) {
        Instant now = now();
        ChangeSubscription s = new ChangeSubscription(
                UUID.randomUUID(),
                app.tenant(),
                "users",
                Set.of(ChangeType.UPDATED),
                URI.create("https://hooks.example/notify"),
                URI.create("https://hooks.example/lifecycle"),
                "secret",
                now.plus(Duration.ofDays(1)),
                now,
                app.actor().id(),
                ChangeSubscription.State.ACTIVE,
                null,
                waiting ? now : null,
                null);
        subscriptions.add(s);
        return s;
    }

    private void queueChanges(ChangeSubscription s, int count) {
        List<OutboxEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(OutboxEntry.change(
                    s, new ChangeEvent(ChangeEvent.Kind.USER, UUID.randomUUID(), ChangeType.UPDATED, false), now()));
        }
        outbox.add(entries);
    }

    /** How many of the subscription's entries are pending, and how many attempts they count. */
    private List<Integer> pending(ChangeSubscription s) {
        Map<String, Object> row = jdbc.sql("""
                        select count(*)::int as n, coalesce(sum(attempts), 0)::int as attempts from notification_outbox
                        where subscription_id = ? and state = 'PENDING' and lifecycle_event is null""").param(s.id()).query().singleRow();
        return List.of((Integer) row.get("n"), (Integer) row.get("attempts"));
    }

    /**
     * Runs a claim's statement under EXPLAIN ANALYZE, after the statements given (in a transaction rolled back), and
     * returns how many rows of {@code notification_outbox} its scans read (those they returned and those their
     * filters removed), but for the statement's own update of each row it chose.
     */
    private long rowsRead(String statement, String... first) {
        Instant now = now();
        List<String> plan = new ArrayList<>();
        try {
            allot.work().run(() -> {
                for (String before : first) {
                    jdbc.sql(before).param("now", SqlValues.time(now)).update();
                }
                // the plan of a large outbox: reading a whole table, or hashing it, no longer pays
                jdbc.sql("set local enable_seqscan = off").update();
                jdbc.sql("set local enable_hashjoin = off").update();
                jdbc.sql("set local enable_mergejoin = off").update();
                plan.add(jdbc.sql("explain (analyze, format json) " + statement)
                        .param("now", SqlValues.time(now))
                        .param("leaseUntil", SqlValues.time(now.plus(LEASE)))
                        .param("limit", 100)
                        .query(String.class)
                        .single());
                throw new RolledBack();
            });
        } catch (RolledBack expected) {
            // the statement's changes are undone
        }
        System.out.println("EXPLAIN ANALYZE of a claim's statement:\n" + plan.get(0));
        return rowsRead(
                JsonMapper.builder().build().readTree(plan.get(0)).get(0).get("Plan"));
    }

    private static long rowsRead(JsonNode node) {
        long read = 0;
        if (node.path("Relation Name").asString("").equals("notification_outbox")
                && node.path("Node Type").asString("").contains("Scan")
                && !UPDATED.matcher(node.path("Index Cond").asString("")).find()) {
            read += node.path("Actual Rows").asLong()
                            * Math.max(1, node.path("Actual Loops").asLong())
                    + node.path("Rows Removed by Filter").asLong()
                    + node.path("Rows Removed by Index Recheck").asLong();
        }
        for (JsonNode child : node.path("Plans")) {
            read += rowsRead(child);
        }
        return read;
    }

    private static String columns() {
        return "tenant_id, id, subscription_id, event_kind, resource_id, change_type, membership, lifecycle_event,"
                + " created_at, attempts, next_attempt_at, state, last_error, delivered_at, sku_id, source_id,"
                + " assignment_state, assignment_error";
    }

    private static final class RolledBack extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
