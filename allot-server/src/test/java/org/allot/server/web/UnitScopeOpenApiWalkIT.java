package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every operation of the OpenAPI document, called by an app that holds roles over North only, naming South's objects
 * wherever a path names one: none answers 5xx, none changes anything, none shows an id of South ({@link TwoUnitsApiIT}).
 */
class UnitScopeOpenApiWalkIT extends TwoUnitsApiIT {
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    /**
     * Walks every operation of the OpenAPI document as North's administrator, naming South's objects wherever a
     * path names one: nothing answers 5xx, no change succeeds, and no answer holds an id of South's.
     */
    @Test
    void noEndpointLeaksOrChangesTheOtherUnitsObjects() {
        JsonNode document = ApiClient.send(HttpRequest.newBuilder(URI.create(global.base + "/v3/api-docs"))
                        .build())
                .body();
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : new TreeMap<>(properties(document.path("paths"))).entrySet()) {
            if (path.getKey().contains("**")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                String target = fill(path.getKey());
                boolean hasBody = !operation.getValue().path("requestBody").isMissingNode();
                Response answer = north.send(method, target, hasBody ? body(path.getKey()) : null, Map.of());
                operations++;
                String text = answer.raw().body();
                // validation rehearses and changes nothing: its rows naming South's users are refused as the real
                // requests would be (checked below with the other answers: no id of South's in them)
                boolean reads = method.equals("GET")
                        || target.endsWith("/getByIds")
                        || target.endsWith("/$batch")
                        || target.endsWith("/validate");
                if (answer.status() >= 500) {
                    problems.add(method + " " + target + " -> " + answer.status());
                } else if (target.endsWith("/$batch") && answer.status() < 300) {
                    // each request of the batch answered as if sent alone: South's objects not found, not changed
                    answer.body().path("responses").forEach(inner -> {
                        int status = inner.path("status").asInt();
                        if (status < 300 || status >= 500) {
                            problems.add("$batch step " + inner.path("id").asString() + " -> " + status);
                        }
                    });
                } else if (!reads && answer.status() < 300) {
                    problems.add(method + " " + target + " changed something: " + answer.status());
                } else if (target.endsWith("/validate") && answer.status() < 300) {
                    answer.body().path("value").forEach(row -> {
                        if (row.path("status").asInt() != 403) {
                            problems.add(method + " " + target + " row " + row.path("index") + " -> "
                                    + row.path("status").asInt());
                        }
                    });
                } else if (answer.status() < 300
                        && text != null
                        && (text.contains(bob)
                                || text.contains(southStaff)
                                || text.contains(southUnit)
                                || text.contains(bobRequest))) {
                    problems.add(
                            method + " " + target + " leaks South: " + text.substring(0, Math.min(300, text.length())));
                }
            }
        }
        assertThat(operations).isGreaterThan(60);
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
        assertThat(global.get("/v1.0/users/" + bob).body().path("displayName").asString())
                .isEqualTo("bob");
    }

    private String fill(String template) {
        Matcher m = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String before = template.substring(0, m.start());
            String name = m.group(1);
            String value =
                    switch (name) {
                        case "members" -> "members";
                        case "memberOf" -> "memberOf";
                        case "kind" -> "users";
                        case "type" -> "microsoft.graph.user";
                        case "sku", "skuId" -> e3;
                        default ->
                            before.endsWith("/groups/")
                                    ? southStaff
                                    : before.endsWith("/administrativeUnits/")
                                            ? southUnit
                                            : before.endsWith("/licenseRequests/") ? bobRequest : bob;
                    };
            m.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        m.appendTail(path);
        return path.toString();
    }

    private String body(String template) {
        if (template.endsWith("/getByIds")) {
            return "{\"ids\":[\"%s\",\"%s\",\"%s\"]}".formatted(bob, southStaff, ada);
        }
        if (template.endsWith("/$batch")) {
            return """
                    {"requests":[
                      {"id":"1","method":"GET","url":"/users/%s"},
                      {"id":"2","method":"GET","url":"/groups/%s/members"},
                      {"id":"3","method":"POST","url":"/users/%s/assignLicense",
                       "headers":{"Content-Type":"application/json"},"body":%s},
                      {"id":"4","method":"GET","url":"/directoryObjects/%s"}]}""".formatted(bob, southStaff, bob, assign(), bob);
        }
        if (template.equals("/allot/v1/licenseChanges/validate")) {
            return """
                    {"value":[{"userId":"%s","addLicenses":[],"removeLicenses":["%s"]},
                              {"userId":"bob@%s","addLicenses":[{"skuId":"%s","disabledPlans":[]}]}]}""".formatted(bob, e3, global.domain, e3);
        }
        if (template.equals("/allot/v1/users/validate")) {
            return """
                    {"value":[{"id":"%s","user":{"usageLocation":"SE"}},{"id":"bob@%s","user":{"department":"X"}}]}""".formatted(bob, global.domain);
        }
        if (template.equals("/allot/v1/licenseRequests")) {
            return request(bob);
        }
        if (template.endsWith("/approve") || template.endsWith("/deny") || template.endsWith("/cancel")) {
            return "{\"reason\":\"Leaked\"}";
        }
        if (template.endsWith("/$ref")) {
            return ref(bob);
        }
        if (template.endsWith("/assignLicense")) {
            return assign();
        }
        return "{\"department\":\"Leaked\",\"description\":\"Leaked\",\"displayName\":\"Leaked\"}";
    }
}
