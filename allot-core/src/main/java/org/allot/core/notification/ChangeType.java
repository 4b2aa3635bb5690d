package org.allot.core.notification;

import java.util.Locale;
import java.util.Optional;

/** What happened to a resource, by Graph's names ({@code created}, {@code updated}, {@code deleted}). */
public enum ChangeType {
    CREATED,
    UPDATED,
    DELETED;

    /** Graph's name. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ChangeType> ofWireName(String name) {
        for (ChangeType type : values()) {
            if (type.wireName().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
