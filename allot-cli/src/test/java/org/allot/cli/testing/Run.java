package org.allot.cli.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/** What a command line did: its exit code, stdout and stderr. */
public record Run(String command, int exit, String out, String err) {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final CsvMapper CSV = CsvMapper.builder().build();

    public JsonNode json() {
        return JSON.readTree(out);
    }

    /** Stdout read as CSV with a header: one map per row. */
    public List<Map<String, String>> csv() {
        return csv(out);
    }

    public static List<Map<String, String>> csv(String text) {
        List<Map<String, String>> rows = new ArrayList<>();
        CSV.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(text)
                .forEachRemaining(r -> {
                    @SuppressWarnings("unchecked")
                    Map<String, String> row = new LinkedHashMap<>((Map<String, String>) r);
                    rows.add(row);
                });
        return rows;
    }

    @Override
    public String toString() {
        return "allot " + command + " -> exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
