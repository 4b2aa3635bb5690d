package org.allot.cli.output;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a single object prints: its properties in order. */
public final class Item {
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public static Item of() {
        return new Item();
    }

    public Item put(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    /** The item as a one-row table. */
    public Table asTable() {
        Table table = Table.of(properties.keySet().toArray(String[]::new));
        table.add(properties.values().toArray());
        return table;
    }
}
