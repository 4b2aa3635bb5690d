package org.allot.server.web.graph;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.allot.core.query.Entity;
import org.allot.core.query.Filter;
import org.allot.core.query.Property;
import org.allot.server.web.graph.FilterTokens.Kind;
import org.allot.server.web.graph.FilterTokens.Token;

/**
 * Parses the subset of OData {@code $filter} that Graph supports on users and groups: {@code eq}, {@code ne},
 * {@code gt/ge/lt/le} (dates), {@code in}, {@code startsWith}, {@code and}, {@code or}, {@code not}, parentheses,
 * {@code assignedLicenses/any(x:x/skuId eq …)}, {@code assignedLicenses/any()}, {@code assignedLicenses/$count eq n}
 * and (on groups) {@code hasMembersWithLicenseErrors eq true}. Advanced forms ({@code ne}, {@code not},
 * {@code $count}) need the {@code ConsistencyLevel: eventual} header, as on Graph.
 */
final class FilterParser {
    private static final int MAX_LENGTH = 4096;
    private static final int MAX_DEPTH = 32;

    private final Entity entity;
    private final boolean advanced;
    private final List<Token> tokens;
    private int at;
    private int depth;
    private int lambdaCloses;

    private FilterParser(Entity entity, boolean advanced, String filter) {
        this.entity = entity;
        this.advanced = advanced;
        this.tokens = FilterTokens.of(filter);
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
        if (parser.peek().kind() != Kind.END) {
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
        if (name.text().equalsIgnoreCase("startsWith") && peek().is("(")) {
            next();
            Property property = property(next());
            expect(",");
            Token value = next();
            if (value.kind() != Kind.STRING) {
                throw expectedAt(value, "a quoted string");
            }
            expect(")");
            requireText(property, "startsWith");
            return new Filter.StartsWith(property, value.text());
        }
        if (name.text().equalsIgnoreCase("endsWith") || name.text().equalsIgnoreCase("contains")) {
            throw new BadRequest("Invalid filter clause: the function '" + name.text() + "' is not supported.");
        }
        if (name.text().equalsIgnoreCase("assignedLicenses")) {
            return licenses();
        }
        if (peek().is("/")) {
            name = path(name);
        }
        if (name.text().equalsIgnoreCase("hasMembersWithLicenseErrors") && Entity.GROUP.equals(entity)) {
            Filter.Operator operator = operator(next());
            Object value = literal(next(), Property.Type.BOOLEAN);
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
                Object v = literal(next(), property.type());
                if (v == null) {
                    throw new BadRequest("Invalid filter clause: 'in' takes no null values.");
                }
                values.add(v);
            } while (accept(","));
            expect(")");
            closeLambda();
            if (values.size() > 50) {
                throw new BadRequest("Invalid filter clause: 'in' takes at most 50 values.");
            }
            return new Filter.In(property, values);
        }
        Filter.Operator operator = operator(op);
        Object value = literal(next(), property.type());
        if (operator == Filter.Operator.NE) {
            requireAdvanced("ne");
        }
        closeLambda();
        boolean ordering = operator != Filter.Operator.EQ && operator != Filter.Operator.NE;
        if (ordering && property.type() != Property.Type.DATETIME) {
            throw new BadRequest(
                    "Invalid filter clause: the operator '" + op.text().toLowerCase(Locale.ROOT)
                            + "' is supported only on dates, not on '" + property.name() + "'.");
        }
        return new Filter.Compare(property, operator, value);
    }

    /** {@code assignedLicenses/any(x:x/skuId eq …)}, {@code assignedLicenses/any()}, {@code assignedLicenses/$count …}. */
    private Filter licenses() {
        expect("/");
        Token what = next();
        if (what.is("$count")) {
            requireAdvanced("assignedLicenses/$count");
            Filter.Operator operator = operator(next());
            Token n = next();
            if (n.kind() != Kind.LITERAL || !n.text().matches("\\d{1,4}")) {
                throw expectedAt(n, "a whole number");
            }
            return new Filter.LicenseCount(operator, Integer.parseInt(n.text()));
        }
        if (!what.is("any")) {
            throw expectedAt(what, "any( or $count");
        }
        expect("(");
        if (accept(")")) {
            return new Filter.HasAnyLicense();
        }
        Token variable = next();
        if (variable.kind() != Kind.NAME) {
            throw expectedAt(variable, "a lambda variable such as x");
        }
        expect(":");
        Token again = next();
        if (!again.text().equals(variable.text())) {
            throw expectedAt(again, "'" + variable.text() + "'");
        }
        expect("/");
        Token sku = next();
        if (!sku.is("skuId")) {
            throw expectedAt(sku, "skuId");
        }
        if (operator(next()) != Filter.Operator.EQ) {
            throw new BadRequest("Invalid filter clause: assignedLicenses/any supports only 'skuId eq'.");
        }
        UUID id = (UUID) literal(next(), Property.Type.GUID);
        expect(")");
        if (id == null) {
            throw new BadRequest("Invalid filter clause: skuId must be a GUID.");
        }
        return new Filter.HasLicense(id);
    }

