package org.allot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.allot.cli.testing.AgainstARealServer;
import org.allot.cli.testing.Run;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A group license's seat-impact preview from the command line for a product split into allotments: a row per pool and
 * the remainder, and a warning that the unit's pool would queue a member although the product has seats free.
 */
class AllotmentPreviewIT extends AgainstARealServer {
    /** A product no other command test uses: its pools are the shared tenant's. */
    private static final String SKU = "PROJECT_P1";

    @Test
    void thePreviewShowsAPoolThatWouldQueueWhileTheProductHasSeats() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String unit = "Pool preview " + suffix;
        String pool = "Preview seats " + suffix;
        String group = "Pool preview " + suffix;
        assertThat(allot.run("subscription", "add", "--sku", SKU, "--seats", "10")
                        .exit())
                .isZero();
        assertThat(allot.run("unit", "create", unit).exit()).isZero();
        assertThat(allot.run("group", "create", "--name", group).exit()).isZero();
        for (String who : List.of("p1", "p2")) {
            String upn = who + "." + suffix + "@contoso.com";
            assertThat(allot.run("user", "create", upn, "--name", who, "--usage-location", "US")
                            .exit())
                    .isZero();
            assertThat(allot.run("unit", "members", "add", unit, upn).exit()).isZero();
            assertThat(allot.run("group", "members", "add", group, upn).exit()).isZero();
        }
        Run created = allot.run("allotment", "create", pool, "--sku", SKU, "--unit", unit, "--cap", "1");
        assertThat(created.exit()).as(created.toString()).isZero();

        Run preview = allot.run("group", "license", "add", group, "--sku", SKU, "--preview", "-o", "json");

        assertThat(preview.exit()).as(preview.toString()).isZero();
        JsonNode rows = preview.json();
        assertThat(rows.get(0).path("skuPartNumber").asString()).isEqualTo(SKU);
        assertThat(rows.get(0).path("wouldWait").asInt()).isEqualTo(1);
        JsonNode mine = null;
        for (JsonNode row : rows) {
            if (pool.equals(row.path("allotment").asString(null))) {
                mine = row;
            }
        }
        assertThat(mine).as(rows.toString()).isNotNull();
        assertThat(mine.path("seats").asInt()).isEqualTo(1);
        assertThat(mine.path("consumedAfter").asInt()).isEqualTo(1);
        assertThat(mine.path("waitingAfter").asInt()).isEqualTo(1);
        assertThat(mine.path("wouldWait").asInt()).isEqualTo(1);
        assertThat(rows.get(rows.size() - 1).path("allotment").asString()).isEqualTo("(unallotted)");
        assertThat(preview.err())
                .contains("1 more member(s) will wait for a seat of allotment '" + pool + "' of " + SKU);
    }
}
