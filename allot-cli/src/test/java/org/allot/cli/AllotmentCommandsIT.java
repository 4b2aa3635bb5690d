package org.allot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.allot.cli.testing.AgainstARealServer;
import org.allot.cli.testing.Run;
import org.junit.jupiter.api.Test;

/**
 * Allotments from the command line: a pool created for a unit, listed with the remainder, its cap changed, a cap above
 * the product's seats refused with the server's message, and the pool deleted.
 */
class AllotmentCommandsIT extends AgainstARealServer {
    /** A product no other command test uses: its pools are the shared tenant's. */
    private static final String SKU = "SPZA_IW";

    @Test
    void aPoolIsCreatedListedChangedRefusedAboveTheSeatsAndDeleted() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String unit = "Pool unit " + suffix;
        String pool = "Pool " + suffix;
        assertThat(allot.run("subscription", "add", "--sku", SKU, "--seats", "5")
                        .exit())
                .isZero();
        assertThat(allot.run("unit", "create", unit).exit()).isZero();

        Run created = allot.run("allotment", "create", pool, "--sku", SKU, "--unit", unit, "--cap", "2");
        assertThat(created.exit()).as(created.toString()).isZero();
        assertThat(allot.run("allotment", "list", "--sku", SKU, "-o", "csv").csv())
                .anySatisfy(r -> {
                    assertThat(r.get("displayName")).isEqualTo(pool);
                    assertThat(r.get("cap")).isEqualTo("2");
                    assertThat(r.get("seats")).isEqualTo("2");
                })
                .anySatisfy(r -> assertThat(r.get("displayName")).isEqualTo("Unallotted"));

        Run raised = allot.run("allotment", "set", pool, "--sku", SKU, "--cap", "3", "-o", "csv");
        assertThat(raised.exit()).as(raised.toString()).isZero();
        assertThat(raised.csv()).singleElement().satisfies(r -> assertThat(r.get("cap"))
                .isEqualTo("3"));

        Run refused = allot.run("allotment", "set", pool, "--sku", SKU, "--cap", "50");
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.err()).contains("more than its").contains("enabled seats");

        Run deleted = allot.run("allotment", "delete", pool, "--sku", SKU);
        assertThat(deleted.exit()).as(deleted.toString()).isZero();
        assertThat(allot.run("allotment", "delete", pool, "--sku", SKU).exit()).isEqualTo(3);
    }
}
