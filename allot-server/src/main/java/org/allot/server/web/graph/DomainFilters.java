package org.allot.server.web.graph;

import java.util.Locale;
import java.util.Objects;
import org.allot.api.graph.DomainResource;
import org.allot.core.query.Filter;
import org.allot.core.query.Property;

/**
 * Graph's {@code $filter} on the tenant's domains, which are few and read whole: {@code eq}, {@code ne}, {@code in},
 * {@code startsWith}, {@code endsWith}, {@code and}, {@code or} and {@code not} on their properties
 * ({@code isDefault eq true}, {@code isVerified eq true}, {@code id eq 'contoso.com'}), names compared ignoring case.
 */
final class DomainFilters {
    private DomainFilters() {}

    /** Whether the domain passes the filter; a clause domains cannot answer is Graph's 400. */
    static boolean matches(Filter filter, DomainResource domain) {
        if (filter instanceof Filter.And and) {
            return and.parts().stream().allMatch(p -> matches(p, domain));
        }
        if (filter instanceof Filter.Or or) {
            return or.parts().stream().anyMatch(p -> matches(p, domain));
        }
        if (filter instanceof Filter.Not not) {
            return !matches(not.inner(), domain);
        }
        if (filter instanceof Filter.Compare compare) {
            boolean equal = same(value(compare.property(), domain), compare.value());
            return switch (compare.operator()) {
                case EQ -> equal;
                case NE -> !equal;
                default -> throw unsupported();
            };
        }
        if (filter instanceof Filter.In in) {
            Object value = value(in.property(), domain);
            return in.values().stream().anyMatch(v -> same(value, v));
        }
        if (filter instanceof Filter.StartsWith starts) {
            return text(value(starts.property(), domain)).startsWith(text(starts.prefix()));
        }
        if (filter instanceof Filter.EndsWith ends) {
            return text(value(ends.property(), domain)).endsWith(text(ends.suffix()));
        }
        throw unsupported();
    }

    private static Object value(Property property, DomainResource d) {
        return switch (property.name()) {
            case "id" -> d.id();
            case "authenticationType" -> d.authenticationType();
            case "isAdminManaged" -> d.isAdminManaged();
            case "isDefault" -> d.isDefault();
            case "isInitial" -> d.isInitial();
            case "isRoot" -> d.isRoot();
            case "isVerified" -> d.isVerified();
            default -> throw unsupported();
        };
    }

    private static boolean same(Object value, Object wanted) {
        if (value instanceof String text && wanted instanceof String other) {
            return text.equalsIgnoreCase(other);
        }
        return Objects.equals(value, wanted);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().toLowerCase(Locale.ROOT);
    }

    private static BadRequest unsupported() {
        return new BadRequest(
                "Request_UnsupportedQuery",
                "Unsupported query: domains are filtered on id, authenticationType, isAdminManaged, isDefault,"
                        + " isInitial, isRoot and isVerified.");
    }
}
