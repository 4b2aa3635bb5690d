package org.allot.core.query;

/**
 * A filterable or sortable property of a directory object or audit record: its Graph name, its type and how Graph lets
 * it be filtered.
 */
public record Property(String name, Type type, boolean sortable, Filtering filtering) {

    public enum Type {
        TEXT,
        BOOLEAN,
        DATETIME,
        GUID
    }

    /** What filters Graph accepts on a property. */
    public enum Filtering {
        /** Every operator of its type; the advanced ones ({@code ne}, {@code not}, …) with advanced queries. */
        FULL,
        /** Only in advanced queries ({@code ConsistencyLevel: eventual}), such as the extension attributes. */
        ADVANCED,
        /**
         * Only equality ({@code eq}, {@code in}, {@code ne} and {@code not} in advanced queries), no {@code startsWith}
         * or ordering, such as security identifiers.
         */
        EQUALITY
    }

    public Property(String name, Type type, boolean sortable) {
        this(name, type, sortable, Filtering.FULL);
    }

    static Property text(String name) {
        return new Property(name, Type.TEXT, false);
    }

    static Property sortableText(String name) {
        return new Property(name, Type.TEXT, true);
    }

    static Property bool(String name) {
        return new Property(name, Type.BOOLEAN, false);
    }

    static Property time(String name) {
        return new Property(name, Type.DATETIME, false);
    }

    static Property sortableTime(String name) {
        return new Property(name, Type.DATETIME, true);
    }

    static Property guid(String name) {
        return new Property(name, Type.GUID, false);
    }

    static Property advancedText(String name) {
        return new Property(name, Type.TEXT, false, Filtering.ADVANCED);
    }

    static Property equality(String name) {
        return new Property(name, Type.TEXT, false, Filtering.EQUALITY);
    }
}
