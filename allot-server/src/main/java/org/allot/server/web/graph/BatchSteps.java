package org.allot.server.web.graph;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The requests of a JSON batch ({@code POST /v1.0/$batch}) read as Graph reads them: 1 to {@link #MAX_REQUESTS}
 * requests, each with a unique {@code id}, a {@code method}, a {@code url} relative to {@code /v1.0} (or absolute, on
 * {@code /v1.0}), optional {@code headers} and {@code body}, and {@code dependsOn} naming other requests of the batch;
 * in the order they run (each after what it depends on, otherwise in the order sent). A batch that breaks any of this
 * is refused whole, with 400 and Graph's error body, before any of its requests runs.
 */
final class BatchSteps {
    /** Graph's limit. */
    static final int MAX_REQUESTS = 20;

    private static final Set<String> METHODS = Set.of("GET", "POST", "PATCH", "PUT", "DELETE");
    private static final Set<String> FIELDS =
            Set.of("id", "method", "url", "headers", "body", "dependsOn", "atomicityGroup");

    /** One request of the batch; its path is the servlet path to dispatch to, with the query string. */
    record Step(
            String id,
            String method,
            String path,
            Map<String, List<String>> headers,
            String body,
            List<String> dependsOn) {}

    private BatchSteps() {}

    /** The batch's requests in the order they are to run. */
    static List<Step> read(JsonNode batch, JsonMapper json) {
        if (batch == null || !batch.isObject() || !batch.path("requests").isArray()) {
            throw invalid("A JSON batch is an object with a 'requests' array.");
        }
        JsonNode requests = batch.path("requests");
        if (requests.isEmpty()) {
            throw invalid("A JSON batch needs at least one request.");
        }
        if (requests.size() > MAX_REQUESTS) {
            throw invalid("A JSON batch holds at most " + MAX_REQUESTS + " requests; this one holds " + requests.size()
                    + ".");
        }
        Map<String, Step> steps = new LinkedHashMap<>();
        for (JsonNode request : requests) {
            Step step = step(request, json);
            if (steps.putIfAbsent(step.id(), step) != null) {
                throw invalid("The request id '" + step.id() + "' is used more than once in the batch.");
            }
        }
        for (Step step : steps.values()) {
            for (String dependency : step.dependsOn()) {
                if (!steps.containsKey(dependency) || dependency.equals(step.id())) {
                    throw invalid("Request '" + step.id() + "' depends on '" + dependency
                            + "', which is not another request of the batch.");
                }
            }
        }
        return ordered(steps);
    }

    private static Step step(JsonNode request, JsonMapper json) {
        if (!request.isObject()) {
            throw invalid("Each request of a JSON batch is an object with id, method and url.");
        }
        for (String field : request.propertyNames()) {
            if (!FIELDS.contains(field)) {
                throw invalid("A batch request has no property '" + field + "'.");
            }
        }
        String id = text(request, "id");
        if (id == null || id.isBlank() || id.length() > 128) {
            throw invalid("Each request of a JSON batch needs an id (1 to 128 characters).");
        }
        String method = text(request, "method");
        if (method == null || !METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            throw invalid("Request '" + id + "' has no valid method: GET, POST, PATCH, PUT or DELETE.");
        }
        String path = path(id, text(request, "url"));
        Map<String, List<String>> headers = headers(id, request.path("headers"));
        JsonNode body = request.path("body");
        String text = "";
        if (!body.isMissingNode() && !body.isNull()) {
            text = body.isString() && !isJson(headers) ? body.asString() : json.writeValueAsString(body);
            headers.putIfAbsent("Content-Type", List.of("application/json"));
        }
        List<String> dependsOn = new ArrayList<>();
        JsonNode depends = request.path("dependsOn");
        if (!depends.isMissingNode() && !depends.isNull()) {
            if (!depends.isArray()) {
                throw invalid("dependsOn of request '" + id + "' is an array of request ids.");
            }
            for (JsonNode d : depends) {
                if (!d.isString()) {
                    throw invalid("dependsOn of request '" + id + "' is an array of request ids.");
                }
                dependsOn.add(d.asString());
            }
        }
        return new Step(id, method.toUpperCase(Locale.ROOT), path, headers, text, List.copyOf(dependsOn));
    }

    /** The servlet path of a request's url: {@code /users?$top=1}, {@code users}, {@code /v1.0/users} or absolute. */
    private static String path(String id, String url) {
        if (url == null || url.isBlank()) {
            throw invalid("Request '" + id + "' has no url.");
        }
        String path = encodeLoose(url.strip());
        try {
            URI uri = new URI(path);
            if (uri.isAbsolute()) {
                if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
                    throw invalid("Request '" + id + "' has an invalid url: " + url);
                }
                path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                if (!path.startsWith("/v1.0/")) {
                    throw invalid("Request '" + id + "' has an invalid url: " + url);
                }
            }
            if (uri.getRawFragment() != null || (uri.getRawAuthority() != null && !uri.isAbsolute())) {
                throw invalid("Request '" + id + "' has an invalid url: " + url);
            }
        } catch (URISyntaxException e) {
            throw invalid("Request '" + id + "' has an invalid url: " + url);
        }
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        if (path.startsWith("/v1.0/")) {
            path = path.substring("/v1.0".length());
        }
        String plain = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if (plain.length() < 2
                || plain.contains("//")
                || plain.contains("/../")
                || plain.endsWith("/..")
                || plain.contains("/./")
                || plain.contains("\\")
                || plain.equals("/$batch")
                || plain.startsWith("/$batch/")
                || path.length() > 2048) {
            throw invalid("Request '" + id + "' has an invalid url: " + url);
        }
        return "/v1.0" + path;
    }

    /**
     * The url with the characters a URI may not hold but scripts write in a batch's JSON (a space in a
     * {@code $filter}, the quotes of a {@code $search}, ...) percent-encoded, as Graph reads such urls; percent signs
     * and everything else are kept as written.
     */
    private static String encodeLoose(String url) {
        StringBuilder out = new StringBuilder(url.length());
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (" \"<>{}|^`".indexOf(c) >= 0) {
                out.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Map<String, List<String>> headers(String id, JsonNode headers) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers.isMissingNode() || headers.isNull()) {
            return map;
        }
        if (!headers.isObject()) {
            throw invalid("headers of request '" + id + "' is an object of header names and values.");
        }
        for (Map.Entry<String, JsonNode> header : headers.properties()) {
            String name = header.getKey();
            if (name.isEmpty() || !name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
                throw invalid("headers of request '" + id + "' name an invalid header.");
            }
            if (!header.getValue().isString()
                    || header.getValue().asString().chars().anyMatch(c -> c < 32 && c != '\t')) {
                throw invalid("The header " + name + " of request '" + id + "' is not a string.");
            }
            map.put(name, List.of(header.getValue().asString()));
        }
        return map;
    }

    private static boolean isJson(Map<String, List<String>> headers) {
        List<String> type = headers.get("Content-Type");
        return type == null || type.get(0).toLowerCase(Locale.ROOT).contains("json");
    }

    /** Each request after the requests it depends on, otherwise in the order sent; a cycle is refused. */
    private static List<Step> ordered(Map<String, Step> steps) {
        List<Step> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        while (order.size() < steps.size()) {
            Step next = null;
            for (Step step : steps.values()) {
                if (!done.contains(step.id()) && done.containsAll(step.dependsOn())) {
                    next = step;
                    break;
                }
            }
            if (next == null) {
                throw invalid("The dependsOn of the batch's requests form a cycle.");
            }
            order.add(next);
            done.add(next.id());
        }
        return order;
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw invalid("The " + field + " of a batch request is a string.");
        }
        return value.asString();
    }

    private static BadRequest invalid(String message) {
        return new BadRequest("BadRequest", message);
    }
}
