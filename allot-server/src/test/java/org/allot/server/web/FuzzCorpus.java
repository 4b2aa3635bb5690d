package org.allot.server.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Malformed requests for one operation of the OpenAPI document, each wrong in exactly one way so that it must be
 * refused: a body that is not JSON or of the wrong shape, one property of a valid body given the wrong type, a null,
 * a NUL, an unpaired surrogate, an oversized string, a huge number or 1.5; a query string that is not UTF-8 or holds
 * NUL; an id of the wrong kind, not an id, or one no server can read.
 */
final class FuzzCorpus {
    /** Where a body holds an unpaired surrogate: written as the JSON escape, which no client library would send. */
    private static final String SURROGATE = "@@unpaired-surrogate@@";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One request: what it sends, and what is wrong with it. The body is bytes as sent, however malformed. */
    @SuppressWarnings("ArrayRecordComponent")
    record Request(String method, String path, String contentType, byte[] body, String what, boolean eventual) {
        Request(String method, String path, String contentType, byte[] body, String what) {
            this(method, path, contentType, body, what, false);
        }

        String describe() {
            String text = body == null ? "" : " " + new String(body, StandardCharsets.UTF_8);
            return method + " " + abbreviate(path) + abbreviate(text) + " (" + what + ")";
        }

        private static String abbreviate(String s) {
            return s.length() > 160 ? s.substring(0, 160) + "…[" + s.length() + " chars]" : s;
        }
    }

    private final JsonNode schemas;

    FuzzCorpus(JsonNode document) {
        this.schemas = document.path("components").path("schemas");
    }

    /** Bodies of the wrong shape, or not JSON at all, sent with the operation's valid ids. */
    List<Request> malformedBodies(String method, String path, boolean required) {
        List<Request> requests = new ArrayList<>();
        for (String body : List.of(
                "not json",
                "{",
                "{\"a\":1}}",
                "[1,2,3]",
                "\"text\"",
                "42",
                "null",
                "[".repeat(5000) + "]".repeat(5000))) {
            requests.add(json(method, path, body, "body " + abbreviated(body)));
        }
        if (required) {
            requests.add(new Request(method, path, "application/json", new byte[0], "empty body"));
        }
        requests.add(new Request(method, path, "text/plain", bytes("{}"), "not application/json"));
        requests.add(new Request(
                method,
                path,
                "application/json",
                "{\"x\":\"\u00ff\u00fe\"}".getBytes(StandardCharsets.ISO_8859_1),
                "invalid UTF-8 in the body"));
        requests.add(new Request(
                method,
                path,
                "application/json",
                "{\"x\":\"\u00ed\u00a0\u0080\"}".getBytes(StandardCharsets.ISO_8859_1),
                "an encoded surrogate in the body"));
        requests.add(new Request(
                method,
                path,
                "application/json",
                bytes("{\"x\":\"" + "y".repeat(1_100_000) + "\"}"),
                "a body over 1 MB"));
        return requests;
    }

    /** The valid body with one property, or one property of its first element, made invalid. */
    List<Request> malformedProperties(String method, String path, JsonNode schema, ObjectNode valid) {
        List<Request> requests = new ArrayList<>();
        JsonNode object = resolve(schema);
        for (Map.Entry<String, JsonNode> property : object.path("properties").properties()) {
            String name = property.getKey();
            JsonNode type = resolve(property.getValue());
            for (JsonNode bad : badValues(type)) {
                ObjectNode body = valid.deepCopy();
                body.set(name, bad);
                requests.add(json(method, path, write(body), name + " = " + abbreviated(bad.toString())));
            }
            JsonNode items = resolve(type.path("items"));
            JsonNode first = valid.path(name).path(0);
            if (items.has("properties") && first.isObject()) {
                for (Map.Entry<String, JsonNode> inner :
                        items.path("properties").properties()) {
                    for (JsonNode bad : badValues(resolve(inner.getValue()))) {
                        ObjectNode body = valid.deepCopy();
                        ((ObjectNode) body.path(name).path(0)).set(inner.getKey(), bad);
                        requests.add(json(
                                method,
                                path,
                                write(body),
                                name + "[0]." + inner.getKey() + " = " + abbreviated(bad.toString())));
                    }
                }
            }
        }
        return requests;
    }

