package org.allot.server.web.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.allot.core.query.Entity;
import org.allot.core.query.Filter;
import org.allot.core.query.Property;
import org.allot.server.web.graph.FilterTokens.Kind;
import org.allot.server.web.graph.FilterTokens.Token;

/**
 * Parses the subset of OData {@code $filter} that Graph supports on users and groups: {@code eq}, {@code ne},
 * {@code gt/ge/lt/le} (dates; {@code ge/le} also on the text Graph orders), {@code in}, {@code startsWith}, {@code endsWith}, {@code and}, {@code or},
 * {@code not}, parentheses, lambdas over collections ({@code groupTypes/any(c:c eq 'DynamicMembership')},
 * {@code proxyAddresses/any(x:startsWith(x,'smtp:'))}), {@code assignedLicenses/any(x:x/skuId eq …)},
 * {@code assignedLicenses/any()}, {@code assignedLicenses/$count eq n}, on users
 * {@code assignedPlans/any(a:a/servicePlanId eq …)} (these in {@link FilterLambdas}) and, on groups,
 * {@code hasMembersWithLicenseErrors eq true}. Advanced forms ({@code ne}, {@code not}, {@code endsWith},
 * {@code $count}) need the {@code ConsistencyLevel: eventual} header, as on Graph.
 */
final class FilterParser {
    private static final int MAX_LENGTH = 4096;
    private static final int MAX_DEPTH = 32;

    private final Entity entity;
    private final boolean advanced;
    private final FilterCursor in;
    private int depth;
    /** Inside {@code any(…)}: its variable and the collection it stands for ({@code proxyAddresses/any}). */
    private String[] lambda;

    private FilterParser(Entity entity, boolean advanced, String filter) {
        this.entity = entity;
        this.advanced = advanced;
        this.in = new FilterCursor(filter);
    }

    static Filter parse(String filter, Entity entity, boolean advanced) {
        if (filter.isBlank()) {
            throw new BadRequest("Invalid filter clause: the filter is empty.");
        }
        if (filter.length() > MAX_LENGTH) {
            throw new BadRequest("Invalid filter clause: a filter is at most " + MAX_LENGTH + " characters.");
        }
        FilterParser parser = new FilterParser(entity, advanced, filter);
        Filter result = parser.or();
        if (parser.in.peek().kind() != Kind.END) {
            throw parser.expected("the end of the filter");
        }
        return result;
    }

