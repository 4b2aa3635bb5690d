package org.allot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.allot.bench.scenario.Scenario;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The harness at {@code --quick} size, so that it never rots: every scenario runs against a real server process
 * and PostgreSQL and produces its figures, and results.json is written. No figure is checked: times belong to the
 * benchmark run, not to tests.
 */
class QuickRunIT {

    @Test
    void everyScenarioProducesItsFiguresAndResultsJson() throws Exception {
        Path out = Path.of(System.getProperty("allot.bench.out", "target/bench-quick"));

        int exit = new CommandLine(new Bench()).execute("--quick", "--runs", "1", "--out", out.toString());

        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(out.resolve("results.json")));
        assertThat(json.path("failures").properties()).as("failed scenarios").isEmpty();
        assertThat(exit).isZero();
        Set<String> reported = new HashSet<>();
        for (JsonNode row : json.path("results")) {
            reported.add(row.path("scenario").asString());
            assertThat(row.path("runs").asInt()).as(row.toString()).isPositive();
            assertThat(row.path("median").isNumber()).as(row.toString()).isTrue();
        }
        assertThat(reported)
                .containsExactlyInAnyOrderElementsOf(
                        Bench.SCENARIOS.stream().map(Scenario::id).toList());
        assertThat(json.path("machine").path("cores").asInt()).isPositive();
        assertThat(json.path("machine").path("postgresql").asString()).startsWith("PostgreSQL");
    }
}
