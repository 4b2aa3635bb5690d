package org.allot.core.audit;

import java.util.Objects;

/** One modified property of an audited change; values are shown to people as they are. */
public record PropertyChange(String name, String oldValue, String newValue) {
    public PropertyChange {
        Objects.requireNonNull(name, "name");
    }

    public static PropertyChange of(String name, Object oldValue, Object newValue) {
        return new PropertyChange(
                name, oldValue == null ? null : oldValue.toString(), newValue == null ? null : newValue.toString());
    }
}
