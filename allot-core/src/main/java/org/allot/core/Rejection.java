package org.allot.core;

import java.util.Locale;
import java.util.Objects;

/** An expected refusal: the request was understood and is not allowed. {@code message} is for people. */
public record Rejection(ErrorCode code, String message) {
    public Rejection {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public static Rejection of(ErrorCode code, String format, Object... args) {
        return new Rejection(code, args.length == 0 ? format : String.format(Locale.ROOT, format, args));
    }

    /** Graph's wording for an id that names nothing in the tenant. */
    public static Rejection notFound(Object id) {
        return of(
                ErrorCode.NOT_FOUND,
                "Resource '%s' does not exist or one of its queried reference-property objects are not present.",
                id);
    }

    public static Rejection invalid(String format, Object... args) {
        return of(ErrorCode.INVALID_REQUEST, format, args);
    }
}
