package org.allot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.allot.cli.testing.AgainstARealServer;
import org.allot.cli.testing.Run;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Alerts from the command line: the rules shown and changed, and the alert a subscription ending soon raises. Works on
 * a product no other test uses (Audio Conferencing); the rules are set back to the defaults.
 */
class AlertCommandsIT extends AgainstARealServer {
    @Test
    void aSubscriptionEndingSoonIsListedAsAnOpenAlertWithItsNextStep() {
        String end = LocalDate.now(ZoneOffset.UTC).plusDays(20).toString();
        Run bought = allot.run("subscription", "add", "--sku", "MCOMEETADV", "--seats", "3", "--end", end);
        assertThat(bought.exit()).as(bought.toString()).isZero();

        Run rules = allot.run("alert", "rules", "--expiring-within-days", "45", "-o", "json");
        assertThat(rules.exit()).as(rules.toString()).isZero();
        assertThat(rules.json().path("expiringWithinDays").asInt()).isEqualTo(45);
        assertThat(rules.json().path("lapsed").asBoolean()).isTrue();
        try {
            Run open = allot.run("alert", "list", "--open", "-o", "json");
            assertThat(open.exit()).as(open.toString()).isZero();
            JsonNode alert = null;
            for (JsonNode a : open.json()) {
                if (a.path("kind").asString().equals("subscriptionExpiring")
                        && a.path("productName").asString().startsWith("Microsoft 365 Audio Conferencing")) {
                    alert = a;
                }
            }
            assertThat(alert).as(open.out()).isNotNull();
            assertThat(alert.path("status").asString()).isEqualTo("open");
            assertThat(alert.path("summary").asString()).contains("(3 seats) ends on " + end);
            assertThat(alert.path("nextStep").asString()).startsWith("Renew it");

            Run table = allot.run("alert", "list");
            assertThat(table.exit()).as(table.toString()).isZero();
            assertThat(table.out()).contains("subscriptionExpiring");
        } finally {
            assertThat(allot.run("alert", "rules", "--expiring-within-days", "30")
                            .exit())
                    .isZero();
        }
        assertThat(allot.run("alert", "rules", "--free-seats-below", "-1").exit())
                .as("refused by the server: bad input")
                .isNotZero();
        assertThat(allot.run("alert", "list", "--top", "0").exit()).isEqualTo(2);
    }
}
