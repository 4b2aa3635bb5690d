package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.allot.server.web.ApiClient.Response;
import org.allot.server.web.FuzzCorpus.Request;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Walks the OpenAPI document and sends every operation, as a Global Administrator app, requests that are wrong in
 * one way each (see {@link FuzzCorpus}), a fixed sample of them per operation, and for some operations every body of
 * the right shape that a rule refuses ({@link FuzzFixture#ruleBreakingBodies}). Every answer must be a 4xx with
 * Graph's error body, and the tenant's directory, licensing and subscription tables must be as they were (the audit
 * log, which records refusals, is left out).
 */
class OpenApiFuzzIT extends ApiIT {
    /** The server's limit for a request's line and headers (Tomcat's default, {@code server.max-http-request-header-size}). */
    private static final int MAX_REQUEST_HEAD = 8 * 1024;

    private static final long SEED = 20_261_203L;
    /** Requests sent to each operation, sampled from its corpus; {@code -Dfuzz.perOperation=100000} sends all. */
    private static final int PER_OPERATION = Integer.getInteger("fuzz.perOperation", 150);

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, String> ids = new HashMap<>();
    private final Map<String, ObjectNode> validBodies = new HashMap<>();
    private final Map<String, List<String>> ruleBreaking = new HashMap<>();
    private final Map<String, Boolean> readsQueryOptions = new HashMap<>();
    private ApiClient admin;
    private String usersToken;
    private String groupsToken;

    @Test
    void everyOperationRefusesMalformedRequestsWithGraphsBodyAndChangesNothing() {
        FuzzFixture fixture = new FuzzFixture(this::newTenant, this::subscribe);
        admin = fixture.admin();
        ids.putAll(fixture.ids());
        // the relationships' path segments: valid values, as the ids of the other parameters are
        ids.put("members", "transitiveMembers");
        ids.put("memberOf", "transitiveMemberOf");
        ids.put("kind", "groups");
        ids.put("type", "microsoft.graph.user");
        validBodies.putAll(fixture.validBodies());
        ruleBreaking.putAll(fixture.ruleBreakingBodies());
        usersToken = fixture.skipToken("/v1.0/users");
        groupsToken = fixture.skipToken("/v1.0/groups");
        JsonNode document = ApiClient.send(HttpRequest.newBuilder(URI.create(admin.base + "/v3/api-docs"))
                        .build())
                .body();
        FuzzCorpus corpus = new FuzzCorpus(document);
        Map<String, String> before = new TenantDigest(jdbc, admin.tenant).settled();

        List<String> failures = new ArrayList<>();
        int operations = 0;
        int sent = 0;
        int serverErrors = 0;
        for (Map.Entry<String, JsonNode> path : new TreeMap<>(toMap(document.path("paths"))).entrySet()) {
            if (path.getKey().contains("**")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
                String key = method + " " + path.getKey();
                List<Request> requests = requests(corpus, method, path.getKey(), operation.getValue());
                operations++;
                List<Request> chosen =
                        new ArrayList<>(FuzzCorpus.sample(requests, PER_OPERATION, SEED ^ key.hashCode()));
                for (String body : ruleBreaking.getOrDefault(key, List.of())) {
                    chosen.add(FuzzCorpus.json(method, fill(path.getKey(), Map.of()), body, "breaks a rule"));
                }
                for (Request request : chosen) {
                    Response answer;
                    try {
                        answer = admin.send(
                                request.method(),
                                request.path(),
                                request.contentType(),
                                request.body(),
                                request.eventual() ? Map.of("ConsistencyLevel", "eventual") : Map.of());
                    } catch (java.io.UncheckedIOException closed) {
                        // a request line over the server's limit for a request's head (8 KB) is answered 400 and
                        // the connection closed at once, as HTTP allows: a client still sending the rest of the
                        // request may see the connection reset before it reads the answer. Refused either way.
                        if (request.path().length() <= MAX_REQUEST_HEAD) {
                            throw closed;
                        }
                        sent++;
                        continue;
                    }
                    sent++;
                    serverErrors += answer.status() >= 500 ? 1 : 0;
                    String problem = problem(answer);
                    if (problem != null) {
                        failures.add(request.describe() + "\n    -> " + problem);
                    }
                }
            }
        }
        Map<String, String> after = new TenantDigest(jdbc, admin.tenant).now();

        System.out.printf(
                "Fuzzed %d operations with %d requests: %d answered 5xx, %d not a 4xx with Graph's body; tables %s%n",
                operations, sent, serverErrors, failures.size(), after.equals(before) ? "unchanged" : "CHANGED");
        System.out.println("Collections that ignore query options they do not take (sent no invalid OData options): "
                + readsQueryOptions.entrySet().stream()
                        .filter(e -> !e.getValue())
                        .map(Map.Entry::getKey)
                        .sorted()
                        .toList());
        assertThat(operations).isGreaterThan(60);
        assertThat(failures)
                .as(String.join("\n", failures.subList(0, Math.min(40, failures.size()))))
                .isEmpty();
        assertThat(serverErrors).isZero();
        assertThat(after).as("the tenant's tables after the fuzz").isEqualTo(before);
    }

    /** Everything sent to one operation, each request wrong in one way and otherwise valid. */
    private List<Request> requests(FuzzCorpus corpus, String method, String template, JsonNode operation) {
        String path = fill(template, Map.of());
        JsonNode bodySchema = operation.at("/requestBody/content/application~1json/schema");
        ObjectNode valid = validBodies.getOrDefault(method + " " + template, JSON.createObjectNode());
        byte[] validBody = bodySchema.isMissingNode() ? null : JSON.writeValueAsBytes(valid);
        List<Request> requests = new ArrayList<>();
        Matcher parameters = PARAMETER.matcher(template);
        while (parameters.find()) {
            String name = parameters.group(1);
            for (Map.Entry<String, String> id : badIds(kindOf(template, name)).entrySet()) {
                requests.add(new Request(
                        method,
                        fill(template, Map.of(name, id.getValue())),
                        "application/json",
                        validBody,
                        "{" + name + "} = " + id.getKey()));
            }
        }
        for (String query : FuzzCorpus.unreadableQueries()) {
            requests.add(new Request(method, path + "?" + query, "application/json", validBody, "query " + query));
        }
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asString().equals("query")) {
                for (String value : FuzzCorpus.badParameterValues(parameter.path("schema"))) {
                    String query = parameter.path("name").asString() + "=" + value;
                    requests.add(new Request(
                            method, path + "?" + query, "application/json", validBody, "parameter " + query));
                }
            }
        }
        if (method.equals("GET") && readsQueryOptions(path)) {
            String foreign = path.equals("/v1.0/users") ? groupsToken : usersToken;
            for (String query : FuzzCorpus.invalidQueryOptions(foreign)) {
                requests.add(new Request(method, path + "?" + query, null, null, "query option " + query, true));
            }
        }
        if (!bodySchema.isMissingNode()) {
            boolean required = operation.path("requestBody").path("required").asBoolean(false);
            requests.addAll(corpus.malformedBodies(method, path, required));
            requests.addAll(corpus.malformedProperties(method, path, bodySchema, valid));
        }
        return requests;
    }

    /**
     * Whether a resource reads OData query options, and so must refuse invalid ones: it refuses one it does not take.
     * Options are sent as advanced queries ({@code ConsistencyLevel: eventual}) so that only the options are judged.
     */
    private boolean readsQueryOptions(String path) {
        return readsQueryOptions.computeIfAbsent(path, p -> {
            Response probe = admin.get(p + "?$bogusOption=1", Map.of("ConsistencyLevel", "eventual"));
            return probe.status() == 400 && probe.errorMessage().contains("$bogusOption");
        });
    }

    /** Ids that name nothing the path can take: of another kind, not an id, unreadable, too long. */
    private Map<String, String> badIds(String kind) {
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put(
                "an id of another kind",
                switch (kind) {
                    case "user" -> ids.get("group");
                    case "directoryObject" -> ids.get("subscription");
                    default -> ids.get("user");
                });
        bad.put("not an id", "not-a-uuid");
        bad.put(
                "an unknown id",
                UUID.nameUUIDFromBytes(kind.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .toString());
        bad.put("NUL", "%00");
        bad.put("an encoded slash", "a%2Fb");
        bad.put("encoded dots", "%2e%2e");
        bad.put("an encoded surrogate", "%ED%A0%80");
        bad.put("300 characters", "x".repeat(300));
        bad.put("9000 characters", "x".repeat(9000));
        return bad;
    }

    /** The kind of object a path parameter names, from the segment before it. */
    private static String kindOf(String template, String parameter) {
        if (List.of("members", "memberOf", "kind", "type").contains(parameter)) {
            return parameter;
        }
        String before = template.substring(0, template.indexOf("{" + parameter + "}"));
        String[] segments = before.split("/");
        String segment = segments[segments.length - 1];
        return switch (segment) {
            case "users", "members", "timedMembers" -> "user";
            case "directoryObjects" -> "directoryObject";
            case "groups", "{kind}" -> "group";
            case "deletedItems" -> "deletedUser";
            case "subscriptions" -> "subscription";
            case "subscribedSkus", "policies", "pendingRemovals", "timedLicenses", "licenseAllotments" -> "sku";
            case "organization" -> "tenant";
            case "directoryAudits" -> "audit";
            case "products" -> "product";
            case "planRules" -> "rule";
            case "appRegistrations" -> "app";
            case "runs" -> "run";
            case "certificates" -> "certificate";
            case "domains" -> "domain";
            case "alerts" -> "alert";
            case "licenseMigrations" -> "migration";
            case "licenseRequests" -> "licenseRequest";
            case "administrativeUnits" -> "unit";
            case "scopedRoleMembers" -> "scopedRole";
            case "allotments" -> "allotment";
            default ->
                throw new AssertionError("The fuzz test does not know what {" + parameter + "} in " + template
                        + " names: add it to kindOf and to FuzzFixture.");
        };
    }

    /** The path with the given parameter values, and valid ids of the right kind for the others. */
    private String fill(String template, Map<String, String> given) {
        Matcher m = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = given.containsKey(name) ? given.get(name) : ids.get(kindOf(template, name));
            m.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        m.appendTail(path);
        return path.toString();
    }

    /** Why an answer is not what bad input must get, or null when it is. */
    private static String problem(Response answer) {
        String body = answer.raw().body();
        String shown = body.length() > 300 ? body.substring(0, 300) + "…" : body;
        if (answer.status() < 400 || answer.status() > 499) {
            return "answered " + answer.status() + ": " + shown;
        }
        if (answer.body() == null
                || answer.body().path("error").path("code").asString().isBlank()
                || answer.body().path("error").path("message").asString().isBlank()) {
            return "answered " + answer.status() + " without Graph's error body: " + shown;
        }
        return null;
    }

    private static Map<String, JsonNode> toMap(JsonNode object) {
        Map<String, JsonNode> map = new HashMap<>();
        object.properties().forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }
}
