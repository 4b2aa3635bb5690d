package org.allot.server.web.graph;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.allot.core.query.Query;
import org.allot.server.http.PublicUrl;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds response bodies as Graph does: {@code @odata.context}, the selected properties (or the default ones),
 * and for collections {@code @odata.count} (counted on the first page, carried to the next ones by their
 * {@code $skiptoken}) and an {@code @odata.nextLink} that repeats the request's options.
 */
public final class Responses {
    private final JsonMapper json;
    private final PublicUrl publicUrl;

    public Responses(JsonMapper json, PublicUrl publicUrl) {
        this.json = json;
        this.publicUrl = publicUrl;
    }

    /** One object; {@code context} is the part after {@code $metadata#}, e.g. {@code users/$entity}. */
    public ObjectNode entity(
            HttpServletRequest request, String context, Object value, ODataQuery query, Set<String> defaults) {
        ObjectNode body = json.createObjectNode();
        body.put("@odata.context", context(request, context, query));
        body.setAll(shape(value, query, defaults, false));
        return body;
    }

    /**
     * The same answer as {@link #entity(HttpServletRequest, String, Object, ODataQuery, Set)} with defaults, written
     * by Jackson's generator without a tree: for an answer no one changes after.
     */
    public GraphAnswer answer(
            HttpServletRequest request, String context, Object value, ODataQuery query, Set<String> defaults) {
        boolean selected = query != null && query.select() != null;
        return new GraphAnswer(
                context(request, context, query), value, selected ? query.select() : defaults, !selected);
    }

    /** An object as it is, with its context (types without selectable properties). */
    public ObjectNode entity(HttpServletRequest request, String context, Object value) {
        return entity(request, context, value, null, null);
    }

    public ObjectNode page(
            HttpServletRequest request,
            String context,
            List<?> values,
            ODataQuery query,
            Set<String> defaults,
            Long count,
            Query.Cursor next) {
        ObjectNode body = json.createObjectNode();
        body.put("@odata.context", context(request, context, query));
        Long shown = count != null ? count : query == null ? null : query.counted();
        if (shown != null) {
            body.put("@odata.count", shown);
        }
        if (next != null) {
            body.put(
                    "@odata.nextLink",
                    publicUrl
                            .requestUrl(request)
                            .replaceQueryParam(
                                    "$skiptoken",
                                    ODataQuery.skipToken(
                                            next.token(request.getRequestURI(), query.order()), request, shown))
                            .build()
                            .toUriString());
        }
        ArrayNode array = body.putArray("value");
        boolean typed = context.equals("directoryObjects");
        values.forEach(v -> array.add(shape(v, query, defaults, typed)));
        return body;
    }

    /**
     * One page of a collection paged with {@code $top} and {@code $skip}: the next page's link repeats the request
     * with {@code $skip} set to {@code nextSkip} (null: this is the last page).
     */
    public ObjectNode page(HttpServletRequest request, String context, List<?> values, Integer nextSkip) {
        ObjectNode body = list(request, context, values);
        if (nextSkip != null) {
            body.put(
                    "@odata.nextLink",
                    publicUrl
                            .requestUrl(request)
                            .replaceQueryParam("$skip", nextSkip)
                            .build()
                            .toUriString());
        }
        return body;
    }

    /** The request's URL as clients know it (at the public URL), without its query. */
    public String url(HttpServletRequest request) {
        return publicUrl.requestUrl(request).replaceQuery(null).build().toUriString();
    }

    /** A collection of objects without query options (everything returned as it is). */
    public ObjectNode list(HttpServletRequest request, String context, List<?> values) {
        return page(request, context, values, null, null, null, null);
    }

    /** Objects of several types, each with its {@code @odata.type} and the properties given for it. */
    public ArrayNode typed(List<?> values, List<Set<String>> properties) {
        ArrayNode array = json.createArrayNode();
        for (int i = 0; i < values.size(); i++) {
            array.add(shape(values.get(i), null, properties.get(i), true));
        }
        return array;
    }

    /** The selected (or default) properties of a value; {@code typed}: with its type even when selecting. */
    private ObjectNode shape(Object value, ODataQuery query, Set<String> defaults, boolean typed) {
        JsonNode full = json.valueToTree(value);
        if (!(full instanceof ObjectNode object)) {
            throw new IllegalArgumentException("not an object: " + value);
        }
        if (defaults == null) {
            return object;
        }
        Set<String> wanted = query == null || query.select() == null ? defaults : query.select();
        ObjectNode out = json.createObjectNode();
        if (object.has("@odata.type") && (typed || query == null || query.select() == null)) {
            out.set("@odata.type", object.get("@odata.type"));
        }
        for (String name : wanted) {
            JsonNode v = object.get(name);
            out.set(name, v == null ? json.getNodeFactory().nullNode() : v);
        }
        return out;
    }

    private String context(HttpServletRequest request, String context, ODataQuery query) {
        String base = publicUrl.of(request);
        String version = request.getRequestURI().contains("/allot/v1") ? "/allot/v1" : "/v1.0";
        String selected = query != null && query.select() != null && !context.endsWith("$entity")
                ? "(" + String.join(",", query.select()) + ")"
                : "";
        return base + version + "/$metadata#" + context + selected;
    }
}
