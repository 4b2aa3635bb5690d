package org.allot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.allot.cli.testing.AgainstARealServer;
import org.allot.cli.testing.Run;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Group-only licensing from the command line (docs/delegation.md): {@code allot license group-only} forbids direct
 * assignment of a product, {@code allot license assign} is then refused with the reason unless
 * {@code --override-group-only}, and {@code allot license migrate} previews (--what-if) and moves the direct holders to
 * a group (--confirm), the seats unchanged.
 */
class GroupOnlyCommandsIT extends AgainstARealServer {
    /** A product no other command test uses: its policy is the shared tenant's. */
    private static final String SKU = "RIGHTSMANAGEMENT";

    private int consumed() {
        for (JsonNode sku : api.get("/v1.0/subscribedSkus").path("value")) {
            if (sku.path("skuPartNumber").asString().equals(SKU)) {
                return sku.path("consumedUnits").asInt();
            }
        }
        throw new AssertionError("no " + SKU);
    }

    @Test
    void aGroupOnlyProductIsRefusedUnlessOverriddenAndItsHoldersMoveToAGroup() {
        assertThat(allot.run("subscription", "add", "--sku", SKU, "--seats", "3")
                        .exit())
                .isZero();
        for (String who : new String[] {"rights.one", "rights.two", "rights.three"}) {
            Run created = allot.run("user", "create", who + "@contoso.com", "--name", who, "--usage-location", "US");
            assertThat(created.exit()).as(created.toString()).isZero();
        }
        for (String who : new String[] {"rights.one", "rights.two"}) {
            Run assigned = allot.run("license", "assign", "--user", who + "@contoso.com", "--sku", SKU);
            assertThat(assigned.exit()).as(assigned.toString()).isZero();
        }
        try {
            Run on = allot.run("license", "group-only", "--sku", SKU, "--on", "-o", "json");
            assertThat(on.exit()).as(on.toString()).isZero();
            assertThat(on.json().path("groupOnly").asBoolean()).as(on.out()).isTrue();
            Run listed = allot.run("license", "group-only", "-o", "csv");
            assertThat(listed.csv())
                    .anySatisfy(r -> assertThat(r.get("skuPartNumber")).isEqualTo(SKU));

            Run refused = allot.run("license", "assign", "--user", "rights.three@contoso.com", "--sku", SKU);
            assertThat(refused.exit()).isNotZero();
            assertThat(refused.err()).contains("is not allowed: the group-only policy of this product");
            Run overridden = allot.run(
                    "license", "assign", "--user", "rights.three@contoso.com", "--sku", SKU, "--override-group-only");
            assertThat(overridden.exit()).as(overridden.toString()).isZero();
            assertThat(consumed()).isEqualTo(3);

            assertThat(allot.run("group", "create", "--name", "Rights holders").exit())
                    .isZero();
            Run licensed = allot.run("group", "license", "add", "Rights holders", "--sku", SKU, "--wait");
            assertThat(licensed.exit()).as(licensed.toString()).isZero();
            Run whatIf = allot.run(
                    "license", "migrate", "--sku", SKU, "--group", "Rights holders", "--what-if", "-o", "json");
            assertThat(whatIf.exit()).as(whatIf.toString()).isZero();
            assertThat(whatIf.json().path("moving").asInt()).as(whatIf.out()).isEqualTo(3);
            assertThat(whatIf.json().path("joining").asInt()).isEqualTo(3);
            assertThat(whatIf.json().path("seatsUsedAfter").asInt()).isEqualTo(3);
            assertThat(allot.run("license", "migrate", "--sku", SKU).exit())
                    .as("--what-if or --confirm is needed")
                    .isEqualTo(2);

            Run moved = allot.run(
                    "license", "migrate", "--sku", SKU, "--group", "Rights holders", "--confirm", "-o", "json");
            assertThat(moved.exit()).as(moved.toString()).isZero();
            assertThat(moved.json().path("moved").asInt()).as(moved.out()).isEqualTo(3);
            assertThat(moved.json().path("joined").asInt()).isEqualTo(3);
            assertThat(consumed()).isEqualTo(3);
            Run shown = allot.run("license", "show", "--user", "rights.one@contoso.com", "-o", "csv");
            assertThat(shown.csv())
                    .filteredOn(r -> SKU.equals(r.get("skuPartNumber")))
                    .singleElement()
                    .satisfies(r -> assertThat(r.get("source")).isEqualTo("Rights holders"));
        } finally {
            assertThat(allot.run("license", "group-only", "--sku", SKU, "--off").exit())
                    .isZero();
        }
    }
}
