package org.allot.server.web.graph;

import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.allot.core.query.Entity;
import org.allot.core.query.Filter;
import org.allot.core.query.Property;
import org.allot.core.query.Query;
import org.allot.server.web.StorableText;

/**
 * The OData query options of a request, checked as Graph checks them: {@code $top} 1–999 (default 100), paging with
 * an opaque {@code $skiptoken}, {@code $count} and advanced filters only with {@code ConsistencyLevel: eventual}.
 */
public record ODataQuery(
        Set<String> select,
        Filter filter,
        Query.Order order,
        int top,
        Query.Cursor after,
        boolean count,
        Long counted) {

    public static final int DEFAULT_TOP = 100;

    /**
     * Marks the {@code $skiptoken} of an advanced query's next page, so that following the nextLink works without
     * sending {@code ConsistencyLevel} again (Graph's nextLinks carry it too).
     */
    private static final String ADVANCED = "e~";

    /**
     * The count of a counted collection, carried by the {@code $skiptoken}s of its next pages ({@code e~<count>~…}):
     * the pages after the first answer the first page's count instead of counting again (a full count each page of a
     * large tenant's listing). Position tokens are base64url, without a {@code ~}.
     */
    private static final Pattern COUNTED = Pattern.compile("^(\\d{1,18})~(.*)$");

    /**
     * The {@code $skiptoken} of a next page: the position's token, marked when the request was advanced, with the
     * collection's count when the page has one.
     */
    static String skipToken(String token, HttpServletRequest request, Long count) {
        String given = param(request, "$skiptoken");
        boolean advanced = isAdvanced(request) || (given != null && given.startsWith(ADVANCED));
        if (!advanced) {
            return token;
        }
        return ADVANCED + (count == null ? "" : count + "~") + token;
    }

    private static boolean isAdvanced(HttpServletRequest request) {
        return "eventual".equalsIgnoreCase(request.getHeader("ConsistencyLevel"));
    }

    /** The query options an endpoint accepts. */
    public enum Option {
        SELECT("$select"),
        FILTER("$filter"),
        TOP("$top"),
        ORDERBY("$orderby"),
        COUNT("$count"),
        SKIPTOKEN("$skiptoken"),
        SEARCH("$search"),
        /** Read by {@link Expansion}; only users and groups take it. */
        EXPAND("$expand");

        final String name;

        Option(String name) {
            this.name = name;
        }
    }

    public static final Set<Option> ALL = EnumSet.complementOf(EnumSet.of(Option.EXPAND));
    public static final Set<Option> SELECT_ONLY = EnumSet.of(Option.SELECT);
    /** Lists of users and groups. */
    public static final Set<Option> ALL_AND_EXPAND = EnumSet.allOf(Option.class);
    /** One user or group. */
    public static final Set<Option> SELECT_AND_EXPAND = EnumSet.of(Option.SELECT, Option.EXPAND);

    /** Reads the options of a request for a collection of {@code entity}, whose selectable properties are given. */
    public static ODataQuery of(
            HttpServletRequest request, Entity entity, Set<String> selectable, Set<Option> allowed) {
        Map<String, String[]> params = request.getParameterMap();
        for (String name : params.keySet()) {
            if (name.startsWith("$")) {
                boolean known = allowed.stream().anyMatch(o -> o.name.equalsIgnoreCase(name));
                if (!known) {
                    throw new BadRequest("Query option '" + name + "' is not supported on this resource.");
                }
            }
        }
        String skipToken = param(request, "$skiptoken");
        boolean advanced = isAdvanced(request) || (skipToken != null && skipToken.startsWith(ADVANCED));
        Set<String> select = select(param(request, "$select"), entity, selectable);
        String filterText = param(request, "$filter");
        Filter filter = filterText == null || entity == null ? null : FilterParser.parse(filterText, entity, advanced);
        filter = withSearch(filter, param(request, "$search"), entity, advanced);
        int top = top(param(request, "$top"));
        Query.Order order = order(param(request, "$orderby"), entity);
        boolean count = count(param(request, "$count"), advanced);
        String position = skipToken != null && skipToken.startsWith(ADVANCED)
                ? skipToken.substring(ADVANCED.length())
                : skipToken;
        Long counted = null;
        Matcher carried = position == null ? null : COUNTED.matcher(position);
        if (carried != null && carried.matches()) {
            position = carried.group(2);
            counted = count ? Long.valueOf(carried.group(1)) : null;
        }
        Query.Cursor after = after(position, request.getRequestURI(), entity, order);
        return new ODataQuery(select, filter, order, top, after, count && counted == null, counted);
    }

    /**
     * The query of a {@code /$count} segment: only {@code $filter} is taken, and, as in Graph, the request must say
     * {@code ConsistencyLevel: eventual}.
     */
    public static Query forCount(HttpServletRequest request, Entity entity, Set<String> selectable) {
        if (!isAdvanced(request)) {
            throw new BadRequest("$count is only supported with the ConsistencyLevel header set to eventual.");
        }
        ODataQuery query = of(request, entity, selectable, EnumSet.of(Option.FILTER, Option.SEARCH));
        return new Query(query.filter(), query.order(), 1, null, true);
    }

    /**
     * The filter with the clauses of {@code $search} added: only on users and groups, and, as in Graph, only with
     * {@code ConsistencyLevel: eventual} (or on the next page of such a request).
     */
    private static Filter withSearch(Filter filter, String search, Entity entity, boolean advanced) {
        if (search == null) {
            return filter;
        }
        if (!SearchParser.searchable(entity)) {
            throw new BadRequest("Query option '$search' is not supported on this resource.");
        }
        if (!advanced) {
            throw new BadRequest(
                    "Request_UnsupportedQuery",
                    "Request with $search query parameter only works through MSGraph with a special request header:"
                            + " 'ConsistencyLevel: eventual'");
        }
        Filter searched = SearchParser.parse(search, entity);
        return filter == null ? searched : new Filter.And(List.of(filter, searched));
    }

    public Query toQuery() {
        return new Query(filter, order, top, after, count);
    }

    /** Whether a property is to be returned: selected, or by default when nothing is selected. */
    public boolean selects(String property, Set<String> defaults) {
        return select == null ? defaults.contains(property) : select.contains(property);
    }

    private static String param(HttpServletRequest request, String name) {
        for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                if (e.getValue().length > 1) {
                    throw new BadRequest("Query option '" + name + "' was specified more than once.");
                }
                return e.getValue()[0];
            }
        }
        return null;
    }

    private static Set<String> select(String value, Entity entity, Set<String> selectable) {
        if (value == null) {
            return null;
        }
        Set<String> select = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            String name = part.strip();
            String known = selectable.stream()
                    .filter(s -> s.equalsIgnoreCase(name))
                    .findFirst()
                    .orElseThrow(() -> new BadRequest("Could not find a property named '" + name + "' on type '"
                            + (entity == null ? "microsoft.graph.entity" : entity.typeName()) + "'."));
            select.add(known);
        }
        return select;
    }

    private static int top(String value) {
        if (value == null) {
            return DEFAULT_TOP;
        }
        try {
            int top = Integer.parseInt(value.strip());
            if (top >= 1 && top <= 999) {
                return top;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequest("Invalid page size specified: '" + value + "'. Must be between 1 and 999 inclusive.");
    }

    private static Query.Order order(String value, Entity entity) {
        if (value == null || entity == null) {
            return null;
        }
        String[] parts = value.strip().split("\\s+");
        if (parts.length > 2 || (parts.length == 2 && !parts[1].matches("(?i)asc|desc"))) {
            throw new BadRequest("Invalid $orderby: use a property name followed by 'asc' or 'desc'.");
        }
        Property property = entity.property(parts[0])
                .filter(Property::sortable)
                .orElseThrow(() -> new BadRequest("Order by not supported for property '" + parts[0] + "' on type '"
                        + entity.typeName() + "'. Supported: displayName"
                        + (Entity.USER.equals(entity) ? ", userPrincipalName." : ".")));
        return new Query.Order(property, parts.length == 2 && parts[1].equalsIgnoreCase("desc"));
    }

    private static boolean count(String value, boolean advanced) {
        if (value == null) {
            return false;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new BadRequest("Invalid value for $count: '" + value + "'. Use true or false.");
        }
        if (v.equals("true") && !advanced) {
            throw new BadRequest(
                    "Request_UnsupportedQuery",
                    "$count is an advanced query: send the header 'ConsistencyLevel: eventual', as Microsoft Graph"
                            + " requires.");
        }
        return v.equals("true");
    }

    /**
     * The position a {@code $skiptoken} stands for: only a token of this collection and ordering, whose sort value
     * the query can use (a time for the audit log), is taken.
     */
    private static Query.Cursor after(String token, String collection, Entity entity, Query.Order order) {
        if (token == null) {
            return null;
        }
        return Query.Cursor.ofToken(token, collection, order)
                .filter(c ->
                        c.value() == null || StorableText.problem(c.value()).isEmpty())
                .filter(c -> !Entity.AUDIT.equals(entity) || isTime(c.value()))
                .orElseThrow(() -> new BadRequest("Invalid $skiptoken: use the @odata.nextLink of the previous page of"
                        + " this collection as it is, with the same $orderby."));
    }

    private static boolean isTime(String value) {
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException | NullPointerException e) {
            return false;
        }
    }
}
