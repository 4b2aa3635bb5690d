package org.allot.cli.output;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.allot.api.SpreadsheetCells;
import org.allot.cli.api.Api;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/** Prints tables and items on stdout as aligned text, JSON or CSV. */
public final class Printer {
    private static final String GAP = "  ";

    private final PrintWriter out;
    private final PrintWriter err;
    private final OutputFormat format;
    private final List<String> fields;

    public Printer(PrintWriter out, PrintWriter err, OutputFormat format) {
        this(out, err, format, List.of());
    }

    /** A printer that prints only {@code fields} (none: every column), in their order ({@code --fields}). */
    public Printer(PrintWriter out, PrintWriter err, OutputFormat format, List<String> fields) {
        this.out = out;
        this.err = err;
        this.format = format;
        this.fields = List.copyOf(fields);
    }

    public OutputFormat format() {
        return format;
    }

    /** The table; for people, "No results." on stderr when it has no rows. */
    public void print(Table table) {
        table = chosen(table);
        if (format == OutputFormat.TABLE && table.isEmpty()) {
            err.println("No results.");
            err.flush();
        }
        switch (format) {
            case TABLE -> out.print(render(table));
            case JSON -> out.println(json(objects(table)));
            case CSV -> out.print(csv(table));
        }
        out.flush();
    }

    public void print(Item item) {
        item = chosen(item);
        switch (format) {
            case TABLE -> out.print(render(item));
            case JSON -> out.println(json(item.properties()));
            case CSV -> out.print(csv(item.asTable()));
        }
        out.flush();
    }

    /**
     * An item and a table that belongs to it: for people the item, then the table under a blank line; in JSON one
     * object with the table's rows as its property {@code name}; in CSV the item alone (the table has a command of its
     * own).
     */
    public void print(Item item, String name, Table table) {
        if (!fields.isEmpty()) {
            print(item);
            return;
        }
        switch (format) {
            case TABLE -> {
                out.print(render(item));
                if (!table.isEmpty()) {
                    out.println();
                    out.print(render(table));
                }
            }
            case JSON -> {
                Map<String, Object> object = new LinkedHashMap<>(item.properties());
                object.put(name, objects(table));
                out.println(json(object));
            }
            case CSV -> out.print(csv(item.asTable()));
        }
        out.flush();
    }

    /** The table with the columns {@code --fields} names, in its order; a name it does not have is a usage error. */
    Table chosen(Table table) {
        if (fields.isEmpty()) {
            return table;
        }
        int[] index = new int[fields.size()];
        for (int f = 0; f < index.length; f++) {
            index[f] = column(table.columns(), fields.get(f));
        }
        Table chosen = Table.of(
                java.util.Arrays.stream(index).mapToObj(table.columns()::get).toArray(String[]::new));
        for (List<Object> row : table.rows()) {
            chosen.add(java.util.Arrays.stream(index).mapToObj(row::get).toArray());
        }
        return chosen;
    }

    private Item chosen(Item item) {
        if (fields.isEmpty()) {
            return item;
        }
        List<String> names = new ArrayList<>(item.properties().keySet());
        Item chosen = Item.of();
        for (String field : fields) {
            String name = names.get(column(names, field));
            chosen.put(name, item.properties().get(name));
        }
        return chosen;
    }

    /** Where a field is among the columns, its case aside. */
    private static int column(List<String> columns, String field) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).equalsIgnoreCase(field.strip())) {
                return c;
            }
        }
        throw org.allot.cli.process.Failure.usage(
                "--fields: there is no field '" + field.strip() + "'; there are " + String.join(", ", columns) + ".");
    }

    /** Aligned columns under a header; numbers right-aligned; no trailing spaces. */
    public static String render(Table table) {
        if (table.isEmpty()) {
            return "";
        }
        int[] widths = new int[table.columns().size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = table.columns().get(c).length();
            for (List<Object> row : table.rows()) {
                widths[c] = Math.max(widths[c], text(row.get(c)).length());
            }
        }
        StringBuilder s = new StringBuilder();
        line(s, new ArrayList<>(table.columns()), widths);
        for (List<Object> row : table.rows()) {
            line(s, row, widths);
        }
        return s.toString();
    }

    /** One property a line: names aligned, then values. */
    public static String render(Item item) {
        int width = item.properties().keySet().stream()
                .mapToInt(String::length)
                .max()
                .orElse(0);
        StringBuilder s = new StringBuilder();
        item.properties().forEach((name, value) -> s.append(
                        (name + " ".repeat(width - name.length()) + GAP + text(value)).stripTrailing())
                .append('\n'));
        return s.toString();
    }

    /** A value as a table or CSV cell: nothing for null, lists joined with commas. */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Printer::text).collect(Collectors.joining(","));
        }
        return value.toString();
    }

    /**
     * The table as CSV, its header first; a text cell that would start a spreadsheet formula is defused with a leading
     * apostrophe ({@link SpreadsheetCells}), as the admin center's export does.
     */
    public static String csv(Table table) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        table.columns().forEach(schema::addColumn);
        StringWriter text = new StringWriter();
        List<List<String>> rows = table.rows().stream()
                .map(row -> row.stream()
                        .map(cell -> cell instanceof Number ? text(cell) : SpreadsheetCells.defused(text(cell)))
                        .toList())
                .toList();
        Csv.MAPPER.writer(schema.build()).writeValues(text).writeAll(rows).close();
        if (rows.isEmpty()) {
            return String.join(",", table.columns()) + "\n";
        }
        return text.toString();
    }

    /** The CSV mapper, built on first use only: tables and JSON, most commands' output, do without it. */
    private static final class Csv {
        static final CsvMapper MAPPER = CsvMapper.builder()
                .enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING)
                .build();
    }

    private static void line(StringBuilder s, List<Object> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            Object cell = cells.get(c);
            String value = text(cell);
            String pad = " ".repeat(widths[c] - value.length());
            line.append(cell instanceof Number ? pad + value : value + pad);
            if (c < widths.length - 1) {
                line.append(GAP);
            }
        }
        s.append(line.toString().stripTrailing()).append('\n');
    }

    private static List<Map<String, Object>> objects(Table table) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (int c = 0; c < row.size(); c++) {
                object.put(table.columns().get(c), row.get(c));
            }
            objects.add(object);
        }
        return objects;
    }

    private static String json(Object value) {
        return Api.json().writerWithDefaultPrettyPrinter().writeValueAsString(value);
    }
}
