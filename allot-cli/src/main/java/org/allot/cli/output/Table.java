package org.allot.cli.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What a list prints: named columns and rows of values (text, numbers, booleans, lists of text, or null; a structured
 * API property as its JSON tree, printed as JSON).
 */
public final class Table {
    private final List<String> columns;
    private final List<List<Object>> rows = new ArrayList<>();

    private Table(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    public static Table of(String... columns) {
        return new Table(Arrays.asList(columns));
    }

    /** Adds a row: one value per column. */
    public Table add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(
                    "a row of " + columns.size() + " columns " + columns + " got " + values.length + " values");
        }
        rows.add(Collections.unmodifiableList(Arrays.asList(values)));
        return this;
    }

    public List<String> columns() {
        return columns;
    }

    public List<List<Object>> rows() {
        return Collections.unmodifiableList(rows);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
