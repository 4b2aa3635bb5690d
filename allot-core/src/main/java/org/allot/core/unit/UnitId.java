package org.allot.core.unit;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The id of an administrative unit (a directory object id, as users' and groups' are). */
public record UnitId(UUID value) implements Serializable {
    public UnitId {
        Objects.requireNonNull(value, "value");
    }

    public static UnitId random() {
        return new UnitId(UUID.randomUUID());
    }

    /** The id a request names, when it is one. */
    public static Optional<UnitId> parse(String text) {
        try {
            return Optional.of(new UnitId(UUID.fromString(text)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
