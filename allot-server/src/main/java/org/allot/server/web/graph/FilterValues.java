package org.allot.server.web.graph;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import org.allot.core.query.Filter;
import org.allot.core.query.Property;
import org.allot.server.web.graph.FilterTokens.Kind;
import org.allot.server.web.graph.FilterTokens.Token;

/** The operators and literals of an OData {@code $filter}, read from single tokens, and the parser's error text. */
final class FilterValues {
    private FilterValues() {}

    static Filter.Operator operator(Token token) {
        for (Filter.Operator operator : Filter.Operator.values()) {
            if (token.is(operator.name().toLowerCase(Locale.ROOT))) {
                return operator;
            }
        }
        throw new BadRequest("Invalid filter clause: expected an operator (eq, ne, gt, ge, lt, le, in) at position "
                + token.position() + " but found '" + token.text() + "'.");
    }

    /** The value of a literal for a property of {@code type}; null for {@code null}. */
    static Object literal(Token token, Property.Type type) {
        if (token.is("null")) {
            return null;
        }
        return switch (type) {
            case BOOLEAN -> {
                if (token.is("true") || token.is("false")) {
                    yield Boolean.parseBoolean(token.text());
                }
                throw expectedAt(token, "true, false or null");
            }
            case GUID -> guid(token);
            case DATETIME -> time(token);
            case TEXT -> text(token);
        };
    }

    static String text(Token token) {
        if (token.kind() == Kind.STRING) {
            return token.text();
        }
        throw expectedAt(token, "a quoted string");
    }

    private static UUID guid(Token token) {
        try {
            if (token.kind() == Kind.STRING || token.kind() == Kind.LITERAL || token.kind() == Kind.NAME) {
                return UUID.fromString(token.text());
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw expectedAt(token, "a GUID");
    }

    private static Object time(Token token) {
        try {
            if (token.kind() == Kind.LITERAL || token.kind() == Kind.STRING) {
                return OffsetDateTime.parse(token.text()).toInstant();
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw expectedAt(token, "a date and time such as 2026-01-31T00:00:00Z");
    }

    static BadRequest expectedAt(Token token, String what) {
        String found = token.kind() == Kind.END ? "the end of the filter" : "'" + token.text() + "'";
        return new BadRequest("Invalid filter clause: expected " + what + " at position " + token.position()
                + " but found " + found + ".");
    }
}
