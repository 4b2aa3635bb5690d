package org.allot.core.directory;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Where a user uses their services: an ISO 3166-1 alpha-2 country code, as Microsoft 365 requires. */
public record UsageLocation(String code) implements Comparable<UsageLocation> {
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public UsageLocation {
        Objects.requireNonNull(code, "code");
        if (!COUNTRIES.contains(code)) {
            throw new IllegalArgumentException("not an ISO 3166-1 alpha-2 country code: " + code);
        }
    }

    /** The location for a code in any case, or empty when it is not a country code. */
    public static Optional<UsageLocation> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        return COUNTRIES.contains(upper) ? Optional.of(new UsageLocation(upper)) : Optional.empty();
    }

    public static UsageLocation of(String code) {
        return parse(code).orElseThrow(() -> new IllegalArgumentException("not a country code: " + code));
    }

    @Override
    public int compareTo(UsageLocation other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
