package org.allot.server.persistence.query;

/**
 * A filterable or sortable property of a directory object: its Graph name, the SQL expression it reads, and its
 * type.
 */
public record Property(String name, String column, Type type, boolean sortable, String scope) {

    public Property(String name, String column, Type type, boolean sortable) {
        this(name, column, type, sortable, null);
    }

    public enum Type {
        TEXT,
        BOOLEAN,
        DATETIME,
        GUID
    }

    static Property text(String name, String column) {
        return new Property(name, column, Type.TEXT, false);
    }

    static Property sortableText(String name, String column) {
        return new Property(name, column, Type.TEXT, true);
    }

    static Property bool(String name, String column) {
        return new Property(name, column, Type.BOOLEAN, false);
    }

    static Property time(String name, String column) {
        return new Property(name, column, Type.DATETIME, false);
    }

    /** A property of the elements of a collection: conditions on it are wrapped in {@code scope} (with {@code %s}). */
    static Property within(String name, String column, String scope) {
        return new Property(name, column, Type.TEXT, false, scope);
    }

    static Property sortableTime(String name, String column) {
        return new Property(name, column, Type.DATETIME, true);
    }

    static Property guid(String name, String column) {
        return new Property(name, column, Type.GUID, false);
    }
}
