package org.allot.server.web.graph;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.allot.server.http.GraphErrorBodies;
import org.allot.server.http.RequestIds;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON batching as Graph does it ({@code POST /v1.0/$batch}): the batch's requests ({@link BatchSteps}) run one after
 * another, each after the requests it depends on, each dispatched through the servlet container with the batch's
 * credentials, so that it is authenticated, authorised and counted against the app's rate as if it had been sent
 * alone. A request whose dependency did not succeed is not run and answers 424. The batch answers 200 with every
 * request's status, headers and body, in the order the requests were sent.
 */
@RestController
public class BatchController {
    /** The headers of the batch request that each of its requests carries too (credentials, the public URL's). */
    private static final List<String> INHERITED = List.of(
            "Authorization",
            "Host",
            "Forwarded",
            "X-Forwarded-For",
            "X-Forwarded-Host",
            "X-Forwarded-Proto",
            "X-Forwarded-Port",
            "client-request-id");
    /** The headers of an answer that the batch's response repeats, as Graph's does. */
    private static final Set<String> ANSWERED =
            Set.of("content-type", "location", "retry-after", "odata-version", "allow");

    private final JsonMapper json;
    private final GraphErrorBodies errors;

    public BatchController(JsonMapper json, GraphErrorBodies errors) {
        this.json = json;
        this.errors = errors;
    }

    @PostMapping(path = "/v1.0/$batch", produces = "application/json")
    public ObjectNode batch(@RequestBody JsonNode body, HttpServletRequest request) {
        List<BatchSteps.Step> steps = BatchSteps.read(body, json);
        Map<String, ObjectNode> answers = new HashMap<>();
        Map<String, Integer> statuses = new HashMap<>();
        for (BatchSteps.Step step : steps) {
            ObjectNode answer = step.dependsOn().stream().allMatch(d -> succeeded(statuses.get(d)))
                    ? run(step, request)
                    : failedDependency(step, request);
            statuses.put(step.id(), answer.path("status").asInt());
            answers.put(step.id(), answer);
        }
        ObjectNode batch = json.createObjectNode();
        ArrayNode responses = batch.putArray("responses");
        readOrder(body).forEach(id -> responses.add(answers.get(id)));
        return batch;
    }

    private ObjectNode run(BatchSteps.Step step, HttpServletRequest batch) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(step.headers());
        headers.putIfAbsent("Accept", List.of("application/json"));
        for (String name : INHERITED) {
            List<String> values = Collections.list(batch.getHeaders(name));
            if (!values.isEmpty()) {
                headers.put(name, values);
            } else if (name.equals("Authorization")) {
                headers.remove(name);
            }
        }
        BatchRequest inner = new BatchRequest(
                container(batch), step.method(), headers, step.body().getBytes(StandardCharsets.UTF_8));
        inner.setAttribute(RequestIds.ATTRIBUTE, batch.getAttribute(RequestIds.ATTRIBUTE));
        inner.setAttribute(RequestIds.CLIENT_ATTRIBUTE, batch.getAttribute(RequestIds.CLIENT_ATTRIBUTE));
        BatchResponse answer = new BatchResponse();
        RequestDispatcher dispatcher = batch.getServletContext().getRequestDispatcher(step.path());
        if (dispatcher == null) {
            return error(step.id(), batch, 400, "BadRequest", "Invalid request URL.");
        }
        SecurityContext context = SecurityContextHolder.getContext();
        try {
            dispatcher.forward(inner, answer);
        } catch (ServletException | IOException | RuntimeException e) {
            boolean rejected =
                    e instanceof RequestRejectedException || e.getCause() instanceof RequestRejectedException;
            return rejected
                    ? error(step.id(), batch, 400, "BadRequest", GraphErrorBodies.message(400))
                    : error(step.id(), batch, 500, GraphErrorBodies.code(500), GraphErrorBodies.message(500));
        } finally {
            SecurityContextHolder.setContext(context);
        }
        return answer(step.id(), answer, batch);
    }

    private ObjectNode answer(String id, BatchResponse answer, HttpServletRequest batch) {
        byte[] bytes = answer.body();
        if (bytes.length == 0 && answer.status() >= 400) {
            return error(
                    id,
                    batch,
                    answer.status(),
                    GraphErrorBodies.code(answer.status()),
                    GraphErrorBodies.message(answer.status()));
        }
        ObjectNode node = json.createObjectNode();
        node.put("id", id);
        node.put("status", answer.status());
        ObjectNode headers = node.putObject("headers");
        answer.headers().forEach((name, values) -> {
            if (ANSWERED.contains(name.toLowerCase(Locale.ROOT)) && !values.isEmpty()) {
                headers.put(name, String.join(", ", values));
            }
        });
        if (bytes.length > 0) {
            String type = answer.getContentType() == null
                    ? ""
                    : answer.getContentType().toLowerCase(Locale.ROOT);
            if (type.contains("json")) {
                try {
                    node.set("body", json.readTree(bytes));
                } catch (JacksonException e) {
                    node.put("body", Base64.getEncoder().encodeToString(bytes));
                }
            } else {
                node.put("body", Base64.getEncoder().encodeToString(bytes));
            }
        }
        return node;
    }

    private ObjectNode failedDependency(BatchSteps.Step step, HttpServletRequest batch) {
        return error(
                step.id(),
                batch,
                424,
                "FailedDependency",
                "The request was not run: a request it depends on" + " (" + String.join(", ", step.dependsOn())
                        + ") failed.");
    }

    private ObjectNode error(String id, HttpServletRequest batch, int status, String code, String message) {
        ObjectNode node = json.createObjectNode();
        node.put("id", id);
        node.put("status", status);
        node.putObject("headers").put("Content-Type", "application/json");
        node.set("body", json.valueToTree(errors.body(batch, code, message)));
        return node;
    }

    private static boolean succeeded(Integer status) {
        return status != null && status >= 200 && status < 300;
    }

    /** The ids of the batch's requests in the order they were sent. */
    private static List<String> readOrder(JsonNode body) {
        List<String> ids = new ArrayList<>();
        for (JsonNode request : body.path("requests")) {
            ids.add(request.path("id").asString());
        }
        return ids;
    }

    /** The container's own request, under the wrappers the batch request passed through. */
    private static HttpServletRequest container(HttpServletRequest request) {
        ServletRequest current = request;
        while (current instanceof ServletRequestWrapper wrapper) {
            current = wrapper.getRequest();
        }
        return (HttpServletRequest) current;
    }
}
