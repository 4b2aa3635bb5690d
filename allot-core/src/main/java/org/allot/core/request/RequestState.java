package org.allot.core.request;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a license request stands: pending until approved, denied, expired or cancelled, which are final. */
public enum RequestState {
    PENDING,
    APPROVED,
    DENIED,
    EXPIRED,
    CANCELLED;

    /** The name on the wire and in the CLI: {@code pending}, {@code approved}, … */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RequestState> parse(String name) {
        return Arrays.stream(values())
                .filter(s -> s.wireName().equalsIgnoreCase(name == null ? "" : name.strip()))
                .findFirst();
    }
}
