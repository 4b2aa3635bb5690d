package org.allot.cli.bulk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.allot.cli.api.Api;
import tools.jackson.databind.JsonNode;

/**
 * A dry run asks the server: the rows that would change something are sent to a validate-only endpoint of the API,
 * which checks each by the rules that would apply it, after the rows before it, and changes nothing. A row it refuses
 * would fail, with the server's reason; the later rows of the same user would then be skipped, as in a real run.
 */
final class DryRun {
    static final String WOULD_FAIL = "would fail";
    static final String WOULD_SKIP = "would skip";
    /** Rows in one request (the server takes up to 1000); the rows of one user always go together. */
    private static final int ROWS_PER_REQUEST = 500;

    /** Where an import's rows are checked, and each request as a row of that endpoint. */
    record Validation(String path, Function<Step.Request, Object> row) {}

    private DryRun() {}

    static List<ImportRun.Result> check(Api api, Validation validation, List<Step> steps) {
        Map<String, List<Step>> lanes = ImportRun.lanes(steps);
        Map<Step, ImportRun.Result> answered = new HashMap<>();
        List<Step> batch = new ArrayList<>();
        for (List<Step> lane : lanes.values()) {
            if (!batch.isEmpty() && batch.size() + lane.size() > ROWS_PER_REQUEST) {
                send(api, validation, batch, answered);
                batch = new ArrayList<>();
            }
            batch.addAll(lane);
        }
        if (!batch.isEmpty()) {
            send(api, validation, batch, answered);
        }
        for (List<Step> lane : lanes.values()) {
            Step failed = null;
            for (Step step : lane) {
                if (failed != null) {
                    answered.put(
                            step,
                            new ImportRun.Result(
                                    step,
                                    WOULD_SKIP,
                                    "would not be sent: line " + failed.line() + " of the same user would fail"));
                } else if (answered.get(step).outcome().equals(WOULD_FAIL)) {
                    failed = step;
                }
            }
        }
        return steps.stream()
                .map(s -> answered.getOrDefault(
                        s, new ImportRun.Result(s, s.action().planned(), s.detail())))
                .toList();
    }

    private static void send(Api api, Validation validation, List<Step> batch, Map<Step, ImportRun.Result> answered) {
        List<Object> rows =
                batch.stream().map(s -> validation.row().apply(s.request())).toList();
        JsonNode values = api.post(validation.path(), Map.of("value", rows)).path("value");
        for (int i = 0; i < batch.size(); i++) {
            Step step = batch.get(i);
            JsonNode answer = values.path(i);
            answered.put(
                    step,
                    answer.path("valid").asBoolean(false)
                            ? new ImportRun.Result(step, step.action().planned(), step.detail())
                            : new ImportRun.Result(
                                    step,
                                    WOULD_FAIL,
                                    answer.path("error").path("code").asString("")
                                            + ": "
                                            + answer.path("error")
                                                    .path("message")
                                                    .asString("")));
        }
    }
}
