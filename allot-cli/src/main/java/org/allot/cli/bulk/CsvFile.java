package org.allot.cli.bulk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.allot.api.SpreadsheetCells;
import org.allot.cli.process.Failure;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * A CSV file to import, read with Jackson's CSV parser: a header naming known columns (in any case, in any order),
 * then records, each with the line it starts on. Commas, semicolons or tabs separate fields (seen from the header).
 * A record with the wrong number of fields, or text that cannot be read, is a {@link Problem} at its line; the header
 * naming an unknown column, or missing a required one, makes the whole file a usage error.
 */
public record CsvFile(String name, List<String> columns, List<Record> records, List<Problem> problems) {
    private static final CsvMapper CSV =
            CsvMapper.builder().enable(CsvReadFeature.SKIP_EMPTY_LINES).build();

    /** A record: the line it starts on, and its non-empty values by column. */
    @SuppressWarnings("JavaLangClash") // RFC 4180's word; always used as CsvFile.Record or a record of a CsvFile
    public record Record(int line, Map<String, String> values) {
        public String get(String column) {
            return values.get(column);
        }
    }

    /** A line that cannot be imported, and why. */
    public record Problem(int line, String message) {}

    /** The columns a file may have: canonical names, other names they go by, and those it must have. */
    public record Columns(
            List<String> names, Map<String, String> aliases, List<String> required, List<String> ignored) {
        public Columns(List<String> names, Map<String, String> aliases, List<String> required) {
            this(names, aliases, required, List.of());
        }

        /** Whether a column is one the file may have and the import does not read (what a list prints besides). */
        boolean ignores(String header) {
            String h = header.strip();
            return ignored.stream().anyMatch(i -> i.equalsIgnoreCase(h));
        }

        String canonical(String header) {
            String h = header.strip().toLowerCase(Locale.ROOT);
            for (String name : names) {
                if (name.toLowerCase(Locale.ROOT).equals(h)) {
                    return name;
                }
            }
            return aliases.get(h);
        }
    }

    /** Whether a file argument means standard input ({@code -}). */
    public static boolean isStdin(Path path) {
        return path.toString().equals("-");
    }

    /**
     * Reads a file, or standard input for {@code -}; a pipe or a process substitution ({@code /dev/fd/N}) is read as
     * a file. UTF-8, or UTF-16 with its byte-order mark; anything else is refused with the line it goes wrong on.
     */
    public static CsvFile read(Path path, InputStream stdin, Columns columns) {
        boolean fromStdin = isStdin(path);
        String name = fromStdin ? "stdin" : String.valueOf(path.getFileName());
        byte[] bytes;
        try {
            bytes = fromStdin ? stdin.readAllBytes() : Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw Failure.usage("There is no file " + path + ".");
        } catch (IOException e) {
            throw Failure.usage("Cannot read " + path + ": " + e.getMessage());
        }
        return read(name, FileText.decode(name, bytes), columns);
    }

    public static CsvFile read(String name, Reader input, Columns columns) throws IOException {
        BufferedReader reader = new BufferedReader(input);
        reader.mark(64 * 1024);
        String first = reader.readLine();
        reader.reset();
        if (first == null || first.isBlank()) {
            throw Failure.usage(name + " is empty: it needs a header line naming its columns, e.g. "
                    + String.join(",", columns.required()) + ".");
        }
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator(first));
        List<String> header = null;
        List<Record> records = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int line = 1;
        try (JsonParser parser = CSV.reader(schema).createParser(reader)) {
            List<String> fields = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_ARRAY) {
                    line = parser.currentLocation().getLineNr();
                    fields = new ArrayList<>();
                } else if (token == JsonToken.VALUE_STRING) {
                    fields.add(parser.getString());
                } else if (token == JsonToken.END_ARRAY) {
                    if (header == null) {
                        header = header(name, fields, columns);
                    } else {
                        record(line, fields, header, records, problems);
                    }
                }
            }
        } catch (JacksonException e) {
            problems.add(new Problem(
                    line, "cannot be read (" + e.getOriginalMessage() + "); this line and the rest are skipped"));
        }
        if (header == null) {
            throw Failure.usage(name + " line 1, the header, cannot be read"
                    + (problems.isEmpty() ? "." : ": " + problems.get(0).message() + "."));
        }
        return new CsvFile(name, header, records, problems);
    }

    public static CsvFile read(String name, String text, Columns columns) {
        try {
            return read(name, new StringReader(text), columns);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static char separator(String headerLine) {
        if (headerLine.contains(",")) {
            return ',';
        }
        return headerLine.contains(";") ? ';' : headerLine.contains("\t") ? '\t' : ',';
    }

    private static List<String> header(String name, List<String> fields, Columns columns) {
        List<String> header = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            String raw = i == 0 ? fields.get(i).replace("\uFEFF", "") : fields.get(i);
            String column = columns.canonical(raw);
            if (column == null && columns.ignores(raw)) {
                header.add(null);
                continue;
            }
            if (column == null) {
                throw Failure.usage(name + " line 1: unknown column '" + raw.strip() + "'; the columns are "
                        + String.join(", ", columns.names()) + ".");
            }
            if (seen.put(column, i) != null) {
                throw Failure.usage(name + " line 1: column " + column + " appears twice.");
            }
            header.add(column);
        }
        for (String required : columns.required()) {
            if (!seen.containsKey(required)) {
                throw Failure.usage(name + " line 1: the header has no column " + required + ".");
            }
        }
        return header;
    }

    private static void record(
            int line, List<String> fields, List<String> header, List<Record> records, List<Problem> problems) {
        boolean onlyEmptyExtras = fields.subList(Math.min(header.size(), fields.size()), fields.size()).stream()
                .allMatch(String::isBlank);
        if (fields.size() < header.size() || !onlyEmptyExtras) {
            problems.add(new Problem(
                    line, "has " + fields.size() + " fields where the header has " + header.size() + " columns"));
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i) == null) {
                continue;
            }
            String value = SpreadsheetCells.restored(fields.get(i).strip());
            if (!value.isEmpty()) {
                values.put(header.get(i), value);
            }
        }
        records.add(new Record(line, values));
    }
}