    private Filter or() {
        List<Filter> parts = new ArrayList<>(List.of(and()));
        while (peek().is("or")) {
            next();
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new Filter.Or(parts);
    }

    private Filter and() {
        List<Filter> parts = new ArrayList<>(List.of(unary()));
        while (peek().is("and")) {
            next();
            parts.add(unary());
        }
        return parts.size() == 1 ? parts.get(0) : new Filter.And(parts);
    }

    private Filter unary() {
        if (++depth > MAX_DEPTH) {
            throw new BadRequest("Invalid filter clause: the filter nests too deeply.");
        }
        try {
            if (peek().is("not")) {
                next();
                requireAdvanced("not");
                return new Filter.Not(unary());
            }
            return primary();
        } finally {
            depth--;
        }
    }

    private Filter primary() {
        if (peek().is("(")) {
            next();
            Filter inner = or();
            expect(")");
            return inner;
        }
        Token name = next();
        if (name.kind() != Kind.NAME) {
            throw expectedAt(name, "a property name or startsWith(");
        }
        if ((name.is("startsWith") || name.is("endsWith")) && peek().is("(")) {
            return function(name);
        }
        if (name.is("contains")) {
            throw new BadRequest("Invalid filter clause: the function '" + name.text() + "' is not supported.");
        }
        if (name.is("assignedLicenses") && lambda == null) {
            return FilterLambdas.licenses(in, advanced);
        }
        if (name.is("assignedPlans") && lambda == null && Entity.USER.equals(entity)) {
            return FilterLambdas.plans(in);
        }
        if (lambda == null && peek().is("/") && in.second().is("any")) {
            return any(name);
        }
        return comparison(path(name));
    }

    /** {@code startsWith(property,'text')} or {@code endsWith(property,'text')} (an advanced query). */
    private Filter function(Token name) {
        expect("(");
        Property property = property(path(next()));
        expect(",");
        String value = FilterValues.text(next());
        expect(")");
        requireText(property, name.text());
        supported(property, true);
        if (name.is("endsWith")) {
            requireAdvanced("endsWith");
            return new Filter.EndsWith(property, value);
        }
        return new Filter.StartsWith(property, value);
    }

    /** {@code collection/any(x: x op v)}, {@code …any(x: x/field op v)} or {@code …any(x: startsWith(x,'v'))}. */
    private Filter any(Token collection) {
        expect("/");
        expect("any");
        expect("(");
        lambda = new String[] {in.lambdaVariable(), collection.text() + "/any"};
        try {
            Token first = next();
            Filter body = (first.is("startsWith") || first.is("endsWith")) && peek().is("(")
                    ? function(first)
                    : comparison(path(first));
            expect(")");
            return body;
        } finally {
            lambda = null;
        }
    }

    private Filter comparison(Token name) {
        if (name.is("hasMembersWithLicenseErrors") && Entity.GROUP.equals(entity)) {
            Filter.Operator operator = FilterValues.operator(next());
            Object value = FilterValues.literal(next(), Property.Type.BOOLEAN);
            if (operator != Filter.Operator.EQ || value == null) {
                throw new BadRequest(
                        "Invalid filter clause: hasMembersWithLicenseErrors supports only 'eq true' and 'eq false'.");
            }
            return new Filter.HasMembersWithLicenseErrors((Boolean) value);
        }
        Property property = property(name);
        Token op = next();
        if (op.is("in")) {
            expect("(");
            List<Object> values = new ArrayList<>();
            do {
                Object v = FilterValues.literal(next(), property.type());
                if (v == null) {
                    throw new BadRequest("Invalid filter clause: 'in' takes no null values.");
                }
                values.add(v);
            } while (accept(","));
            expect(")");
            if (values.size() > 50) {
                throw new BadRequest("Invalid filter clause: 'in' takes at most 50 values.");
            }
            supported(property, false);
            return new Filter.In(property, values);
        }
        Filter.Operator operator = FilterValues.operator(op);
        Object value = FilterValues.literal(next(), property.type());
        if (operator == Filter.Operator.NE) {
            requireAdvanced("ne");
        }
        supported(property, false);
        if (!property.takes(operator)) {
            throw new BadRequest(
                    "Request_UnsupportedQuery",
                    unsupported(property) + " It does not take the operator '"
                            + op.text().toLowerCase(Locale.ROOT)
                            + "' (dates take ge, gt, le and lt; names such as displayName take ge and le).");
        }
        if (value == null && operator != Filter.Operator.EQ && operator != Filter.Operator.NE) {
            throw new BadRequest("Invalid filter clause: null compares only with eq and ne.");
        }
        return new Filter.Compare(property, operator, value);
    }

    /**
     * {@code a/b/c} as one name; inside a lambda, its variable stands for the collection's elements ({@code x} for
     * {@code proxyAddresses/any}, {@code x/id} for {@code targetResources/any/id}).
     */
    private Token path(Token first) {
        if (first.kind() != Kind.NAME) {
            throw expectedAt(first, "a property name");
        }
        boolean element = lambda != null && first.text().equals(lambda[0]);
        if (lambda != null && !element) {
            throw expectedAt(first, "the lambda variable '" + lambda[0] + "'");
        }
        StringBuilder path = new StringBuilder(element ? lambda[1] : first.text());
        while (accept("/")) {
            Token part = next();
            if (part.kind() != Kind.NAME) {
                throw expectedAt(part, "a property name");
            }
            path.append('/').append(part.text());
        }
        return new Token(Kind.NAME, path.toString(), first.position());
    }

    private Property property(Token name) {
        return entity.property(name.text())
                .orElseThrow(() -> new BadRequest(
                        "Could not find a property named '" + name.text() + "' on type '" + entity.typeName() + "'."));
    }

    /**
     * Refuses what Graph does not filter on a property: the extension attributes outside advanced queries, and
     * security identifiers with anything but equality ({@code startsWith}, {@code endsWith}).
     */
    private void supported(Property property, boolean function) {
        if (property.needsAdvancedQuery() && !advanced) {
            throw new BadRequest("Request_UnsupportedQuery", unsupported(property));
        } else if (property.filtering() == Property.Filtering.EQUALITY && function) {
            throw new BadRequest(
                    "Request_UnsupportedQuery", unsupported(property) + " It supports only eq, ne and in.");
        }
    }

    /**
     * Graph's refusal of a filter on a property, also when the property needs an advanced query that the request is
     * not ({@code onPremisesSamAccountName eq 'ann'} without {@code ConsistencyLevel: eventual}).
     */
    private String unsupported(Property property) {
        String resource = entity.typeName().substring("microsoft.graph.".length());
        return "Unsupported or invalid query filter clause specified for property '" + property.name()
                + "' of resource '" + Character.toUpperCase(resource.charAt(0)) + resource.substring(1) + "'.";
    }

    private void requireText(Property property, String function) {
        if (property.type() != Property.Type.TEXT) {
            throw new BadRequest("Invalid filter clause: " + function + " applies to text properties, not to '"
                    + property.name() + "'.");
        }
    }

    private void requireAdvanced(String what) {
        requireAdvanced(advanced, what);
    }

    static void requireAdvanced(boolean advanced, String what) {
        if (!advanced) {
            throw new BadRequest(
                    "Request_UnsupportedQuery",
                    "Operator '" + what
                            + "' is not supported because the required parameters might be missing. Try adding"
                            + " $count=true query parameter and ConsistencyLevel:eventual header. Refer to"
                            + " https://aka.ms/graph-docs/advanced-queries for more information");
        }
    }

    private Token peek() {
        return in.peek();
    }

    private Token next() {
        return in.next();
    }

    private boolean accept(String punct) {
        return in.accept(punct);
    }

    private void expect(String punct) {
        in.expect(punct);
    }

    private BadRequest expected(String what) {
        return expectedAt(peek(), what);
    }

    private static BadRequest expectedAt(Token token, String what) {
        return FilterValues.expectedAt(token, what);
    }
}