    /** {@code a/b/c}, or {@code a/any(x:x/b op v)} whose comparison is read here and left for the caller. */
    private Token path(Token first) {
        StringBuilder path = new StringBuilder(first.text());
        while (accept("/")) {
            Token part = next();
            if (part.is("any")) {
                expect("(");
                Token variable = next();
                expect(":");
                Token again = next();
                if (variable.kind() != Kind.NAME || !again.text().equals(variable.text())) {
                    throw expectedAt(again, "the lambda variable '" + variable.text() + "'");
                }
                expect("/");
                Token field = next();
                path.append("/any/").append(field.text());
                lambdaCloses++;
                return new Token(Kind.NAME, path.toString(), first.position());
            }
            if (part.kind() != Kind.NAME) {
                throw expectedAt(part, "a property name");
            }
            path.append('/').append(part.text());
        }
        return new Token(Kind.NAME, path.toString(), first.position());
    }

    private Property property(Token name) {
        if (name.kind() != Kind.NAME) {
            throw expectedAt(name, "a property name");
        }
        return entity.property(name.text())
                .orElseThrow(() -> new BadRequest(
                        "Could not find a property named '" + name.text() + "' on type '" + entity.typeName() + "'."));
    }

    private void closeLambda() {
        while (lambdaCloses > 0) {
            expect(")");
            lambdaCloses--;
        }
    }

    private static Filter.Operator operator(Token token) {
        for (Filter.Operator operator : Filter.Operator.values()) {
            if (token.is(operator.name().toLowerCase(Locale.ROOT))) {
                return operator;
            }
        }
        throw new BadRequest("Invalid filter clause: expected an operator (eq, ne, gt, ge, lt, le, in) at position "
                + token.position() + " but found '" + token.text() + "'.");
    }

    private Object literal(Token token, Property.Type type) {
        if (token.is("null")) {
            return null;
        }
        switch (type) {
            case BOOLEAN -> {
                if (token.is("true") || token.is("false")) {
                    return Boolean.parseBoolean(token.text());
                }
                throw expectedAt(token, "true, false or null");
            }
            case GUID -> {
                try {
                    if (token.kind() == Kind.STRING || token.kind() == Kind.LITERAL || token.kind() == Kind.NAME) {
                        return UUID.fromString(token.text());
                    }
                } catch (IllegalArgumentException e) {
                    // reported below
                }
                throw expectedAt(token, "a GUID");
            }
            case DATETIME -> {
                try {
                    return token.kind() == Kind.LITERAL || token.kind() == Kind.STRING
                            ? OffsetDateTime.parse(token.text()).toInstant()
                            : fail(token);
                } catch (DateTimeParseException e) {
                    throw expectedAt(token, "a date and time such as 2026-01-31T00:00:00Z");
                }
            }
            default -> {
                if (token.kind() == Kind.STRING) {
                    return token.text();
                }
                throw expectedAt(token, "a quoted string");
            }
        }
    }

    private Instant fail(Token token) {
        throw expectedAt(token, "a date and time such as 2026-01-31T00:00:00Z");
    }

    private void requireText(Property property, String function) {
        if (property.type() != Property.Type.TEXT) {
            throw new BadRequest("Invalid filter clause: " + function + " applies to text properties, not to '"
                    + property.name() + "'.");
        }
    }

    private void requireAdvanced(String what) {
        if (!advanced) {
            throw new BadRequest(
                    "Request_UnsupportedQuery",
                    "'" + what
                            + "' is an advanced query: send the header 'ConsistencyLevel: eventual' (and $count=true),"
                            + " as Microsoft Graph requires.");
        }
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token next() {
        Token t = tokens.get(at);
        if (t.kind() != Kind.END) {
            at++;
        }
        return t;
    }

    private boolean accept(String punct) {
        if (peek().is(punct)) {
            next();
            return true;
        }
        return false;
    }

    private void expect(String punct) {
        Token t = next();
        if (!t.is(punct)) {
            throw expectedAt(t, "'" + punct + "'");
        }
    }

    private BadRequest expected(String what) {
        return expectedAt(peek(), what);
    }

    private static BadRequest expectedAt(Token token, String what) {
        String found = token.kind() == Kind.END ? "the end of the filter" : "'" + token.text() + "'";
        return new BadRequest("Invalid filter clause: expected " + what + " at position " + token.position()
                + " but found " + found + ".");
    }
}
