package org.allot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.allot.cli.testing.AgainstARealServer;
import org.allot.cli.testing.Run;
import org.junit.jupiter.api.Test;

/** The tenant's domains: listed with the initial one, one added verified, removed, and what cannot be removed. */
class DomainCommandsIT extends AgainstARealServer {

    @Test
    void aDomainIsAddedVerifiedListedAndRemoved() {
        Run before = allot.run("domains", "list", "-o", "csv");
        assertThat(before.exit()).as(before.toString()).isZero();
        assertThat(before.csv()).first().satisfies(d -> assertThat(d.get("isDefault"))
                .isEqualTo("true"));
        assertThat(before.csv())
                .filteredOn(d -> d.get("isInitial").equals("true"))
                .singleElement()
                .satisfies(d -> assertThat(d.get("id")).endsWith(".allot.local"));

        Run added = allot.run("domains", "add", "Corp.Example.Test");
        assertThat(added.exit()).as(added.toString()).isZero();
        assertThat(added.out()).contains("corp.example.test");
        assertThat(added.err()).contains("Added corp.example.test, verified");
        assertThat(allot.run("domains", "list", "-o", "csv").csv())
                .extracting(d -> d.get("id"))
                .contains("corp.example.test");
        assertThat(api.get("/v1.0/domains/corp.example.test").path("isVerified").asBoolean())
                .isTrue();

        Run again = allot.run("domains", "add", "corp.example.test");
        assertThat(again.exit()).isEqualTo(4);
        assertThat(again.err()).contains("already");

        Run removed = allot.run("domains", "remove", "corp.example.test");
        assertThat(removed.exit()).as(removed.toString()).isZero();
        assertThat(allot.run("domains", "list", "-o", "csv").csv())
                .extracting(d -> d.get("id"))
                .doesNotContain("corp.example.test");
        assertThat(allot.run("domains", "remove", "corp.example.test").exit()).isEqualTo(3);
    }

    @Test
    void anAddressAnEmptyNameOrAPathIsNoDomainAndChangesNothing() {
        String before = allot.run("domains", "list", "-o", "csv").out();

        for (String name : List.of("127.0.0.1", "", "a".repeat(10_000) + ".example")) {
            Run refused = allot.run("domains", "add", name);
            assertThat(refused.exit()).as(refused.toString()).isEqualTo(4);
            assertThat(refused.err()).contains("is invalid: use a fully qualified domain name");
        }
        for (String name : List.of("..", ".", "", "../users")) {
            Run refused = allot.run("domains", "remove", name);
            assertThat(refused.exit()).as("remove '" + name + "': " + refused).isNotZero();
        }
        assertThat(allot.run("domains", "list", "-o", "csv").out()).isEqualTo(before);
    }

    @Test
    void theInitialAndTheDefaultDomainStay() {
        Run list = allot.run("domains", "list", "-o", "csv");
        String initial = list.csv().stream()
                .filter(d -> d.get("isInitial").equals("true"))
                .map(d -> d.get("id"))
                .findFirst()
                .orElseThrow();
        String defaultDomain = list.csv().get(0).get("id");

        Run removeInitial = allot.run("domains", "remove", initial);
        assertThat(removeInitial.exit()).isEqualTo(4);
        assertThat(removeInitial.err()).contains("The initial domain " + initial + " cannot be deleted.");
        Run removeDefault = allot.run("domains", "remove", defaultDomain);
        assertThat(removeDefault.exit()).isEqualTo(4);
        assertThat(removeDefault.err()).contains("default domain");
    }
}