    /** Query strings no server may act on: not UTF-8, or holding NUL or a surrogate. */
    static List<String> unreadableQueries() {
        return List.of(
                "$filter=displayName%20eq%20%27%00%27",
                "$filter=displayName%20eq%20%27%ED%A0%BD%27",
                "$select=id,%ED%A0%80",
                "$top=%C0%AF",
                "$skiptoken=%FF%FE",
                "%00=1",
                "search=%00");
    }

    /** Query options a collection that reads them must refuse; {@code foreignToken} is another collection's. */
    static List<String> invalidQueryOptions(String foreignToken) {
        return List.of(
                "$select=favouriteColour",
                "$select=id,(select%201)",
                "$top=0",
                "$top=abc",
                "$top=1.5",
                "$top=99999999999999999999",
                "$filter=(((",
                "$filter=displayName%20eq",
                "$filter=nonsense%20eq%20%27x%27",
                "$orderby=favouriteColour",
                "$count=maybe",
                "$skip=5",
                "$skiptoken=" + foreignToken,
                "$skiptoken=bm90IGEgdG9rZW4",
                "$filter=x&$filter=y");
    }

    /** Values of the wrong type for a documented query parameter. */
    static List<String> badParameterValues(JsonNode schema) {
        return switch (schema.path("type").asString()) {
            case "integer" -> List.of("abc", "1.5", "99999999999999999999", "%00");
            case "boolean" -> List.of("maybe", "2");
            default -> List.of();
        };
    }

    private List<JsonNode> badValues(JsonNode schema) {
        List<JsonNode> values = new ArrayList<>();
        String format = schema.path("format").asString();
        switch (schema.path("type").asString()) {
            case "string" -> {
                values.addAll(List.of(NODES.numberNode(5), NODES.booleanNode(true), object(), NODES.arrayNode()));
                values.add(NODES.stringNode("a\0b"));
                values.add(NODES.stringNode("a" + SURROGATE));
                values.add(NODES.stringNode("x".repeat(100_000)));
                if (format.equals("uuid") || format.equals("date-time")) {
                    values.add(NODES.stringNode("not-a-" + format));
                }
            }
            case "integer", "number" -> {
                if (schema.path("type").asString().equals("integer")) {
                    values.add(NODES.numberNode(1.5)); // a decimal ("number", a price) may have a fraction
                }
                values.addAll(List.of(
                        NODES.stringNode("5"),
                        NODES.numberNode(new java.math.BigDecimal("1e30")),
                        NODES.numberNode(new java.math.BigInteger("99999999999999999999")),
                        NODES.numberNode(new java.math.BigInteger("-99999999999999999999")),
                        NODES.booleanNode(true),
                        NODES.stringNode(""),
                        NODES.nullNode(),
                        object()));
            }
            case "boolean" ->
                values.addAll(List.of(
                        NODES.stringNode("true"),
                        NODES.numberNode(1),
                        NODES.stringNode("yes"),
                        NODES.nullNode(),
                        NODES.arrayNode()));
            case "array" -> {
                values.addAll(List.of(NODES.stringNode("x"), NODES.numberNode(5), object(), NODES.booleanNode(true)));
                String items = resolve(schema.path("items")).path("type").asString();
                values.add(NODES.arrayNode().add(items.equals("string") ? NODES.numberNode(5) : NODES.stringNode("x")));
                values.add(NODES.arrayNode().add(NODES.stringNode("\0")));
            }
            default -> values.addAll(List.of(NODES.stringNode("x"), NODES.numberNode(5), NODES.arrayNode()));
        }
        return values;
    }

    JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asString();
        if (ref.startsWith("#/components/schemas/")) {
            return schemas.path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }

    static Request json(String method, String path, String body, String what) {
        return new Request(method, path, "application/json", bytes(body), what);
    }

    private static String write(ObjectNode body) {
        return JSON.writeValueAsString(body).replace(SURROGATE, "\\uD800");
    }

    private static ObjectNode object() {
        return NODES.objectNode().put("a", 1);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviated(String text) {
        String shown = text.replace(SURROGATE, "\\uD800");
        return shown.length() > 40 ? shown.substring(0, 40) + "…" : shown;
    }

    /** Takes {@code count} of the requests, the same ones every run. */
    static <T> List<T> sample(List<T> all, int count, long seed) {
        List<T> shuffled = new ArrayList<>(all);
        java.util.Collections.shuffle(shuffled, new java.util.Random(seed));
        return shuffled.size() <= count ? shuffled : shuffled.subList(0, count);
    }
}
