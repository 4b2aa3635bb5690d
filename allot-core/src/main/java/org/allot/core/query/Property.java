package org.allot.core.query;

/** A filterable or sortable property of a directory object or audit record: its Graph name and its type. */
public record Property(String name, Type type, boolean sortable) {

    public enum Type {
        TEXT,
        BOOLEAN,
        DATETIME,
        GUID
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
}
